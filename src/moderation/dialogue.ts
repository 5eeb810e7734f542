// The short guided dialogue for adding or editing a fact in a text chat (Telegram, console): one
// question at a time, "-" keeps the current value when editing, "cancel" stops. Pure state, kept
// as plain data between replies so a store (this process's memory, or PostgreSQL shared by
// replicas) can hold it while the moderator types, whichever replica their next reply reaches.
import { z } from 'zod';
import { MODERATION } from '../config/defaults.js';
import type { Fact } from '../knowledge/schema.js';
import { DIALOGUE_MESSAGES as M } from '../messages.js';
import type { FactDraft } from './draft.js';

const STEPS = ['questions', 'answer', 'sourceUrl', 'sourceTitle', 'sourcePublisher', 'sourceDate', 'asOf'] as const;
type Step = (typeof STEPS)[number];

/** Where a dialogue stands: read back through this schema from whichever store kept it. */
export const DialogueStateSchema = z.object({
  step: z.number().int().min(0).max(STEPS.length),
  draft: z.object({
    questions: z.array(z.string()).optional(),
    answer: z.string().optional(),
    sourceUrl: z.string().optional(),
    sourceTitle: z.string().optional(),
    sourcePublisher: z.string().optional(),
    sourceDate: z.string().optional(),
    asOf: z.string().optional(),
  }),
  /** When editing: the fact, the version the moderator started from, and its values as shown. */
  editing: z.object({ factId: z.string(), key: z.string(), current: z.partialRecord(z.enum(STEPS), z.string()) }).optional(),
});
export type DialogueState = z.infer<typeof DialogueStateSchema>;

export type DialogueTurn =
  | { kind: 'ask'; prompt: string }
  | { kind: 'cancelled'; text: string }
  | { kind: 'done'; mode: 'add'; draft: FactDraft }
  | { kind: 'done'; mode: 'edit'; factId: string; expectedKey: string; draft: Partial<FactDraft> };

const KEEP = '-';

export class FactDialogue {
  readonly #state: DialogueState;

  constructor(state: DialogueState) {
    this.#state = structuredClone(state);
  }

  static add(): FactDialogue {
    return new FactDialogue({ step: 0, draft: {} });
  }

  static edit(fact: Fact, key: string): FactDialogue {
    const current: DialogueState['editing'] & object = { factId: fact.id, key, current: {} };
    for (const step of STEPS) {
      const value = currentValue(fact, step);
      if (value !== undefined) current.current[step] = value;
    }
    return new FactDialogue({ step: 0, draft: {}, editing: current });
  }

  /** A copy of where the dialogue stands, for a store to keep. */
  get state(): DialogueState {
    return structuredClone(this.#state);
  }

  /** The first prompt. */
  start(): DialogueTurn {
    const { editing } = this.#state;
    return { kind: 'ask', prompt: `${editing ? M.editLead(editing.factId) : M.addLead}\n${this.#prompt()}` };
  }

  reply(text: string): DialogueTurn {
    const value = text.trim();
    if (/^(cancel|\/cancel|stop)$/i.test(value)) return { kind: 'cancelled', text: M.cancelled };
    const step = STEPS[this.#state.step];
    if (!step) return this.#finish();
    const editing = this.#state.editing !== undefined;
    const kept = value === KEEP || (value === '' && editing);
    if (!kept) {
      const problem = this.#take(step, value);
      if (problem) return { kind: 'ask', prompt: `${problem}\n${this.#prompt()}` };
    } else if (!editing && REQUIRED.has(step)) {
      return { kind: 'ask', prompt: `${M.required}\n${this.#prompt()}` };
    }
    this.#state.step += 1;
    return this.#state.step >= STEPS.length ? this.#finish() : { kind: 'ask', prompt: this.#prompt() };
  }

  #take(step: Step, value: string): string | undefined {
    if (step === 'questions') {
      const questions = value.split(/\n|\|/).map((q) => q.replace(/^[-•*]\s*/, '').trim()).filter(Boolean);
      if (questions.length < 3) return M.needThreeQuestions(questions.length);
      this.#state.draft.questions = questions;
    } else {
      this.#state.draft[step] = value;
    }
    return undefined;
  }

  #prompt(): string {
    const step = STEPS[this.#state.step] ?? 'asOf';
    const { editing } = this.#state;
    const keep = editing ? M.keepHint(editing.current[step] ?? '—') : REQUIRED.has(step) ? '' : M.skipHint;
    return `${M.prompts[step]}${keep ? `\n${keep}` : ''}`;
  }

  #finish(): DialogueTurn {
    const { editing, draft } = this.#state;
    if (editing) return { kind: 'done', mode: 'edit', factId: editing.factId, expectedKey: editing.key, draft };
    const { questions = [], answer = '', sourceUrl = '', asOf = '' } = draft;
    return { kind: 'done', mode: 'add', draft: { ...draft, questions, answer, sourceUrl, asOf } };
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

/** Where open dialogues wait for their next reply; keys are opaque ("telegram:7"). */
export interface DialogueStore {
  /** The dialogue open under `key`, if it was last touched less than MODERATION.dialogueTimeoutMs before `now`. */
  get(key: string, now: number): Promise<DialogueState | undefined>;
  put(key: string, state: DialogueState, now: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Open dialogues in this process's memory: the default, for one process. */
export class MemoryDialogueStore implements DialogueStore {
  readonly #open = new Map<string, { state: DialogueState; at: number }>();

  get(key: string, now: number): Promise<DialogueState | undefined> {
    const entry = this.#open.get(key);
    if (entry && now - entry.at > MODERATION.dialogueTimeoutMs) this.#open.delete(key);
    return Promise.resolve(this.#open.get(key)?.state);
  }

  put(key: string, state: DialogueState, now: number): Promise<void> {
    this.#open.set(key, { state, at: now });
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.#open.delete(key);
    return Promise.resolve();
  }
}

/** Open dialogues by chat user; an abandoned one expires instead of capturing their next question. */
export class Dialogues {
  constructor(
    private readonly store: DialogueStore = new MemoryDialogueStore(),
    private readonly now: () => number = Date.now,
  ) {}

  async start(key: string, dialogue: FactDialogue): Promise<DialogueTurn> {
    await this.store.put(key, dialogue.state, this.now());
    return dialogue.start();
  }

  async has(key: string): Promise<boolean> {
    return (await this.store.get(key, this.now())) !== undefined;
  }

  /** Passes a reply to the user's open dialogue; the dialogue closes when it is done or cancelled. */
  async reply(key: string, text: string): Promise<DialogueTurn | undefined> {
    const state = await this.store.get(key, this.now());
    if (!state) return undefined;
    const dialogue = new FactDialogue(state);
    const turn = dialogue.reply(text);
    if (turn.kind === 'ask') await this.store.put(key, dialogue.state, this.now());
    else await this.store.delete(key);
    return turn;
  }
}
