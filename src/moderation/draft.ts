// What a moderator types when adding or editing a fact, and how it becomes a fact in the schema.
// Validation is left to the same zod schemas the files use, so chat and files can never disagree.
import { foldText } from '../matching/normalize.js';
import { LIMITS } from '../config/defaults.js';
import type { Fact, FactInput } from '../knowledge/schema.js';

export interface FactDraft {
  id?: string;
  questions: string[];
  answer: string;
  sourceUrl: string;
  sourceTitle?: string;
  sourcePublisher?: string;
  /** Publication date of the source, YYYY-MM-DD. */
  sourceDate?: string;
  /** When the fact was true, YYYY-MM-DD. */
  asOf: string;
  tags?: string[];
  round?: number;
}

/** A new fact from a draft: its source becomes the first citation. */
export function factFromDraft(draft: FactDraft): FactInput {
  return withoutUndefined({
    id: draft.id?.trim() || slugFrom(draft.questions[0] ?? draft.answer),
    round: draft.round,
    questions: draft.questions.map((q) => q.trim()).filter(Boolean),
    answer: draft.answer.trim(),
    sources: [sourceFromDraft(draft)],
    asOf: draft.asOf.trim(),
    tags: draft.tags ?? [],
    status: 'active',
  });
}

/**
 * An edited fact: fields the draft leaves empty keep their value, and a new source URL replaces
 * the first citation only when it differs (adding a citation is `fact source`).
 */
export function applyDraft(fact: Fact, draft: Partial<FactDraft>): FactInput {
  const questions = draft.questions?.map((q) => q.trim()).filter(Boolean);
  const sourceChanged = draft.sourceUrl !== undefined && draft.sourceUrl.trim() !== '' && draft.sourceUrl.trim() !== fact.sources[0]?.url;
  const sources = sourceChanged ? [sourceFromDraft({ ...draft, sourceUrl: draft.sourceUrl ?? '' }), ...fact.sources.slice(1)] : fact.sources;
  return withoutUndefined({
    ...fact,
    questions: questions && questions.length > 0 ? questions : fact.questions,
    answer: draft.answer?.trim() || fact.answer,
    asOf: draft.asOf?.trim() || fact.asOf,
    sources,
    tags: draft.tags ?? fact.tags,
    round: draft.round ?? fact.round,
  });
}

function sourceFromDraft(draft: Pick<FactDraft, 'sourceUrl' | 'sourceTitle' | 'sourcePublisher' | 'sourceDate'>) {
  return withoutUndefined({
    title: draft.sourceTitle?.trim() || undefined,
    publisher: draft.sourcePublisher?.trim() || undefined,
    published: draft.sourceDate?.trim() || undefined,
    url: draft.sourceUrl.trim(),
  });
}

/** "How long did round 4 last?" → "how-long-did-round-4-last" */
export function slugFrom(text: string): string {
  return foldText(text).split(' ').filter(Boolean).join('-').slice(0, LIMITS.factIdChars).replace(/-+$/, '') || 'fact';
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
