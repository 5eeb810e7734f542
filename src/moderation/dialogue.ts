// The short guided dialogue for adding or editing a fact in a text chat (Telegram, console): one
// question at a time, "-" keeps the current value when editing, "cancel" stops. Pure state.
import { MODERATION } from '../config/defaults.js';
import type { Fact } from '../knowledge/schema.js';
import { DIALOGUE_MESSAGES as M } from '../messages.js';
import type { FactDraft } from './draft.js';

const STEPS = ['questions', 'answer', 'sourceUrl', 'sourceTitle', 'sourcePublisher', 'sourceDate', 'asOf'] as const;
type Step = (typeof STEPS)[number];

export type DialogueTurn =
  | { kind: 'ask'; prompt: string }
  | { kind: 'cancelled'; text: string }
  | { kind: 'done'; mode: 'add'; draft: FactDraft }
  | { kind: 'done'; mode: 'edit'; factId: string; expectedKey: string; draft: Partial<FactDraft> };

const KEEP = '-';

export class FactDialogue {
  #step = 0;
  readonly #draft: Partial<FactDraft> = {};

  private constructor(
    private readonly editing?: { fact: Fact; key: string },
  ) {}

  static add(): FactDialogue {
    return new FactDialogue();
  }

  static edit(fact: Fact, key: string): FactDialogue {
    return new FactDialogue({ fact, key });
  }

  /** The first prompt. */
  start(): DialogueTurn {
    return { kind: 'ask', prompt: `${this.editing ? M.editLead(this.editing.fact.id) : M.addLead}\n${this.#prompt()}` };
  }

  reply(text: string): DialogueTurn {
    const value = text.trim();
    if (/^(cancel|\/cancel|stop)$/i.test(value)) return { kind: 'cancelled', text: M.cancelled };
    const step = STEPS[this.#step];
    if (!step) return this.#finish();
    const kept = value === KEEP || (value === '' && this.editing !== undefined);
    if (!kept) {
      const problem = this.#take(step, value);
      if (problem) return { kind: 'ask', prompt: `${problem}\n${this.#prompt()}` };
    } else if (!this.editing && REQUIRED.has(step)) {
      return { kind: 'ask', prompt: `${M.required}\n${this.#prompt()}` };
    }
    this.#step += 1;
    return this.#step >= STEPS.length ? this.#finish() : { kind: 'ask', prompt: this.#prompt() };
  }

  #take(step: Step, value: string): string | undefined {
    if (step === 'questions') {
      const questions = value.split(/\n|\|/).map((q) => q.replace(/^[-•*]\s*/, '').trim()).filter(Boolean);
      if (questions.length < 3) return M.needThreeQuestions(questions.length);
      this.#draft.questions = questions;
    } else {
      this.#draft[step] = value;
    }
    return undefined;
  }

  #prompt(): string {
    const step = STEPS[this.#step] ?? 'asOf';
    const current = this.editing ? currentValue(this.editing.fact, step) : undefined;
    const keep = this.editing ? M.keepHint(current ?? '—') : REQUIRED.has(step) ? '' : M.skipHint;
    return `${M.prompts[step]}${keep ? `\n${keep}` : ''}`;
  }

  #finish(): DialogueTurn {
    if (this.editing) return { kind: 'done', mode: 'edit', factId: this.editing.fact.id, expectedKey: this.editing.key, draft: this.#draft };
    const { questions = [], answer = '', sourceUrl = '', asOf = '' } = this.#draft;
    return { kind: 'done', mode: 'add', draft: { ...this.#draft, questions, answer, sourceUrl, asOf } };
  }
}

const REQUIRED: ReadonlySet<Step> = new Set(['questions', 'answer', 'sourceUrl', 'asOf']);

function currentValue(fact: Fact, step: Step): string | undefined {
  const source = fact.sources[0];
  switch (step) {
    case 'questions':
      return fact.questions.join(' | ');
    case 'answer':
      return fact.answer;
    case 'sourceUrl':
      return source?.url;
    case 'sourceTitle':
      return source?.title;
    case 'sourcePublisher':
      return source?.publisher;
    case 'sourceDate':
      return source?.published;
    case 'asOf':
      return fact.asOf;
    default: {
      const unreachable: never = step;
      return unreachable;
    }
  }
}

/** Open dialogues by chat user; an abandoned one expires instead of capturing their next question. */
export class Dialogues {
  readonly #open = new Map<string, { dialogue: FactDialogue; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  start(key: string, dialogue: FactDialogue): DialogueTurn {
    this.#open.set(key, { dialogue, at: this.now() });
    return dialogue.start();
  }

  has(key: string): boolean {
    const entry = this.#open.get(key);
    if (entry && this.now() - entry.at > MODERATION.dialogueTimeoutMs) this.#open.delete(key);
    return this.#open.has(key);
  }

  /** Passes a reply to the user's open dialogue; the dialogue closes when it is done or cancelled. */
  reply(key: string, text: string): DialogueTurn | undefined {
    if (!this.has(key)) return undefined;
    const entry = this.#open.get(key);
    if (!entry) return undefined;
    entry.at = this.now();
    const turn = entry.dialogue.reply(text);
    if (turn.kind !== 'ask') this.#open.delete(key);
    return turn;
  }
}
