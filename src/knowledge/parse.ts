// Validates the fact base's files as one unit and reports every problem at once, each with its
// file, fact and field, so a moderator fixes a whole pull request in one pass. Pure: no disk here.
import { createHash } from 'node:crypto';
// js-yaml reads: about seven times quicker than the yaml package, which the store keeps for
// writing, where its document model preserves comments. The core schema reads dates as text.
import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
import type { z } from 'zod';
import { FactFileSchema, FactSchema, VocabularySchema, type Fact, type Vocabulary } from './schema.js';
import { FactTranslationSchema, TranslationFileSchema, type FactTranslation, type TranslatedLanguage } from './translation.js';

export interface KnowledgeFile {
  /** Path as shown to people, e.g. "knowledge/facts/third-round.yaml". */
  name: string;
  text: string;
}

export interface KnowledgeProblem {
  file: string;
  factId?: string;
  /** Field path inside the fact or file, e.g. "sources[0].url". */
  field?: string;
  message: string;
}

export interface FactBase {
  /** Every fact, retired ones included (moderators still see them). */
  facts: readonly Fact[];
  vocabulary: Vocabulary;
  /** Which file each fact lives in, by id. */
  fileOf: ReadonlyMap<string, string>;
  /** Each language's translations, by fact id (see translation.ts); a fact may have none yet. */
  translations: ReadonlyMap<TranslatedLanguage, ReadonlyMap<string, FactTranslation>>;
  /** A short hash of the content: changes whenever any fact does. */
  version: string;
  /** The newest date the base speaks of (a fact's asOf or a source's publication). */
  newestDate: string;
}

export type ParseResult = { ok: true; base: FactBase } | { ok: false; problems: KnowledgeProblem[] };

export function formatProblem(p: KnowledgeProblem): string {
  const fact = p.factId !== undefined ? ` fact "${p.factId}":` : '';
  const field = p.field ? ` ${p.field}` : '';
  return `${p.file}:${fact}${field} ${p.message}`;
}

export function parseFactBase(
  factFiles: readonly KnowledgeFile[],
  vocabularyFile?: KnowledgeFile,
  translationFiles: readonly KnowledgeFile[] = [],
): ParseResult {
  const problems: KnowledgeProblem[] = [];
  const facts: Fact[] = [];
  const fileOf = new Map<string, string>();

  let vocabulary: Vocabulary = VocabularySchema.parse({});
  if (vocabularyFile) {
    const raw = readYaml(vocabularyFile, problems);
    if (raw !== undefined) {
      const parsed = VocabularySchema.safeParse(raw ?? {});
      if (parsed.success) vocabulary = parsed.data;
      else problems.push(...issuesOf(parsed.error, { file: vocabularyFile.name }));
    }
  }

  for (const file of factFiles) {
    const raw = readYaml(file, problems);
    if (raw === undefined) continue;
    const shape = FactFileSchema.safeParse(raw);
    if (!shape.success) {
      problems.push(...issuesOf(shape.error, { file: file.name }));
      continue;
    }
    shape.data.facts.forEach((entry, index) => {
      const rawId = isRecord(entry) && typeof entry.id === 'string' ? entry.id : undefined;
      const parsed = FactSchema.safeParse(entry);
      if (!parsed.success) {
        const where = rawId !== undefined ? { file: file.name, factId: rawId } : { file: file.name, prefix: `facts[${index}]` };
        problems.push(...issuesOf(parsed.error, where));
        return;
      }
      const fact = parsed.data;
      const earlier = fileOf.get(fact.id);
      if (earlier !== undefined) {
        problems.push({ file: file.name, factId: fact.id, field: 'id', message: `is used twice (also in ${earlier})` });
        return;
      }
      fileOf.set(fact.id, file.name);
      facts.push(fact);
    });
  }

  const translations = parseTranslations(translationFiles, fileOf, problems);
  if (problems.length > 0) return { ok: false, problems };
  const version = versionOf([...factFiles, ...translationFiles], vocabularyFile);
  return { ok: true, base: { facts, vocabulary, fileOf, translations, version, newestDate: newestDateOf(facts) } };
}

/** Each translation file checked against its schema and against the facts it translates. */
function parseTranslations(
  files: readonly KnowledgeFile[],
  factFileOf: ReadonlyMap<string, string>,
  problems: KnowledgeProblem[],
): Map<TranslatedLanguage, Map<string, FactTranslation>> {
  const byLanguage = new Map<TranslatedLanguage, Map<string, FactTranslation>>();
  const fileOf = new Map<string, string>();
  for (const file of files) {
    const raw = readYaml(file, problems);
    if (raw === undefined) continue;
    const shape = TranslationFileSchema.safeParse(raw);
    if (!shape.success) {
      problems.push(...issuesOf(shape.error, { file: file.name }));
      continue;
    }
    const { language } = shape.data;
    const translated = byLanguage.get(language) ?? new Map<string, FactTranslation>();
    byLanguage.set(language, translated);
    shape.data.facts.forEach((entry, index) => {
      const rawId = isRecord(entry) && typeof entry.id === 'string' ? entry.id : undefined;
      const parsed = FactTranslationSchema.safeParse(entry);
      if (!parsed.success) {
        const where = rawId !== undefined ? { file: file.name, factId: rawId } : { file: file.name, prefix: `facts[${index}]` };
        problems.push(...issuesOf(parsed.error, where));
        return;
      }
      const { id } = parsed.data;
      if (!factFileOf.has(id)) {
        problems.push({ file: file.name, factId: id, field: 'id', message: 'translates no fact of the base (check the id)' });
        return;
      }
      const key = `${language}\0${id}`;
      const earlier = fileOf.get(key);
      if (earlier !== undefined) {
        problems.push({ file: file.name, factId: id, field: 'id', message: `is translated into ${language} twice (also in ${earlier})` });
        return;
      }
      fileOf.set(key, file.name);
      translated.set(id, parsed.data);
    });
  }
  return byLanguage;
}

function readYaml(file: KnowledgeFile, problems: KnowledgeProblem[]): unknown {
  try {
    // An empty file is an empty document (null); undefined means the YAML was refused.
    return loadYaml(file.text, { schema: CORE_SCHEMA, filename: file.name }) ?? null;
  } catch (err) {
    const message = err instanceof YAMLException ? `${err.reason} at line ${err.mark.line + 1}, column ${err.mark.column + 1}` : String(err);
    problems.push({ file: file.name, message: `is not valid YAML: ${message}` });
    return undefined;
  }
}

function issuesOf(
  error: z.ZodError,
  where: { file: string; factId?: string; prefix?: string },
): KnowledgeProblem[] {
  return error.issues.map((issue) => {
    const field = [where.prefix, formatPath(issue.path)].filter(Boolean).join('.');
    const problem: KnowledgeProblem = { file: where.file, message: messageOf(issue) };
    if (where.factId !== undefined) problem.factId = where.factId;
    if (field) problem.field = field;
    return problem;
  });
}

/**
 * A zod error's problems in a moderator's words, each under its field: the path inside the value,
 * after `field` when the value checked was one field ("questions" → "questions[0]").
 */
export function fieldIssues(error: z.ZodError, field?: string): { field?: string; message: string }[] {
  return error.issues.map((issue) => {
    const path = formatPath(field ? [field, ...issue.path] : issue.path);
    return path ? { field: path, message: messageOf(issue) } : { message: messageOf(issue) };
  });
}

/** What YAML calls each kind of value, for a moderator who wrote the wrong kind. */
const KIND_NAMES: Readonly<Record<string, string>> = { array: 'a list', string: 'text', object: 'a set of "key: value" lines', number: 'a number', boolean: 'true or false' };

/** Zod's own wording ("Invalid input: expected array, received undefined") in a moderator's words. */
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_type') return issue.message;
  if (/received undefined$/.test(issue.message)) return 'is required';
  return `must be ${KIND_NAMES[issue.expected] ?? issue.expected}`;
}

/** ["sources", 0, "url"] → "sources[0].url" */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function versionOf(files: readonly KnowledgeFile[], vocabulary?: KnowledgeFile): string {
  const hash = createHash('sha256');
  for (const f of [...files, ...(vocabulary ? [vocabulary] : [])]) hash.update(f.name).update('\0').update(f.text).update('\0');
  return hash.digest('hex').slice(0, 12);
}

function newestDateOf(facts: readonly Fact[]): string {
  let newest = '';
  for (const fact of facts) {
    if (fact.asOf > newest) newest = fact.asOf;
    for (const s of fact.sources) if (s.published !== undefined && s.published > newest) newest = s.published;
  }
  return newest;
}
