// What a moderator command gives back: data, never prose, like an answer. Each adapter (Telegram
// HTML, Discord embeds, the console's text, the web console) lays a ModResult out with one
// exhaustive switch, taking its sentences from the moderator catalogues in src/messages.ts.
import type { AnswerOk } from '../answer.js';
import type { KnowledgeProblem } from '../knowledge/parse.js';
import type { Fact, FactInput } from '../knowledge/schema.js';
import type { Actor, AuditAction } from '../knowledge/store.js';
import type { Field, FieldProblem } from './fields.js';
import type { Gap, Rating } from './report.js';

/** One recorded change, and for an undo the change it took back. */
export interface HistoryItem {
  at: string;
  actor: Actor;
  action: AuditAction;
  factId: string;
  undid?: { action: AuditAction; at: string; actor: Actor };
}

/** Why nothing was saved (or shown). */
export type Refusal =
  /** The change does not pass the fact-base checks: each problem names its field. */
  | { kind: 'refused'; reason: 'invalid'; problems: FieldProblem[] }
  /** The files on disk have problems, so no change can be checked against them. */
  | { kind: 'refused'; reason: 'blocked'; problems: KnowledgeProblem[]; files: string[] }
  /** Another process held the write lock too long. */
  | { kind: 'refused'; reason: 'busy' }
  | { kind: 'refused'; reason: 'unrecorded' | 'unwritten' | 'unavailable'; detail: string }
  /** Someone changed the fact since it was opened, or an added id is taken: the store's sentence. */
  | { kind: 'refused'; reason: 'conflict'; message: string }
  /** No such fact; `message`, when set, is the store's own sentence (say, nothing left to undo). */
  | { kind: 'refused'; reason: 'not-found'; id: string; message?: string }
  | { kind: 'refused'; reason: 'already-retired'; id: string }
  /** The moderator's own limit, which counts changes only. */
  | { kind: 'refused'; reason: 'limited'; perMinute: number }
  /** A form's draft that is no longer open (saved, cancelled, or left past the dialogue timeout). */
  | { kind: 'refused'; reason: 'no-draft' };

/** A command typed almost right: what it lacks, in one line. */
export type UsageProblem =
  | { kind: 'days'; given: string; max: number }
  | { kind: 'needs-id'; command: string }
  | { kind: 'source' }
  | { kind: 'unknown-field'; field: string; fields: readonly Field[] }
  | { kind: 'needs-value'; field: Field };

/** The steps of the guided dialogue, in order; after the last comes the preview. */
export const DIALOGUE_STEPS = ['questions', 'answer', 'url', 'source', 'asOf', 'round', 'tags'] as const;
export type DialogueStep = (typeof DIALOGUE_STEPS)[number];

/** The dialogue asks for one field. */
export interface DialogueAsk {
  kind: 'ask';
  mode: 'add' | 'edit';
  /** The fact being edited. */
  factId?: string;
  step: DialogueStep;
  /** 1-based place of the step, of `total`. */
  number: number;
  total: number;
  /** The dialogue's first question: its lead says what it is for. */
  opening: boolean;
  /** Adding, and the fact cannot go without it. */
  required: boolean;
  /** Editing: the value now, as the moderator would retype it. */
  current?: string;
  /** Why the last reply was not taken: the field is asked again, and nothing else is lost. */
  problems: FieldProblem[];
}

/** The fact as it would be saved, before it is: "save", a field to change, or "cancel". */
export interface DialoguePreview {
  kind: 'preview';
  mode: 'add' | 'edit';
  factId: string;
  /** The fact as it would be written. */
  fact: FactInput;
  /** The answer members would get, when the fact passes the checks. */
  answer?: AnswerOk;
  /** What keeps it from being saved as it is. */
  problems: FieldProblem[];
  /** What was just typed and not taken (the draft keeps the value before it). */
  notTaken: FieldProblem[];
  /** Editing: the fields that differ from the fact as it is. */
  changed: Field[];
  /** Fields a moderator may change here by name. */
  fields: readonly Field[];
  /** A save that failed; the draft is kept. */
  refused?: Refusal;
  /** Someone saved the fact meanwhile: the draft now applies to their version. */
  rebased?: boolean;
  /** The reply was none of "save", "cancel" or a field and its value. */
  notUnderstood?: boolean;
}

export type ModResult =
  /** `fact show`: every field, and the version an edit is checked against. */
  | { kind: 'fact'; fact: Fact; version: string }
  /** A change made: served from the next question. */
  | { kind: 'saved'; action: AuditAction; fact: Fact; entry: HistoryItem }
  | Refusal
  | {
      kind: 'status';
      facts: number;
      active: number;
      sources: number;
      version: string;
      /** ISO date of the newest information; '' when none. */
      newest: string;
      last?: HistoryItem;
      /** Problems in the files on disk, pending. */
      problems: KnowledgeProblem[];
      translations: { language: string; current: number; missing: number; stale: string[] }[];
    }
  | {
      kind: 'gaps';
      days: number;
      /** The days asked for, when more than the report looks back (`maxDays`). */
      asked: number;
      maxDays: number;
      /** Only the newest `scanned` unanswered questions were grouped. */
      truncated: boolean;
      scanned: number;
      gaps: Gap[];
      ratings: Rating[];
    }
  | { kind: 'history'; factId: string; entries: HistoryItem[] }
  | DialogueAsk
  | DialoguePreview
  /** A dialogue or draft closed unsaved: cancelled, or an edit that changed nothing. */
  | { kind: 'cancelled'; unchanged: boolean }
  /** The command list, or the one thing a command typed almost right lacks. */
  | { kind: 'usage'; problem?: UsageProblem };

/** Whether a result is a refusal: for a colour, a log line, a test. */
export function isRefusal(result: ModResult): result is Refusal {
  return result.kind === 'refused';
}
