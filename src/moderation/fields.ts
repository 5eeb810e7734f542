// What a moderator types for each field of a fact, read one way wherever it is typed: a step of the
// chat dialogue, a single-field edit ("fact edit <id> round 4"), the Discord form. Each value is
// checked on its own by the fact files' own schemas, so a bad address or date is refused as it is
// typed, with the same words `kb:check` would use, instead of at the end.
import type { z } from 'zod';
import { fieldIssues } from '../knowledge/parse.js';
import { AnswerTextSchema, CaveatSchema, FactSchema, PhrasingsSchema, SourceSchema, type Fact } from '../knowledge/schema.js';
import { LANGUAGES } from '../language.js';
import { DIALOGUE_MESSAGES, DIALOGUE_TEXT } from '../messages.js';
import type { FactDraft } from './draft.js';

/**
 * Every field a moderator can type. `source` is the first source's details at once ("title |
 * publisher | date"); `title`, `publisher` and `published` are one of them each; `url` is its address.
 */
export const FIELDS = ['questions', 'answer', 'caveat', 'url', 'source', 'title', 'publisher', 'published', 'asOf', 'round', 'tags', 'id'] as const;
export type Field = (typeof FIELDS)[number];

/** What `fact edit <id> <field> <value>` and a preview can change: all but the id, which names the fact. */
export const EDITABLE_FIELDS: readonly Field[] = FIELDS.filter((f) => f !== 'id');

/** Fields a fact may go without: "none" removes one. */
export const OPTIONAL_FIELDS: ReadonlySet<Field> = new Set(['caveat', 'source', 'title', 'publisher', 'published', 'round', 'tags']);

/** A problem with what was typed: the field as the fact files name it ("sources[0].url"), and what is wrong. */
export interface FieldProblem {
  field?: string;
  /** In English; the schema's own words, as `kb:check` says them, or the dialogue catalogue's sentence named by `code`. */
  message: string;
  /** A dialogue catalogue sentence, so each moderator reads `message` in their language (wording.ts problemText). */
  code?: ProblemCode;
}

/** The problems the moderation itself finds (not the fact schema), worded by the dialogue catalogues. */
export type ProblemCode = 'required' | 'notARound' | 'idTaken' | 'tooManyParts';

/** A problem worded by the dialogue catalogues: the English sentence, and its code for the others. */
export function problemOf(code: ProblemCode, field?: string): FieldProblem {
  return { ...(field !== undefined ? { field } : {}), message: DIALOGUE_MESSAGES[code], code };
}

export type FieldValue = { ok: true; draft: Partial<FactDraft> } | { ok: false; problems: FieldProblem[] };

/** Other names a moderator may use for a field. */
const ALIASES: Readonly<Record<string, Field>> = {
  question: 'questions',
  phrasings: 'questions',
  address: 'url',
  sourceurl: 'url',
  link: 'url',
  date: 'published',
  tag: 'tags',
};

/** The field a word names ("asof", "as-of" and "asOf" alike), if any. */
export function fieldNamed(word: string): Field | undefined {
  const key = word.trim().toLowerCase().replace(/[-_]/g, '');
  return FIELDS.find((f) => f.toLowerCase() === key) ?? ALIASES[key];
}

/**
 * Whether a reply is one of the dialogue's words ("save", "keep" …) in any language the bot speaks
 * ("зберегти", "сохранить" …): a moderator's app may be set to one language and their habit to another.
 */
export function isWord(text: string, word: keyof typeof DIALOGUE_MESSAGES.words): boolean {
  const said = text.trim().toLowerCase();
  return said === word || LANGUAGES.some((lang) => said === DIALOGUE_TEXT[lang].words[word].toLowerCase());
}

/**
 * The one reading of typed phrasings, wherever they are typed: one per line or separated by "|",
 * list bullets ("- ", "• ", "* ") dropped, blank ones skipped.
 */
export function parseQuestions(text: string): string[] {
  return text
    .split(/\n|\|/)
    .map((q) => q.replace(/^[-•*]\s*/, '').trim())
    .filter(Boolean);
}

/** "title | publisher | date" → its parts, trimmed (an empty part is ""); undefined when there are more than three. */
export function parseSourceDetails(text: string): [string, string, string] | undefined {
  const parts = text.split('|').map((part) => part.trim());
  if (parts.length > 3) return undefined;
  const [title = '', publisher = '', published = ''] = parts;
  return [title, publisher, published];
}

/** "fourth-round, duration" → ["fourth-round", "duration"]. */
export function parseTags(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/**
 * A typed value as a change to a draft, checked by the schema the fact files use for that field.
 * "none" removes an optional field (a null in the draft). In "source", an empty part changes nothing.
 */
export function readField(field: Field, text: string): FieldValue {
  const value = text.trim();
  if (OPTIONAL_FIELDS.has(field) && isWord(value, 'none')) return { ok: true, draft: cleared(field) };
  switch (field) {
    case 'questions':
      return check(PhrasingsSchema, parseQuestions(value), 'questions', (questions) => ({ questions }));
    case 'answer':
      return check(AnswerTextSchema, value, 'answer', (answer) => ({ answer }));
    case 'caveat':
      return check(CaveatSchema, value, 'caveat', (caveat) => ({ caveat }));
    case 'url':
      return check(SourceSchema.shape.url, value, 'sources[0].url', (sourceUrl) => ({ sourceUrl }));
    case 'title':
      return check(SourceSchema.shape.title, value, 'sources[0].title', (sourceTitle) => ({ sourceTitle }));
    case 'publisher':
      return check(SourceSchema.shape.publisher, value, 'sources[0].publisher', (sourcePublisher) => ({ sourcePublisher }));
    case 'published':
      return check(SourceSchema.shape.published, value, 'sources[0].published', (sourceDate) => ({ sourceDate }));
    case 'source':
      return readSourceDetails(value);
    case 'asOf':
      return check(FactSchema.shape.asOf, value, 'asOf', (asOf) => ({ asOf }));
    case 'round':
      if (!/^\d+$/.test(value)) return { ok: false, problems: [problemOf('notARound', 'round')] };
      return check(FactSchema.shape.round, Number(value), 'round', (round) => ({ round }));
    case 'tags':
      return check(FactSchema.shape.tags, parseTags(value), 'tags', (tags) => ({ tags }));
    case 'id':
      return check(FactSchema.shape.id, value, 'id', (id) => ({ id }));
    default: {
      const unreachable: never = field;
      return unreachable;
    }
  }
}

/**
 * Several typed fields at once (a submitted form) as one draft: empty ones are left out (kept,
 * when editing), and every problem is listed, not just the first.
 */
export function readFields(values: Partial<Record<Field, string>>): { draft: Partial<FactDraft>; problems: FieldProblem[] } {
  const draft: Partial<FactDraft> = {};
  const problems: FieldProblem[] = [];
  for (const field of FIELDS) {
    const text = values[field]?.trim();
    if (!text) continue;
    const read = readField(field, text);
    if (read.ok) Object.assign(draft, read.draft);
    else problems.push(...read.problems);
  }
  return { draft, problems };
}

/** A draft with the defined values of `change` laid over it. */
export function mergeDraft(draft: Partial<FactDraft>, change: Partial<FactDraft>): Partial<FactDraft> {
  return { ...draft, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
}

/** A field's value as a moderator reads and retypes it ("Now: …"); undefined when the fact has none. */
export function shownValue(fact: Fact, field: Field): string | undefined {
  const source = fact.sources[0];
  switch (field) {
    case 'questions':
      return fact.questions.join(' | ');
    case 'answer':
      return fact.answer;
    case 'caveat':
      return fact.caveat;
    case 'url':
      return source?.url;
    case 'source':
      return source && (source.title || source.publisher || source.published) ? [source.title, source.publisher, source.published].map((p) => p ?? '').join(' | ') : undefined;
    case 'title':
      return source?.title;
    case 'publisher':
      return source?.publisher;
    case 'published':
      return source?.published;
    case 'asOf':
      return fact.asOf;
    case 'round':
      return fact.round === undefined ? undefined : String(fact.round);
    case 'tags':
      return fact.tags.length > 0 ? fact.tags.join(', ') : undefined;
    case 'id':
      return fact.id;
    default: {
      const unreachable: never = field;
      return unreachable;
    }
  }
}

function readSourceDetails(value: string): FieldValue {
  const parts = parseSourceDetails(value);
  if (!parts) return { ok: false, problems: [problemOf('tooManyParts', 'sources[0]')] };
  const draft: Partial<FactDraft> = {};
  const problems: FieldProblem[] = [];
  (['title', 'publisher', 'published'] as const).forEach((field, i) => {
    const part = parts[i] ?? '';
    if (part === '') return;
    const read = readField(field, part);
    if (read.ok) Object.assign(draft, read.draft);
    else problems.push(...read.problems);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, draft };
}

function cleared(field: Field): Partial<FactDraft> {
  switch (field) {
    case 'caveat':
      return { caveat: null };
    case 'round':
      return { round: null };
    case 'tags':
      return { tags: [] };
    case 'title':
      return { sourceTitle: null };
    case 'publisher':
      return { sourcePublisher: null };
    case 'published':
      return { sourceDate: null };
    case 'source':
      return { sourceTitle: null, sourcePublisher: null, sourceDate: null };
    default:
      return {};
  }
}

function check<T>(schema: z.ZodType<T>, input: unknown, field: string, into: (value: NonNullable<T>) => Partial<FactDraft>): FieldValue {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: fieldIssues(parsed.error, field) };
  return { ok: true, draft: parsed.data === undefined || parsed.data === null ? {} : into(parsed.data) };
}
