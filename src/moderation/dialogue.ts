// The guided dialogue for adding or editing a fact in a text chat (Telegram, console), and the
// draft behind the Discord form: one field at a time, each checked as it is answered and asked again
// with the problem when it does not pass, nothing typed before lost; then a preview of the fact, at
// which "save" saves, "<field> <value>" changes one field, and "cancel" stops. Editing, "keep" (or
// "-", or an empty reply) keeps a value. Pure state, kept as plain data between replies so a store
// (this process's memory, or PostgreSQL shared by replicas) can hold it while the moderator types,
// whichever replica their next reply reaches.
import { z } from 'zod';
import { MODERATION } from '../config/defaults.js';
import type { Fact } from '../knowledge/schema.js';
import { fieldNamed, isWord, mergeDraft, problemOf, readField, type Field, type FieldProblem } from './fields.js';
import type { FactDraft } from './draft.js';
import { DIALOGUE_STEPS, type DialogueStep } from './result.js';

const STEPS = DIALOGUE_STEPS;
/** A new fact cannot go without these. */
const REQUIRED: ReadonlySet<DialogueStep> = new Set(['questions', 'answer', 'url', 'asOf']);

const DraftSchema = z.object({
  id: z.string().optional(),
  questions: z.array(z.string()).optional(),
  answer: z.string().optional(),
  caveat: z.string().nullable().optional(),
  sourceUrl: z.string().optional(),
  sourceTitle: z.string().nullable().optional(),
  sourcePublisher: z.string().nullable().optional(),
  sourceDate: z.string().nullable().optional(),
  asOf: z.string().optional(),
  tags: z.array(z.string()).optional(),
  round: z.number().nullable().optional(),
});

/** Where a dialogue stands: read back through this schema from whichever store kept it. */
export const DialogueStateSchema = z.object({
  /** The step answered next; STEPS.length: the preview. */
  step: z.number().int().min(0).max(STEPS.length),
  /** What was answered and passed its check. */
  draft: DraftSchema,
  /** When editing: the fact, and the version the moderator started from. */
  editing: z.object({ factId: z.string(), key: z.string() }).optional(),
  /** A form's inputs as typed (Discord), so reopening it shows them, mistakes included. */
  form: z.record(z.string(), z.string()).optional(),
});
export type DialogueState = z.infer<typeof DialogueStateSchema>;

/** What the dialogue does with a reply; the caller turns it into a ModResult. */
export type DialogueTurn =
  | { kind: 'ask'; step: DialogueStep; opening: boolean; problems: FieldProblem[] }
  | { kind: 'preview'; problems: FieldProblem[]; notUnderstood: boolean }
  | { kind: 'cancelled' }
  /** The moderator said "save": the caller saves the draft, and closes the dialogue if it was saved. */
  | { kind: 'save' };

/** Replies that keep a value (editing) or leave an optional one out (adding). */
const KEEP = (value: string) => value === '' || value === '-' || isWord(value, 'keep') || isWord(value, 'skip');

export class FactDialogue {
  readonly #state: DialogueState;

  constructor(state: DialogueState) {
    this.#state = structuredClone(state);
  }

  static add(): FactDialogue {
    return new FactDialogue({ step: 0, draft: {} });
  }

  static edit(fact: Fact, key: string): FactDialogue {
    return new FactDialogue({ step: 0, draft: {}, editing: { factId: fact.id, key } });
  }

  /** A draft filled in at once (a submitted form), waiting at its preview. */
  static filled(draft: Partial<FactDraft>, form: Record<string, string>, editing?: { factId: string; key: string }): FactDialogue {
    return new FactDialogue({ step: STEPS.length, draft, form, ...(editing ? { editing } : {}) });
  }

  /** A copy of where the dialogue stands, for a store to keep. */
  get state(): DialogueState {
    return structuredClone(this.#state);
  }

  get mode(): 'add' | 'edit' {
    return this.#state.editing ? 'edit' : 'add';
  }

  get editing(): { factId: string; key: string } | undefined {
    return this.#state.editing && { ...this.#state.editing };
  }

  get draft(): Partial<FactDraft> {
    return structuredClone(this.#state.draft);
  }

  get form(): Record<string, string> | undefined {
    return this.#state.form && { ...this.#state.form };
  }

  /** Whether a new fact must have this step answered. */
  required(step: DialogueStep): boolean {
    return this.mode === 'add' && REQUIRED.has(step);
  }

  /** The fields the preview lets a moderator change by name: a new fact's id too. */
  get fields(): readonly Field[] {
    return this.mode === 'add' ? [...STEPS, 'caveat', 'title', 'publisher', 'published', 'id'] : [...STEPS, 'caveat', 'title', 'publisher', 'published'];
  }

  /** The first question. */
  start(): Extract<DialogueTurn, { kind: 'ask' }> {
    return { kind: 'ask', step: STEPS[0], opening: true, problems: [] };
  }

  reply(text: string): DialogueTurn {
    const value = text.trim();
    if (isWord(value, 'cancel') || /^(\/cancel|stop)$/i.test(value)) return { kind: 'cancelled' };
    const step = STEPS[this.#state.step];
    if (!step) return this.#atPreview(value);
    if (KEEP(value)) {
      if (this.required(step)) return { kind: 'ask', step, opening: false, problems: [problemOf('required')] };
    } else {
      const read = readField(step, value);
      if (!read.ok) return { kind: 'ask', step, opening: false, problems: read.problems };
      this.#state.draft = mergeDraft(this.#state.draft, read.draft);
    }
    this.#state.step += 1;
    const next = STEPS[this.#state.step];
    return next ? { kind: 'ask', step: next, opening: false, problems: [] } : { kind: 'preview', problems: [], notUnderstood: false };
  }

  /** Lays a change over the draft (a second form's fields), recording what was typed. */
  amend(change: Partial<FactDraft>, form: Record<string, string> = {}): void {
    this.#state.draft = mergeDraft(this.#state.draft, change);
    this.#state.form = { ...this.#state.form, ...form };
  }

  /** Replaces the whole draft (a form submitted again), with what was typed. */
  refill(draft: Partial<FactDraft>, form: Record<string, string>): void {
    this.#state.draft = draft;
    this.#state.form = form;
    this.#state.step = STEPS.length;
  }

  /** After a conflict: the draft now applies to the version saved meanwhile. */
  rebase(key: string): void {
    if (this.#state.editing) this.#state.editing.key = key;
  }

  /** At the preview: "save", or a field's name and its new value. */
  #atPreview(value: string): DialogueTurn {
    if (isWord(value, 'save')) return { kind: 'save' };
    const name = /^\S+/.exec(value)?.[0] ?? '';
    const field = fieldNamed(name);
    if (!field || !this.fields.includes(field)) return { kind: 'preview', problems: [], notUnderstood: true };
    const rest = value.slice(name.length).trim();
    if (rest === '') return { kind: 'preview', problems: [problemOf('required', field)], notUnderstood: false };
    const read = readField(field, rest);
    if (!read.ok) return { kind: 'preview', problems: read.problems, notUnderstood: false };
    this.#state.draft = mergeDraft(this.#state.draft, read.draft);
    return { kind: 'preview', problems: [], notUnderstood: false };
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

  /** Opens (or replaces) the user's dialogue; the first turn. */
  async start(key: string, dialogue: FactDialogue): Promise<Extract<DialogueTurn, { kind: 'ask' }>> {
    await this.keep(key, dialogue);
    return dialogue.start();
  }

  async has(key: string): Promise<boolean> {
    return (await this.store.get(key, this.now())) !== undefined;
  }

  /** The user's open dialogue, if any. */
  async open(key: string): Promise<FactDialogue | undefined> {
    const state = await this.store.get(key, this.now());
    return state && new FactDialogue(state);
  }

  /** Keeps the dialogue as it now stands (and its timeout starts again). */
  async keep(key: string, dialogue: FactDialogue): Promise<void> {
    await this.store.put(key, dialogue.state, this.now());
  }

  async close(key: string): Promise<void> {
    await this.store.delete(key);
  }

  /**
   * Passes a reply to the user's open dialogue. The dialogue closes when cancelled; otherwise it
   * stays open, a "save" included, until its caller closes it once the fact is saved.
   */
  async reply(key: string, text: string): Promise<{ dialogue: FactDialogue; turn: DialogueTurn } | undefined> {
    const dialogue = await this.open(key);
    if (!dialogue) return undefined;
    const turn = dialogue.reply(text);
    if (turn.kind === 'cancelled') await this.close(key);
    else await this.keep(key, dialogue);
    return { dialogue, turn };
  }
}
