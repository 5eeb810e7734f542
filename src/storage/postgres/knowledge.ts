// Moderators' changes shared by replicas. Each change is checked against the whole base (the YAML
// files with every recorded change made over them), recorded with its moderator in one transaction
// under a PostgreSQL advisory lock (so two edits of one fact give one success and one conflict), and
// announced with NOTIFY; every replica then reloads within moments, and catches up on its own after
// a lost connection. The YAML files stay the reviewed source: `npm run kb:export` writes the
// recorded changes back into them for a pull request.
import path from 'node:path';
import type pg from 'pg';
import { withEdits } from '../../knowledge/edits.js';
import { FACTS_DIR, readKnowledgeFiles } from '../../knowledge/load.js';
import { parseFactBase, type ParseResult } from '../../knowledge/parse.js';
import type { FactInput } from '../../knowledge/schema.js';
import {
  AuditEntrySchema,
  nothingToUndo,
  prepareWrite,
  staleConflict,
  undoOf,
  type Actor,
  type AuditAction,
  type AuditEntry,
  type FactStore,
  type WriteResult,
} from '../../knowledge/store.js';
import { describe, type Database } from './database.js';

/** The NOTIFY channel replicas listen on for changes to the fact base. */
export const FACT_EDITS_CHANNEL = 'fact_edits';
/** An arbitrary constant naming "a fact-base write" among the database's advisory locks. */
const WRITE_LOCK = 7_146_220_252;

interface EditRow {
  at: Date;
  actor: unknown;
  action: string;
  fact_id: string;
  file: string;
  before: unknown;
  after: unknown;
}

export class PostgresFactStore implements FactStore {
  constructor(
    private readonly db: Database,
    readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The base this replica serves: the files with every recorded change made over them. */
  async load(): Promise<ParseResult> {
    const [files, edits] = await Promise.all([readKnowledgeFiles(this.dir), this.changes()]);
    const composed = withEdits(files, edits).files;
    return parseFactBase(composed.facts, composed.vocabulary, composed.translations);
  }

  async put(fact: FactInput, actor: Actor, action: AuditAction, expectedKey: string | null): Promise<WriteResult> {
    let client: pg.PoolClient;
    try {
      client = await this.db.pool.connect();
    } catch (err) {
      return { ok: false, reason: 'unavailable', detail: describe(err) };
    }
    try {
      await client.query('BEGIN');
      // Held to the end of the transaction: every replica's writes, one at a time.
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      const edits = await this.#readEdits(client);
      const files = withEdits(await readKnowledgeFiles(this.dir), edits).files;
      const prepared = prepareWrite(files, { fact, actor, action, expectedKey, at: this.now().toISOString() }, this.#factsDir());
      if (!prepared.ok) {
        await client.query('ROLLBACK');
        return prepared.reason === 'stale' ? staleConflict(fact.id, edits.filter((e) => e.factId === fact.id).at(-1)) : prepared;
      }
      const { entry, base } = prepared;
      const { rows } = await client.query<{ seq: string }>(
        'INSERT INTO fact_edits (at, actor, action, fact_id, file, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING seq',
        [entry.at, JSON.stringify(entry.actor), entry.action, entry.factId, this.#stored(entry.file), entry.before === null ? null : JSON.stringify(entry.before), JSON.stringify(entry.after)],
      );
      // Delivered at commit, so no replica reloads before the change can be read.
      await client.query('SELECT pg_notify($1, $2)', [FACT_EDITS_CHANNEL, rows[0]?.seq ?? '']);
      await client.query('COMMIT');
      return { ok: true, fact: entry.after, base, entry };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      return { ok: false, reason: 'unavailable', detail: describe(err) };
    } finally {
      client.release();
    }
  }

  async undo(factId: string, actor: Actor): Promise<WriteResult> {
    let history: AuditEntry[];
    try {
      history = await this.history(factId);
    } catch (err) {
      return { ok: false, reason: 'unavailable', detail: describe(err) };
    }
    const target = undoOf(history);
    return target ? this.put(target.fact, actor, 'undo', target.expectedKey) : nothingToUndo(factId);
  }

  async history(factId: string): Promise<AuditEntry[]> {
    return (await this.changes()).filter((e) => e.factId === factId);
  }

  changes(): Promise<AuditEntry[]> {
    return this.#readEdits(this.db.pool);
  }

  /** Where a new fact's file goes, named as the file store names it. */
  #factsDir(): string {
    return path.relative(process.cwd(), path.join(this.dir, FACTS_DIR)) || FACTS_DIR;
  }

  /**
   * A file's name as recorded: relative to the knowledge folder ("facts/rounds.yaml"), since each
   * replica has its own copy of the folder, wherever its machine keeps it.
   */
  #stored(file: string): string {
    return path.relative(path.resolve(this.dir), path.resolve(file)).split(path.sep).join('/');
  }

  /** A recorded file name as this replica's loader names the file (relative to the working directory). */
  #local(stored: string): string {
    return path.relative(process.cwd(), path.join(this.dir, stored)) || stored;
  }

  /** Every recorded change, oldest first, each through the audit entry's schema (a row that fails it is skipped). */
  async #readEdits(client: pg.Pool | pg.PoolClient): Promise<AuditEntry[]> {
    const { rows } = await client.query<EditRow>('SELECT at, actor, action, fact_id, file, before, after FROM fact_edits ORDER BY seq');
    const out: AuditEntry[] = [];
    for (const row of rows) {
      const parsed = AuditEntrySchema.safeParse({
        at: row.at.toISOString(),
        actor: row.actor,
        action: row.action,
        factId: row.fact_id,
        file: this.#local(row.file),
        before: row.before,
        after: row.after,
      });
      if (parsed.success) out.push(parsed.data);
    }
    return out;
  }
}
