// @fastify/session's store interface (callbacks) over the core's ConsoleSessions port (promises),
// so sessions live in memory or in PostgreSQL like the rest of the bot's state.
import type { SessionStore } from '@fastify/session';
import { CONSOLE_ACCESS, type ConsoleSessions } from '../../src/index.js';

type Callback = (err?: unknown, value?: unknown) => void;

export function sessionStoreOn(sessions: ConsoleSessions): SessionStore {
  return {
    set(sid: string, session: unknown, callback: Callback) {
      const expires = (session as { cookie?: { expires?: Date | string | null } }).cookie?.expires;
      const expiresAt = expires ? new Date(expires).getTime() : Date.now() + CONSOLE_ACCESS.sessionMs;
      // Stored as plain data: the plugin rebuilds its Session object on the next read.
      sessions.set(sid, JSON.parse(JSON.stringify(session)) as unknown, expiresAt).then(() => callback(), callback);
    },
    get(sid: string, callback: Callback) {
      sessions.get(sid, Date.now()).then((data) => callback(undefined, data ?? null), callback);
    },
    destroy(sid: string, callback: Callback) {
      sessions.destroy(sid).then(() => callback(), callback);
    },
  } as SessionStore;
}
