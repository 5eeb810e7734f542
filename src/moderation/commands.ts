// Moderator commands as text ("fact show <id>", "kb unanswered 30"), for the chats that have no
// forms: Telegram and the console. Parsing is pure; TextModeration runs a parsed command or the
// user's open add/edit dialogue against the one ModerationService, and returns data to lay out.
import { MODERATION } from '../config/defaults.js';
import type { Actor } from '../knowledge/store.js';
import { Dialogues, FactDialogue } from './dialogue.js';
import { draftKey, FormDrafts, resultOf, saveDraft } from './drafts.js';
import { EDITABLE_FIELDS, fieldNamed, type Field } from './fields.js';
import type { ModResult, UsageProblem } from './result.js';
import type { ModerationService } from './service.js';

export type ModCommand =
  | { name: 'show' | 'edit' | 'retire' | 'history' | 'undo'; id: string }
  /** `fact edit <id> <field> <value>`: one field, saved in one message. */
  | { name: 'change'; id: string; field: Field; value: string }
  | { name: 'add' | 'status' }
  | { name: 'usage'; problem?: UsageProblem }
  | { name: 'source'; id: string; url: string; title?: string }
  | { name: 'unanswered'; days: number };

/** Reads "fact …" or "kb …" (a leading "/" and a "@botname" suffix are allowed). Undefined: not one. */
export function parseModCommand(text: string): ModCommand | undefined {
  const { words, rest } = leadingWords(text.trim().replace(/^\//, ''), 4);
  const group = words[0]?.replace(/@\w+$/, '').toLowerCase();
  if (group !== 'fact' && group !== 'kb') return undefined;
  const [, verb = '', id = '', third = ''] = words;
  const key = `${group} ${verb.toLowerCase()}`;
  const needsId = (): ModCommand => ({ name: 'usage', problem: { kind: 'needs-id', command: key } });
  switch (key) {
    case 'fact add':
      return { name: 'add' };
    case 'kb status':
      return { name: 'status' };
    case 'kb unanswered': {
      const days = Number(id || MODERATION.unansweredDays);
      return Number.isInteger(days) && days > 0 ? { name: 'unanswered', days } : { name: 'usage', problem: { kind: 'days', given: id, max: MODERATION.unansweredMaxDays } };
    }
    case 'fact source': {
      if (!id || !third) return { name: 'usage', problem: { kind: 'source' } };
      const title = rest.replace(/\s+/g, ' ').trim();
      return title ? { name: 'source', id, url: third, title } : { name: 'source', id, url: third };
    }
    case 'fact edit': {
      if (!id) return needsId();
      if (!third) return { name: 'edit', id };
      const field = fieldNamed(third);
      if (!field || !EDITABLE_FIELDS.includes(field)) return { name: 'usage', problem: { kind: 'unknown-field', field: third, fields: EDITABLE_FIELDS } };
      return rest ? { name: 'change', id, field, value: rest } : { name: 'usage', problem: { kind: 'needs-value', field } };
    }
    case 'fact show':
    case 'fact retire':
    case 'kb history':
    case 'kb undo': {
      const name = ({ 'fact show': 'show', 'fact retire': 'retire', 'kb history': 'history', 'kb undo': 'undo' } as const)[key];
      return id ? { name, id } : needsId();
    }
    default:
      return { name: 'usage' };
  }
}

/** The first `n` words of `text`, and the rest as typed (its line breaks kept: phrasings may be one a line). */
function leadingWords(text: string, n: number): { words: string[]; rest: string } {
  const words: string[] = [];
  let rest = text;
  while (words.length < n) {
    const word = /^(\S+)\s*/.exec(rest);
    if (!word?.[1]) break;
    words.push(word[1]);
    rest = rest.slice(word[0].length);
  }
  return { words, rest: rest.trim() };
}

export class TextModeration {
  readonly dialogues: Dialogues;
  /** Drafts typed in a form (Discord's modal), kept in the same store as the chat dialogues. */
  readonly forms: FormDrafts;

  constructor(
    private readonly service: ModerationService,
    dialogues?: Dialogues,
  ) {
    this.dialogues = dialogues ?? new Dialogues();
    this.forms = new FormDrafts(service, this.dialogues);
  }

  /** True when this text is for moderation: a command, or a reply to the user's open dialogue. */
  async wants(actor: Actor, text: string): Promise<boolean> {
    return parseModCommand(text) !== undefined || (await this.dialogues.has(draftKey(actor)));
  }

  /** Runs a command or continues a dialogue. The caller has already checked the actor is a moderator. */
  async handle(actor: Actor, text: string): Promise<ModResult> {
    const command = parseModCommand(text);
    const key = draftKey(actor);
    if (!command) {
      const replied = await this.dialogues.reply(key, text);
      if (!replied) return { kind: 'usage' };
      const { dialogue, turn } = replied;
      return turn.kind === 'save' ? saveDraft(this.service, this.dialogues, key, dialogue, actor) : resultOf(this.service, dialogue, turn);
    }
    switch (command.name) {
      case 'usage':
        return command.problem ? { kind: 'usage', problem: command.problem } : { kind: 'usage' };
      case 'show':
        return this.service.show(command.id);
      case 'add': {
        const dialogue = FactDialogue.add();
        return resultOf(this.service, dialogue, await this.dialogues.start(key, dialogue));
      }
      case 'edit': {
        const fact = this.service.find(command.id);
        const version = this.service.keyOf(command.id);
        if (!fact || !version) return { kind: 'refused', reason: 'not-found', id: command.id };
        const dialogue = FactDialogue.edit(fact, version);
        return resultOf(this.service, dialogue, await this.dialogues.start(key, dialogue));
      }
      case 'change':
        return this.service.change(command.id, command.field, command.value, actor);
      case 'retire':
        return this.service.retire(command.id, actor);
      case 'source':
        return this.service.addSource(command.id, { url: command.url, title: command.title }, actor);
      case 'status':
        return this.service.status();
      case 'unanswered':
        return this.service.unanswered(command.days);
      case 'history':
        return this.service.history(command.id);
      case 'undo':
        return this.service.undo(command.id, actor);
      default: {
        const unreachable: never = command;
        return unreachable;
      }
    }
  }
}
