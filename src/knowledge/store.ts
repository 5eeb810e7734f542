// Writes moderators' changes into the knowledge files themselves, so `git diff` shows every edit
// and nothing lives only in a process. Each write is validated as part of the whole base first,
// recorded in an audit log, written atomically (temporary file, then rename), and serialised, across
// processes too (a lock file in the knowledge folder). The FactStore port is what moderation uses;
// PostgreSQL's store (src/storage/postgres/knowledge.ts) is its second implementation, for replicas.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Document } from 'yaml';
import { z } from 'zod';
import { JsonLinesFile } from '../activity.js';
import { FACTS_DIR, loadFactBase, readKnowledgeFiles, type KnowledgeFiles } from './load.js';
import { parseFactBase, type FactBase, type KnowledgeFile, type KnowledgeProblem } from './parse.js';
import { LockTimeoutError, withFileLock } from './lock.js';
import { FactSchema, type Fact, type FactInput } from './schema.js';
export const AUDIT_FILE = '.audit.jsonl';
/** Hidden, like the audit log, so neither the loader nor the watcher reads it. */
export const LOCK_FILE = '.lock';

const ActorSchema = z.object({ platform: z.string(), id: z.string(), name: z.string() });
/** Who made a change, as the audit log shows it. */
export type Actor = z.infer<typeof ActorSchema>;

export const AuditActionSchema = z.enum(['add', 'edit', 'retire', 'source', 'undo']);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** One recorded change; read back from the audit file or the database through this schema. */
export const AuditEntrySchema = z.object({
  at: z.string(),
  actor: ActorSchema,
  action: AuditActionSchema,
  factId: z.string(),
  file: z.string(),
  /** The fact before the change; null when it was added. */
  before: FactSchema.nullable(),
  after: FactSchema,
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export type WriteResult =
  | { ok: true; fact: Fact; base: FactBase; entry: AuditEntry }
  | { ok: false; reason: 'invalid'; problems: KnowledgeProblem[] }
  /** The files on disk already have problems, so no change can be checked against them. */
  | { ok: false; reason: 'blocked'; problems: KnowledgeProblem[] }
  | { ok: false; reason: 'conflict'; message: string }
  | { ok: false; reason: 'not-found'; message: string }
  /** Another process held the write lock too long. */
  | { ok: false; reason: 'busy' }
  /** The audit log or the fact file could not be written; nothing changed. */
  | { ok: false; reason: 'unrecorded' | 'unwritten'; detail: string }
  /** The database that records changes could not be reached; nothing changed. */
  | { ok: false; reason: 'unavailable'; detail: string };

/**
 * A short fingerprint of a fact's content: what an editor saw when they started. Keys are sorted
 * first, so the fingerprint is the same whichever order a file or a database gave the fields in.
 */
export function factKey(fact: Fact | FactInput): string {
  return createHash('sha256').update(canonicalJson(fact)).digest('hex').slice(0, 12);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Where moderators' changes are made and recorded: the knowledge files, or a database replicas share. */
export interface FactStore {
  /**
   * Adds a fact (expectedKey null: the id must be new) or replaces one (expectedKey: the key of
   * the version the moderator started from; a different current version is a conflict).
   */
  put(fact: FactInput, actor: Actor, action: AuditAction, expectedKey: string | null): Promise<WriteResult>;
  /** Restores the version before the fact's latest change not yet undone. */
  undo(factId: string, actor: Actor): Promise<WriteResult>;
  /** The fact's recorded changes, oldest first. */
  history(factId: string): Promise<AuditEntry[]>;
  /** Every recorded change, oldest first. */
  changes(): Promise<AuditEntry[]>;
}

/**
 * A change checked against the whole base and ready to record (the new text of the fact's file), or
 * why not; `stale`: the fact changed since the moderator opened it (see staleConflict).
 */
export type PreparedWrite =
  | { ok: true; entry: AuditEntry; file: KnowledgeFile; base: FactBase }
  | Exclude<WriteResult, { ok: true }>
  | { ok: false; reason: 'stale' };

/** The conflict a stale edit gets, naming who changed the fact meanwhile when the record says. */
export function staleConflict(factId: string, lastChange: AuditEntry | undefined): WriteResult {
  const by = lastChange ? ` by ${lastChange.actor.name} at ${lastChange.at}` : '';
  return { ok: false, reason: 'conflict', message: `The fact "${factId}" was changed${by} after you opened it. Show it again and redo your edit.` };
}

/**
 * Checks a change against the current files (conflicts, then the whole base with the change made)
 * and prepares its record. Pure: both stores call it while holding their write lock.
 */
export function prepareWrite(
  files: KnowledgeFiles,
  change: { fact: FactInput; actor: Actor; action: AuditAction; expectedKey: string | null; at: string },
  newFileDir: string,
): PreparedWrite {
  const { fact, expectedKey } = change;
  const current = parseFactBase(files.facts, files.vocabulary, files.translations);
  // A change is checked as part of the whole base, which a broken file makes impossible.
  if (!current.ok) return { ok: false, reason: 'blocked', problems: current.problems };
  const existing = current.base.facts.find((f) => f.id === fact.id);
  if (expectedKey === null && existing) {
    return { ok: false, reason: 'conflict', message: `A fact with the id "${fact.id}" already exists.` };
  }
  if (expectedKey !== null && !existing) {
    return { ok: false, reason: 'not-found', message: `There is no fact with the id "${fact.id}".` };
  }
  if (expectedKey !== null && existing && factKey(existing) !== expectedKey) return { ok: false, reason: 'stale' };
  const fileName = current.base.fileOf.get(fact.id) ?? path.join(newFileDir, `${fact.id}.yaml`);
  const target = files.facts.find((f) => f.name === fileName);
  const text = target ? replaceFactIn(target.text, fact) : newFactFile(fact);
  const candidate: KnowledgeFile[] = target ? files.facts.map((f) => (f === target ? { name: f.name, text } : f)) : [...files.facts, { name: fileName, text }];
  const parsed = parseFactBase(candidate, files.vocabulary, files.translations);
  if (!parsed.ok) return { ok: false, reason: 'invalid', problems: parsed.problems };
  const after = parsed.base.facts.find((f) => f.id === fact.id);
  if (!after) throw new Error(`fact ${fact.id} vanished from ${fileName}`);
  const entry: AuditEntry = { at: change.at, actor: change.actor, action: change.action, factId: fact.id, file: fileName, before: existing ?? null, after };
  return { ok: true, entry, file: { name: fileName, text }, base: parsed.base };
}

/**
 * What undoing the fact's latest change not yet undone puts back, so repeated undos step back
 * through its history instead of undoing the undo; undefined when nothing is left to undo.
 */
export function undoOf(history: readonly AuditEntry[]): { fact: FactInput; expectedKey: string; undoes: AuditEntry } | undefined {
  const last = replayUndos(history).undoable.at(-1);
  if (!last) return undefined;
  // Undoing an addition: the fact cannot vanish from git history, so it is retired instead.
  return { fact: last.before ?? { ...last.after, status: 'retired' }, expectedKey: factKey(last.after), undoes: last };
}

/** For each undo in a fact's history (by its place in `history`), the change it took back. */
export function undoneBy(history: readonly AuditEntry[]): Map<number, AuditEntry> {
  return replayUndos(history).took;
}

/** The history read as undo does: each undo takes back the latest change not yet taken back. */
function replayUndos(history: readonly AuditEntry[]): { undoable: AuditEntry[]; took: Map<number, AuditEntry> } {
  const undoable: AuditEntry[] = [];
  const took = new Map<number, AuditEntry>();
  history.forEach((entry, i) => {
    if (entry.action !== 'undo') {
      undoable.push(entry);
      return;
    }
    const undone = undoable.pop();
    if (undone) took.set(i, undone);
  });
  return { undoable, took };
}

export const nothingToUndo = (factId: string): WriteResult => ({
  ok: false,
  reason: 'not-found',
  message: `No change to "${factId}" is recorded that is not undone already, so there is nothing to undo.`,
});

/** The key order a reader expects in a fact file. */
const FIELD_ORDER = ['id', 'round', 'years', 'timeline', 'questions', 'answer', 'caveat', 'sources', 'asOf', 'tags', 'status'] as const;

function ordered(fact: FactInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (fact[key] !== undefined) out[key] = fact[key];
  return out;
}

export class KnowledgeStore implements FactStore {
  readonly audit: JsonLinesFile<AuditEntry>;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.audit = new JsonLinesFile(path.join(dir, AUDIT_FILE), AuditEntrySchema);
  }

  load() {
    return loadFactBase(this.dir);
  }

  /**
   * Adds a fact (expectedKey null: the id must be new) or replaces one (expectedKey: the key of
   * the version the moderator started from; a different current version is a conflict).
   */
  put(fact: FactInput, actor: Actor, action: AuditAction, expectedKey: string | null): Promise<WriteResult> {
    // The queue keeps this process's writes in order; the lock keeps out other processes' writes
    // between reading the files and replacing one, or one of the two changes would be lost.
    return this.#serialised(async () => {
      try {
        return await withFileLock(path.join(this.dir, LOCK_FILE), () => this.#put(fact, actor, action, expectedKey));
      } catch (err) {
        if (err instanceof LockTimeoutError) return { ok: false, reason: 'busy' };
        throw err;
      }
    });
  }

  async #put(fact: FactInput, actor: Actor, action: AuditAction, expectedKey: string | null): Promise<WriteResult> {
    const files = await readKnowledgeFiles(this.dir);
    const prepared = prepareWrite(files, { fact, actor, action, expectedKey, at: this.now().toISOString() }, this.#shownFactsDir());
    if (!prepared.ok) return prepared.reason === 'stale' ? staleConflict(fact.id, (await this.history(fact.id)).at(-1)) : prepared;
    const { entry, file, base } = prepared;
    // Recorded first, so no change is ever live without its record; taken back if the write fails.
    let takeBack: () => Promise<void>;
    try {
      takeBack = await this.audit.appendRevocable(entry);
    } catch (err) {
      return { ok: false, reason: 'unrecorded', detail: describeIoError(err) };
    }
    try {
      await writeAtomically(path.resolve(file.name), file.text);
    } catch (err) {
      await takeBack();
      return { ok: false, reason: 'unwritten', detail: describeIoError(err) };
    }
    return { ok: true, fact: entry.after, base, entry };
  }

  async history(factId: string): Promise<AuditEntry[]> {
    return (await this.audit.readAll()).filter((e) => e.factId === factId);
  }

  changes(): Promise<AuditEntry[]> {
    return this.audit.readAll();
  }

  async undo(factId: string, actor: Actor): Promise<WriteResult> {
    const target = undoOf(await this.history(factId));
    return target ? this.put(target.fact, actor, 'undo', target.expectedKey) : nothingToUndo(factId);
  }

  #shownFactsDir(): string {
    return path.relative(process.cwd(), path.join(this.dir, FACTS_DIR)) || FACTS_DIR;
  }

  #serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

/** "EACCES", "ENOSPC": what a moderator can pass on to whoever runs the bot. */
function describeIoError(err: unknown): string {
  return (err as NodeJS.ErrnoException | undefined)?.code ?? String(err);
}

// The YAML editor is loaded at the first write: a process that never writes (`npm run ask`) starts quicker without it.
const require = createRequire(import.meta.url);
const yaml = () => require('yaml') as typeof import('yaml');

/** Replaces the fact with the same id in a file's text, keeping comments and the other facts. */
export function replaceFactIn(text: string, fact: FactInput): string {
  const { isMap, isSeq, parseDocument } = yaml();
  const doc: Document = parseDocument(text);
  const facts = doc.get('facts');
  if (!isSeq(facts)) return newFactFile(fact);
  const index = facts.items.findIndex((item) => isMap(item) && item.get('id') === fact.id);
  const node = doc.createNode(ordered(fact));
  if (index >= 0) facts.items[index] = node;
  else facts.items.push(node);
  return doc.toString({ lineWidth: 100 });
}

export function newFactFile(fact: FactInput): string {
  const doc = yaml().parseDocument('facts: []\n');
  doc.set('facts', doc.createNode([ordered(fact)]));
  return doc.toString({ lineWidth: 100 });
}

/** Write to a hidden temporary file in the same folder, flush it, then rename over the target. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}
