// The web console's sign-in links and sessions in PostgreSQL, so any replica serves any moderator.
import { CONSOLE_ACCESS } from '../../config/defaults.js';
import { ConsoleUserSchema, newToken, tokenHash, type ConsoleSessions, type SignInLinks } from '../../console-access.js';
import type { Actor } from '../../knowledge/store.js';
import type { Database } from './database.js';

export class PostgresSignInLinks implements SignInLinks {
  constructor(private readonly db: Database) {}

  async issue(moderator: Actor, now: number): Promise<string> {
    await this.db.pool.query('DELETE FROM console_links WHERE expires_at <= $1', [new Date(now)]);
    const token = newToken();
    await this.db.pool.query('INSERT INTO console_links (token_hash, moderator, expires_at) VALUES ($1, $2, $3)', [
      tokenHash(token),
      JSON.stringify(moderator),
      new Date(now + CONSOLE_ACCESS.linkValidMs),
    ]);
    return token;
  }

  async redeem(token: string, now: number): Promise<Actor | undefined> {
    // Deleted as it is read: of two replicas given the same link at once, one gets the moderator.
    const { rows } = await this.db.pool.query<{ moderator: unknown }>('DELETE FROM console_links WHERE token_hash = $1 AND expires_at > $2 RETURNING moderator', [
      tokenHash(token),
      new Date(now),
    ]);
    const parsed = ConsoleUserSchema.safeParse(rows[0]?.moderator);
    return parsed.success ? parsed.data : undefined;
  }
}

export class PostgresConsoleSessions implements ConsoleSessions {
  constructor(private readonly db: Database) {}

  async get(sid: string, now: number): Promise<unknown> {
    const { rows } = await this.db.pool.query<{ data: unknown }>('SELECT data FROM console_sessions WHERE sid = $1 AND expires_at > $2', [sid, new Date(now)]);
    return rows[0]?.data;
  }

  async set(sid: string, data: unknown, expiresAt: number): Promise<void> {
    // Sessions nobody signs out of end by time: they are deleted as new ones are kept.
    await this.db.pool.query('DELETE FROM console_sessions WHERE expires_at <= now()');
    await this.db.pool.query(
      'INSERT INTO console_sessions (sid, data, expires_at) VALUES ($1, $2, $3) ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at',
      [sid, JSON.stringify(data), new Date(expiresAt)],
    );
  }

  async destroy(sid: string): Promise<void> {
    await this.db.pool.query('DELETE FROM console_sessions WHERE sid = $1', [sid]);
  }
}
