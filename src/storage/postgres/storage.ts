// Every piece of shared state in one PostgreSQL database (DATABASE_URL).
import { randomBytes } from 'node:crypto';
import { STORAGE } from '../../config/defaults.js';
import type { Logger } from '../../logger.js';
import type { Storage } from '../storage.js';
import { PostgresConsoleSessions, PostgresSignInLinks } from './console.js';
import { PostgresConversations } from './conversations.js';
import { Database, type DatabaseOptions } from './database.js';
import { PostgresDialogueStore } from './dialogues.js';
import { PostgresFloodGate } from './flood-gate.js';
import { FACT_EDITS_CHANNEL, PostgresFactStore } from './knowledge.js';
import { PostgresLeadership } from './leadership.js';
import { PostgresRateLimiter } from './rate-limit.js';
import { activityTables } from './record-log.js';
import { PostgresUpdateClaims } from './update-claims.js';

const MINUTE_MS = 60_000;

export async function openPostgresStorage(url: string, logger?: Logger, options: DatabaseOptions = {}): Promise<Storage & { db: Database }> {
  const db = await Database.open(url, { ...options, ...(logger ? { logger } : {}) });
  const conversations = await PostgresConversations.open(db, logger);
  return {
    kind: 'postgres',
    db,
    activity: activityTables(db),
    conversations,
    dialogues: new PostgresDialogueStore(db),
    claims: new PostgresUpdateClaims(db),
    knowledge(dir) {
      const store = new PostgresFactStore(db, dir);
      return {
        store,
        load: () => store.load(),
        async follow(reload) {
          const unlisten = await db.listen(FACT_EDITS_CHANNEL, reload, reload);
          // Besides NOTIFY: a replica whose notice was lost in a network blip catches up on its own.
          const timer = setInterval(reload, STORAGE.catchUpMs);
          timer.unref();
          return () => {
            clearInterval(timer);
            unlisten();
          };
        },
      };
    },
    leadership: new PostgresLeadership(db),
    signInLinks: new PostgresSignInLinks(db),
    consoleSessions: new PostgresConsoleSessions(db),
    async consoleSecret() {
      // The first replica's random key wins; every other replica reads the same one.
      await db.pool.query('INSERT INTO console_secret (secret) VALUES ($1) ON CONFLICT (only_one) DO NOTHING', [randomBytes(32).toString('hex')]);
      const { rows } = await db.pool.query<{ secret: string }>('SELECT secret FROM console_secret');
      const secret = rows[0]?.secret;
      if (!secret) throw new Error('the console_secret table holds no key');
      return secret;
    },
    floodGate: (platform, limits) => new PostgresFloodGate(db, limits, `${platform}-flood`),
    limiter: (name, perMinute) => new PostgresRateLimiter(db, perMinute, MINUTE_MS, name),
    async sharedAskedCounts() {
      const { rows } = await db.pool.query<{ fact_id: string; n: string }>(
        `SELECT record->>'factId' AS fact_id, count(*) AS n FROM activity
         WHERE kind = 'question' AND record->>'kind' = 'answer' AND record->>'factId' IS NOT NULL
         GROUP BY 1 ORDER BY min(id)`,
      );
      return new Map(rows.map((r) => [r.fact_id, Number(r.n)]));
    },
    writeProblem: () => db.writeProblem(),
    async close() {
      await conversations.settled();
      conversations.close();
      await db.close();
    },
  };
}
