// A moderator's open draft of a fact, however it was typed: step by step in a chat (TextModeration)
// or all at once in a form (FormDrafts, behind Discord's modal). Both keep the draft in the same
// dialogue store until it is saved or cancelled, preview it the same way, and on any refusal keep
// it for the moderator to fix and save again.
import { completeDraft } from './draft.js';
import { shownValue, readFields, type Field, type FieldProblem } from './fields.js';
import type { Dialogues, DialogueTurn } from './dialogue.js';
import { FactDialogue } from './dialogue.js';
import type { Actor } from '../knowledge/store.js';
import type { FactInput } from '../knowledge/schema.js';
import { DIALOGUE_STEPS, type DialogueAsk, type DialoguePreview, type ModResult, type Refusal } from './result.js';
import type { ModerationService } from './service.js';

/** Whose draft: one open draft per moderator, whichever way it is typed. */
export function draftKey(actor: Actor): string {
  return `${actor.platform}:${actor.id}`;
}

/** A dialogue's turn as a result to lay out; "save" is the caller's to run (see saveDraft). */
export function resultOf(service: ModerationService, dialogue: FactDialogue, turn: Exclude<DialogueTurn, { kind: 'save' }>): ModResult {
  switch (turn.kind) {
    case 'ask':
      return askOf(service, dialogue, turn);
    case 'preview':
      return previewOf(service, dialogue, { notTaken: turn.problems, ...(turn.notUnderstood ? { notUnderstood: true } : {}) });
    case 'cancelled':
      return { kind: 'cancelled', unchanged: false };
    default: {
      const unreachable: never = turn;
      return unreachable;
    }
  }
}

function askOf(service: ModerationService, dialogue: FactDialogue, turn: Extract<DialogueTurn, { kind: 'ask' }>): DialogueAsk {
  const editing = dialogue.editing;
  const fact = editing && service.find(editing.factId);
  const current = fact && shownValue(fact, turn.step);
  return {
    kind: 'ask',
    mode: dialogue.mode,
    ...(editing ? { factId: editing.factId } : {}),
    step: turn.step,
    number: DIALOGUE_STEPS.indexOf(turn.step) + 1,
    total: DIALOGUE_STEPS.length,
    opening: turn.opening,
    required: dialogue.required(turn.step),
    ...(current !== undefined ? { current } : {}),
    problems: turn.problems,
  };
}

/** The draft as it would be saved, with what was just not taken, a refusal, or a rebase to show with it. */
export function previewOf(
  service: ModerationService,
  dialogue: FactDialogue,
  extra: { notTaken?: FieldProblem[]; refused?: Refusal; rebased?: boolean; notUnderstood?: boolean } = {},
): ModResult {
  const editing = dialogue.editing;
  const shown = service.preview(dialogue.draft, editing?.factId);
  if (!shown) return { kind: 'refused', reason: 'not-found', id: editing?.factId ?? '' };
  const notTaken = extra.notTaken ?? [];
  // A value that was not taken is missing from the draft too: say so once, as typed.
  const named = new Set(notTaken.map((p) => p.field));
  const preview: DialoguePreview = {
    kind: 'preview',
    mode: dialogue.mode,
    ...shown,
    problems: shown.problems.filter((p) => p.field === undefined || !named.has(p.field)),
    notTaken,
    fields: dialogue.fields,
    ...(extra.refused ? { refused: extra.refused } : {}),
    ...(extra.rebased ? { rebased: true } : {}),
    ...(extra.notUnderstood ? { notUnderstood: true } : {}),
  };
  return preview;
}

/**
 * Saves an open draft. Saved, or an edit that changes nothing: the draft closes. Refused: it stays
 * open and its preview comes back with the refusal; after a conflict it applies to the version saved
 * meanwhile, so "save" again puts the same changes over that one.
 */
export async function saveDraft(service: ModerationService, dialogues: Dialogues, key: string, dialogue: FactDialogue, actor: Actor): Promise<ModResult> {
  const shown = previewOf(service, dialogue);
  if (shown.kind !== 'preview') {
    await dialogues.close(key);
    return shown;
  }
  // What cannot pass the checks is not tried, nor counted against the moderator's limit.
  if (shown.problems.length > 0 || shown.notTaken.length > 0) return shown;
  const editing = dialogue.editing;
  if (editing && shown.changed.length === 0) {
    await dialogues.close(key);
    return { kind: 'cancelled', unchanged: true };
  }
  const result = editing ? await service.edit(editing.factId, dialogue.draft, actor, editing.key) : await service.add(completeDraft(dialogue.draft), actor);
  if (result.kind !== 'refused') {
    await dialogues.close(key);
    return result;
  }
  const now = editing && result.reason === 'conflict' ? service.keyOf(editing.factId) : undefined;
  if (now !== undefined) {
    dialogue.rebase(now);
    await dialogues.keep(key, dialogue);
    return previewOf(service, dialogue, { refused: result, rebased: true });
  }
  return previewOf(service, dialogue, { refused: result });
}

/** Which fact a form is for: a new one, or one as it was (`key`) when the form opened. */
export type FormTarget = { mode: 'add' } | { mode: 'edit'; factId: string; key: string };

/** A form's inputs as typed, by the field each one holds. */
export type FormValues = Partial<Record<Field, string>>;

/**
 * Drafts typed in a form: a submitted form is checked field by field, kept, and previewed; the
 * moderator saves it, reopens the form with what they typed, adds fields from a second form, or
 * cancels. Discord's modal, which loses its inputs when closed, needs the draft kept here.
 */
export class FormDrafts {
  constructor(
    private readonly service: ModerationService,
    private readonly dialogues: Dialogues,
  ) {}

  /** A submitted form: for `target`, or (undefined) for the draft the moderator reopened. */
  async submit(actor: Actor, target: FormTarget | undefined, values: FormValues): Promise<ModResult> {
    const key = draftKey(actor);
    const { draft, problems } = readFields(values);
    let dialogue: FactDialogue;
    if (target) {
      if (target.mode === 'edit' && !this.service.find(target.factId)) return { kind: 'refused', reason: 'not-found', id: target.factId };
      dialogue = FactDialogue.filled(draft, compact(values), target.mode === 'edit' ? { factId: target.factId, key: target.key } : undefined);
    } else {
      const open = await this.dialogues.open(key);
      if (!open) return { kind: 'refused', reason: 'no-draft' };
      open.refill(draft, { ...open.form, ...compact(values) });
      dialogue = open;
    }
    await this.dialogues.keep(key, dialogue);
    return previewOf(this.service, dialogue, { notTaken: problems });
  }

  /**
   * More fields for the open draft, from a second form shown with the values the fact would have:
   * an input left empty there removes that optional field.
   */
  async amend(actor: Actor, values: FormValues): Promise<ModResult> {
    const key = draftKey(actor);
    const dialogue = await this.dialogues.open(key);
    if (!dialogue) return { kind: 'refused', reason: 'no-draft' };
    const typed = Object.fromEntries(Object.entries(values).map(([field, value]) => [field, value?.trim() ? value : 'none'])) as FormValues;
    const { draft, problems } = readFields(typed);
    dialogue.amend(draft, compact(values));
    await this.dialogues.keep(key, dialogue);
    return previewOf(this.service, dialogue, { notTaken: problems });
  }

  /** The open draft: what its form held as typed, and the fact as it would be saved, to show a form again. */
  async open(actor: Actor): Promise<{ target: FormTarget; form: FormValues; fact: FactInput } | undefined> {
    const dialogue = await this.dialogues.open(draftKey(actor));
    if (!dialogue) return undefined;
    const editing = dialogue.editing;
    const shown = this.service.preview(dialogue.draft, editing?.factId);
    if (!shown) return undefined;
    return { target: editing ? { mode: 'edit', ...editing } : { mode: 'add' }, form: (dialogue.form ?? {}) as FormValues, fact: shown.fact };
  }

  async save(actor: Actor): Promise<ModResult> {
    const key = draftKey(actor);
    const dialogue = await this.dialogues.open(key);
    if (!dialogue) return { kind: 'refused', reason: 'no-draft' };
    return saveDraft(this.service, this.dialogues, key, dialogue, actor);
  }

  async cancel(actor: Actor): Promise<ModResult> {
    await this.dialogues.close(draftKey(actor));
    return { kind: 'cancelled', unchanged: false };
  }
}

/** The typed values without those left undefined, as a store keeps them. */
function compact(values: FormValues): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
