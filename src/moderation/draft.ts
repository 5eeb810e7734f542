// What a moderator types when adding or editing a fact, and how it becomes a fact in the schema.
// Validation is left to the same zod schemas the files use, so chat and files can never disagree.
import { createHash } from 'node:crypto';
import { foldText } from '../matching/fold.js';
import { LIMITS } from '../config/defaults.js';
import { FACT_ID_PATTERN, type Fact, type FactInput, type Source } from '../knowledge/schema.js';

export interface FactDraft {
  id?: string;
  questions: string[];
  answer: string;
  /** Where sources disagree; null removes it (when editing). */
  caveat?: string | null;
  sourceUrl: string;
  /** The first source's details; null removes one (when editing), empty or absent keeps it. */
  sourceTitle?: string | null;
  sourcePublisher?: string | null;
  /** Publication date of the source, YYYY-MM-DD. */
  sourceDate?: string | null;
  /** When the fact was true, YYYY-MM-DD. */
  asOf: string;
  /** An empty list removes every tag (when editing). */
  tags?: string[];
  /** The round of talks; null removes it (when editing). */
  round?: number | null;
}

/** A draft of a new fact with what it lacks left empty, for the schema to name. */
export function completeDraft(draft: Partial<FactDraft>): FactDraft {
  return { ...draft, questions: draft.questions ?? [], answer: draft.answer ?? '', sourceUrl: draft.sourceUrl ?? '', asOf: draft.asOf ?? '' };
}

/** A new fact from a draft: its source becomes the first citation. */
export function factFromDraft(draft: FactDraft): FactInput {
  return withoutUndefined({
    id: draft.id?.trim() || slugFrom(draft.questions[0] ?? draft.answer),
    round: draft.round ?? undefined,
    questions: draft.questions.map((q) => q.trim()).filter(Boolean),
    answer: draft.answer.trim(),
    caveat: given(draft.caveat),
    sources: [{ ...sourceFromDraft(draft), url: draft.sourceUrl.trim() }],
    asOf: draft.asOf.trim(),
    tags: draft.tags ?? [],
    status: 'active',
  });
}

/**
 * An edited fact: fields the draft leaves empty keep their value, the first source's details
 * included, so a new address, title, publisher or date changes just that detail of the first
 * citation (adding a citation is `fact source`). A null removes an optional field.
 */
export function applyDraft(fact: Fact, draft: Partial<FactDraft>): FactInput {
  const questions = draft.questions?.map((q) => q.trim()).filter(Boolean);
  const [first, ...others] = fact.sources;
  const details = sourceFromDraft(draft);
  const cleared = new Set<keyof Source>();
  if (draft.sourceTitle === null) cleared.add('title');
  if (draft.sourcePublisher === null) cleared.add('publisher');
  if (draft.sourceDate === null) cleared.add('published');
  // Spread over the current source, so an untouched one keeps its key order in the file.
  const source = first && withoutKeys({ ...first, ...details, url: details.url ?? first.url }, cleared);
  return withoutUndefined({
    ...fact,
    questions: questions && questions.length > 0 ? questions : fact.questions,
    answer: given(draft.answer) ?? fact.answer,
    caveat: draft.caveat === null ? undefined : (given(draft.caveat) ?? fact.caveat),
    asOf: given(draft.asOf) ?? fact.asOf,
    sources: source ? [source, ...others] : others,
    tags: draft.tags ?? fact.tags,
    round: draft.round === null ? undefined : (draft.round ?? fact.round),
  });
}

/** The fields an edit changes: what a preview marks and an empty edit is told it lacks. */
export function changedFields(draft: Partial<FactDraft>): (keyof FactDraft)[] {
  return (Object.keys(draft) as (keyof FactDraft)[]).filter((key) => {
    const value = draft[key];
    if (value === undefined) return false;
    if (typeof value === 'string') return value.trim() !== '';
    if (Array.isArray(value)) return key === 'tags' || value.length > 0;
    return true;
  });
}

/** A value the moderator typed; empty is none. */
function given(value: string | null | undefined): string | undefined {
  return value?.trim() || undefined;
}

/** The source details the draft gives; those it leaves empty are absent. */
function sourceFromDraft(draft: Partial<FactDraft>): Partial<Source> {
  return withoutUndefined({
    title: given(draft.sourceTitle),
    publisher: given(draft.sourcePublisher),
    published: given(draft.sourceDate),
    url: given(draft.sourceUrl),
  });
}

function withoutKeys<T extends object>(value: T, keys: ReadonlySet<PropertyKey>): T {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.has(key))) as T;
}

/**
 * "How long did round 4 last?" → "how-long-did-round-4-last". Ids are Latin lower-case words, so a
 * question in another script ("Кто принёс торт?") gets one made from its hash: "fact-1a2b3c4d".
 */
export function slugFrom(text: string): string {
  const slug = foldText(text).split(' ').filter(Boolean).join('-').slice(0, LIMITS.factIdChars).replace(/-+$/, '');
  return FACT_ID_PATTERN.test(slug) ? slug : `fact-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
