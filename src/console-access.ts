// Who may use the moderators' web console, and for how long. Sign-in needs no password: a moderator
// asks the bot for a link (/console), which works once and for CONSOLE_ACCESS.linkValidMs; opening
// it starts a session of CONSOLE_ACCESS.sessionMs. The core owns both ports; this process's memory
// is the default store, PostgreSQL (src/storage/postgres/console.ts) the one replicas share, so a
// link issued by one replica opens a session any replica serves.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CONSOLE_ACCESS } from './config/defaults.js';
import type { Config } from './config/env.js';
import type { Actor } from './knowledge/store.js';

export const ConsoleUserSchema = z.object({ platform: z.string(), id: z.string(), name: z.string() });

/** One-time sign-in links; only a hash of each token is kept, so a leaked store opens nothing. */
export interface SignInLinks {
  /** A new token for `moderator`, valid once until `now` + CONSOLE_ACCESS.linkValidMs. */
  issue(moderator: Actor, now: number): Promise<string>;
  /** The moderator a token was issued to, if it is unused and unexpired; it is used up either way. */
  redeem(token: string, now: number): Promise<Actor | undefined>;
}

/** Sessions as @fastify/session keeps them: an opaque id to its data, until an expiry. */
export interface ConsoleSessions {
  get(sid: string, now: number): Promise<unknown>;
  set(sid: string, data: unknown, expiresAt: number): Promise<void>;
  destroy(sid: string): Promise<void>;
}

/** The address sign-in links point to: CONSOLE_URL, or this machine's own port when it is unset (fine for one moderator at the machine). */
export function consoleAddress(config: Pick<Config, 'CONSOLE_URL' | 'CONSOLE_PORT'>): string | undefined {
  if (config.CONSOLE_URL) return config.CONSOLE_URL;
  return config.CONSOLE_PORT ? `http://localhost:${config.CONSOLE_PORT}` : undefined;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class MemorySignInLinks implements SignInLinks {
  readonly #links = new Map<string, { moderator: Actor; expiresAt: number }>();

  issue(moderator: Actor, now: number): Promise<string> {
    for (const [hash, link] of this.#links) if (link.expiresAt <= now) this.#links.delete(hash);
    const token = newToken();
    this.#links.set(tokenHash(token), { moderator, expiresAt: now + CONSOLE_ACCESS.linkValidMs });
    return Promise.resolve(token);
  }

  redeem(token: string, now: number): Promise<Actor | undefined> {
    const hash = tokenHash(token);
    const link = this.#links.get(hash);
    this.#links.delete(hash);
    return Promise.resolve(link && link.expiresAt > now ? link.moderator : undefined);
  }
}

export class MemoryConsoleSessions implements ConsoleSessions {
  readonly #sessions = new Map<string, { data: unknown; expiresAt: number }>();

  get(sid: string, now: number): Promise<unknown> {
    const session = this.#sessions.get(sid);
    if (session && session.expiresAt <= now) this.#sessions.delete(sid);
    return Promise.resolve(session && session.expiresAt > now ? structuredClone(session.data) : undefined);
  }

  set(sid: string, data: unknown, expiresAt: number): Promise<void> {
    this.#sessions.set(sid, { data: structuredClone(data), expiresAt });
    return Promise.resolve();
  }

  destroy(sid: string): Promise<void> {
    this.#sessions.delete(sid);
    return Promise.resolve();
  }
}
