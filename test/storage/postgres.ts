// A PostgreSQL of the tests' own: each suite gets a fresh schema on TEST_DATABASE_URL (the machine's
// shared server by default), dropped afterwards. With no server there, the suite is skipped with one
// printed line, except under CI=true, where a missing server is a failure.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { Database, quoteIdent } from '../../src/storage/postgres/database.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether the server answers; under CI=true its absence throws instead. */
export async function postgresAvailable(url = TEST_DATABASE_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (err) {
    await client.end().catch(() => undefined);
    if (process.env.CI === 'true') throw new Error(`CI=true but no PostgreSQL answers at ${url}: ${(err as Error).message}`);
    console.log(`skipping PostgreSQL tests: no server answers at ${url} (set TEST_DATABASE_URL)`);
    return false;
  }
}

export const HAS_POSTGRES = await postgresAvailable();

/** A unique schema name for one suite or test. */
export function freshSchema(label: string): string {
  return `t_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
}

/** Opens a database in a fresh schema, dropped with every connection closed after the suite. */
export async function openTestDatabase(label: string): Promise<Database> {
  const schema = freshSchema(label);
  const db = await Database.open(TEST_DATABASE_URL, { schema });
  afterAll(async () => {
    await db.close();
    await dropSchema(schema);
  });
  return db;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}
