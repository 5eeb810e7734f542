// The lead for a role as a PostgreSQL session-level advisory lock, held on a connection of its own:
// the server frees it the moment that connection ends, so when a leader dies (even kill -9) a
// waiting replica takes over at its next try.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { STORAGE } from '../../config/defaults.js';
import type { Lease, Leadership } from '../../leadership.js';
import type { Database } from './database.js';

export class PostgresLeadership implements Leadership {
  constructor(
    private readonly db: Database,
    private readonly retryMs: number = STORAGE.leaderRetryMs,
  ) {}

  async acquire(role: string, signal: AbortSignal): Promise<Lease> {
    const key = lockKeyOf(role);
    for (;;) {
      signal.throwIfAborted();
      const client = this.db.newClient();
      // A half-open connection (the server's host gone) is noticed, so a lost lead is never held on to.
      try {
        await client.connect();
        // An error on a connection nobody is querying must not crash the process.
        client.on('error', () => undefined);
        for (;;) {
          const { rows } = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock($1) AS taken', [key]);
          if (rows[0]?.taken) return leaseOn(client, key);
          await sleep(this.retryMs, undefined, { signal });
        }
      } catch {
        await client.end().catch(() => undefined);
        signal.throwIfAborted();
        // The database is unreachable for now: a waiting replica goes on waiting.
        await sleep(this.retryMs, undefined, { signal });
      }
    }
  }
}

function leaseOn(client: pg.Client, key: string): Lease {
  let released = false;
  const lost = new Promise<void>((resolve) => {
    const gone = () => !released && resolve();
    client.on('error', gone);
    client.on('end', gone);
  });
  return {
    lost,
    async release() {
      released = true;
      await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}

/** A role's name as one of the database's 64-bit advisory lock keys. */
export function lockKeyOf(role: string): string {
  return BigInt.asIntN(64, BigInt(`0x${createHash('sha256').update(`istanbul-talks-bot:${role}`).digest('hex').slice(0, 16)}`)).toString();
}
