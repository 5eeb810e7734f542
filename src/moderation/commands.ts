// Moderator commands as text ("fact show <id>", "kb unanswered 30"), for the chats that have no
// forms: Telegram and the console. Parsing is pure; TextModeration runs a parsed command or the
// user's open add/edit dialogue against the one ModerationService.
import { MODERATION } from '../config/defaults.js';
import type { Actor } from '../knowledge/store.js';
import { MOD_MESSAGES } from '../messages.js';
import { Dialogues, FactDialogue, type DialogueTurn } from './dialogue.js';
import type { ModReply, ModerationService } from './service.js';

export type ModCommand =
  | { name: 'show' | 'edit' | 'retire' | 'history' | 'undo'; id: string }
  | { name: 'add' | 'status' | 'usage' }
  | { name: 'source'; id: string; url: string; title?: string }
  | { name: 'unanswered'; days: number };

/** Reads "fact …" or "kb …" (a leading "/" and a "@botname" suffix are allowed). Undefined: not one. */
export function parseModCommand(text: string): ModCommand | undefined {
  const words = text.trim().replace(/^\//, '').split(/\s+/);
  const group = words[0]?.replace(/@\w+$/, '').toLowerCase();
  if (group !== 'fact' && group !== 'kb') return undefined;
  const [verb = '', id = '', ...rest] = words.slice(1);
  const key = `${group} ${verb.toLowerCase()}`;
  switch (key) {
    case 'fact add':
      return { name: 'add' };
    case 'kb status':
      return { name: 'status' };
    case 'kb unanswered': {
      const days = Number(id || MODERATION.unansweredDays);
      return Number.isInteger(days) && days > 0 ? { name: 'unanswered', days } : { name: 'usage' };
    }
    case 'fact source':
      if (!id || !rest[0]) return { name: 'usage' };
      return rest.length > 1 ? { name: 'source', id, url: rest[0], title: rest.slice(1).join(' ') } : { name: 'source', id, url: rest[0] };
    case 'fact show':
    case 'fact edit':
    case 'fact retire':
    case 'kb history':
    case 'kb undo': {
      const name = ({ 'fact show': 'show', 'fact edit': 'edit', 'fact retire': 'retire', 'kb history': 'history', 'kb undo': 'undo' } as const)[key];
      return id ? { name, id } : { name: 'usage' };
    }
    default:
      return { name: 'usage' };
  }
}

export class TextModeration {
  readonly dialogues: Dialogues;

  constructor(
    private readonly service: ModerationService,
    dialogues?: Dialogues,
  ) {
    this.dialogues = dialogues ?? new Dialogues();
  }

  /** True when this text is for moderation: a command, or a reply to the user's open dialogue. */
  async wants(actor: Actor, text: string): Promise<boolean> {
    return parseModCommand(text) !== undefined || (await this.dialogues.has(dialogueKey(actor)));
  }

  /** Runs a command or continues a dialogue. The caller has already checked the actor is a moderator. */
  async handle(actor: Actor, text: string): Promise<ModReply> {
    const command = parseModCommand(text);
    const key = dialogueKey(actor);
    if (!command) {
      const turn = await this.dialogues.reply(key, text);
      return turn ? this.#turn(turn, actor) : { ok: false, text: MOD_MESSAGES.usage };
    }
    switch (command.name) {
      case 'usage':
        return { ok: true, text: MOD_MESSAGES.usage };
      case 'show':
        return this.service.show(command.id);
      case 'add':
        return this.#turn(await this.dialogues.start(key, FactDialogue.add()), actor);
      case 'edit': {
        const fact = this.service.find(command.id);
        const version = this.service.keyOf(command.id);
        if (!fact || !version) return { ok: false, text: MOD_MESSAGES.notFound(command.id) };
        return this.#turn(await this.dialogues.start(key, FactDialogue.edit(fact, version)), actor);
      }
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

  async #turn(turn: DialogueTurn, actor: Actor): Promise<ModReply> {
    switch (turn.kind) {
      case 'ask':
        return { ok: true, text: turn.prompt };
      case 'cancelled':
        return { ok: true, text: turn.text };
      case 'done':
        return turn.mode === 'add'
          ? this.service.add(turn.draft, actor)
          : this.service.edit(turn.factId, turn.draft, actor, turn.expectedKey);
      default: {
        const unreachable: never = turn;
        return unreachable;
      }
    }
  }
}

function dialogueKey(actor: Actor): string {
  return `${actor.platform}:${actor.id}`;
}
