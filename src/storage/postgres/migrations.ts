// The database's schema, as numbered steps the bot applies itself at start: a step, once shipped,
// is never edited (a replica on the old code may still rely on it); a change is a new step.
// Every replica migrates under one advisory lock, so two starting together do not race.
import type { Pool } from 'pg';

export interface Migration {
  version: number;
  /** What the step is for, as the migrations table records it. */
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    name: 'activity, limits, conversations, dialogues, update claims, fact edits',
    sql: `
      -- The questions and feedback logs: one row per record, the record itself as JSON.
      CREATE TABLE activity (
        id bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('question', 'feedback')),
        at timestamptz NOT NULL,
        record jsonb NOT NULL
      );
      CREATE INDEX activity_kind_at ON activity (kind, at);

      -- rate-limiter-flexible's own layout (RateLimiterPostgres), created here so it is migrated
      -- with the rest and the limiter never issues DDL of its own.
      CREATE TABLE rate_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      );

      -- The last turn of each conversation, for follow-ups on whichever replica they reach.
      CREATE TABLE conversations (
        key text PRIMARY KEY,
        turn jsonb NOT NULL,
        at timestamptz NOT NULL
      );

      -- Moderators' open add/edit dialogues, so a reply may reach another replica.
      CREATE TABLE dialogues (
        key text PRIMARY KEY,
        state jsonb NOT NULL,
        at timestamptz NOT NULL
      );

      -- Which replica took which platform update, so a retried update is answered once.
      CREATE TABLE update_claims (
        id text PRIMARY KEY,
        owner text NOT NULL,
        claimed_at timestamptz NOT NULL,
        done boolean NOT NULL DEFAULT false
      );
      CREATE INDEX update_claims_claimed_at ON update_claims (claimed_at);

      -- Every moderator's change, in order: the audit log, the history and undo, and the changes
      -- every replica makes over the fact files it started from (src/knowledge/edits.ts).
      CREATE TABLE fact_edits (
        seq bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        actor jsonb NOT NULL,
        action text NOT NULL,
        fact_id text NOT NULL,
        file text NOT NULL,
        before jsonb,
        after jsonb NOT NULL
      );
      CREATE INDEX fact_edits_fact ON fact_edits (fact_id, seq);
    `,
  },
  {
    version: 2,
    name: 'web console sign-in links and sessions',
    sql: `
      -- One-time sign-in links; the token itself is never stored, only its hash.
      CREATE TABLE console_links (
        token_hash text PRIMARY KEY,
        moderator jsonb NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE TABLE console_sessions (
        sid text PRIMARY KEY,
        data jsonb NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX console_sessions_expires_at ON console_sessions (expires_at);
    `,
  },
  {
    version: 3,
    name: 'one session-cookie key shared by every replica',
    sql: `
      -- Made by the first replica that needs it, when CONSOLE_SESSION_SECRET is not set.
      CREATE TABLE console_secret (
        only_one boolean PRIMARY KEY DEFAULT true CHECK (only_one),
        secret text NOT NULL
      );
    `,
  },
]);

/** An arbitrary constant naming "this bot's migrations" among the database's advisory locks. */
const MIGRATION_LOCK = 7_146_220_251;

/** Applies the steps this database lacks, each in its own transaction; returns the versions applied. */
export async function migrate(pool: Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const done = new Set(rows.map((r) => r.version));
      const applied: number[] = [];
      for (const step of [...migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(step.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(step.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [step.version, step.name]);
          await client.query('COMMIT');
        } catch (err) {
          // A connection that died mid-step fails its rollback too: the step's own error is the one to report.
          await client.query('ROLLBACK').catch(() => undefined);
          throw new Error(`database migration ${step.version} (${step.name}) failed: ${(err as Error).message}`, { cause: err });
        }
        applied.push(step.version);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}
