// Where the bot keeps what changes while it runs, chosen once at start: with no DATABASE_URL, this
// process's memory and the files in DATA_DIR (one process, `npm start` needs no service); with one,
// PostgreSQL, shared by every replica and shard. The PostgreSQL side is loaded only when asked for,
// so a bot without a database never loads its client.
import { randomBytes } from 'node:crypto';
import { activityFiles, type ActivityRecords } from '../activity.js';
import type { Config } from '../config/env.js';
import { MemoryConsoleSessions, MemorySignInLinks, type ConsoleSessions, type SignInLinks } from '../console-access.js';
import { MemoryConversations, type ConversationStore } from '../conversation.js';
import { MemoryFloodGate, type FloodGate, type FloodLimitsWindows } from '../flood-gate.js';
import { loadFactBase } from '../knowledge/load.js';
import { SoleLeadership, type Leadership } from '../leadership.js';
import type { ParseResult } from '../knowledge/parse.js';
import { KnowledgeStore, type FactStore } from '../knowledge/store.js';
import type { Logger } from '../logger.js';
import { MemoryDialogueStore, type DialogueStore } from '../moderation/dialogue.js';
import { MemoryRateLimiter, type RateLimiter } from '../ratelimit.js';
import { MemoryUpdateClaims, type UpdateClaims } from '../update-claims.js';

export interface Storage {
  readonly kind: 'files' | 'postgres';
  readonly activity: ActivityRecords;
  readonly conversations: ConversationStore;
  readonly dialogues: DialogueStore;
  readonly claims: UpdateClaims;
  /** The fact base in `dir` as this storage serves and changes it. */
  knowledge(dir: string): KnowledgeAccess;
  /** The web console's one-time sign-in links and its sessions. */
  readonly signInLinks: SignInLinks;
  readonly consoleSessions: ConsoleSessions;
  /** The key session cookies are signed with when CONSOLE_SESSION_SECRET is unset: the same on every replica. */
  consoleSecret(): Promise<string>;
  /** Who among the replicas plays a one-process role. */
  readonly leadership: Leadership;
  /** Where a platform's sends are counted against its flood limits. */
  floodGate(platform: 'telegram', limits: FloodLimitsWindows): FloodGate;
  /** A per-user limit of `perMinute` requests; `name` keeps apart limits on the same users. */
  limiter(name: 'questions' | 'moderator', perMinute: number): RateLimiter;
  /**
   * How often each fact was answered, counted where every replica's questions are, when the log is
   * shared (one process counts its own as it records them).
   */
  sharedAskedCounts?(): Promise<Map<string, number>>;
  /** Why state cannot be written now (for /healthz), or undefined when it can. */
  writeProblem(): Promise<string | undefined>;
  close(): Promise<void>;
}

export interface KnowledgeAccess {
  store: FactStore;
  /** Reads the base to serve. */
  load(): Promise<ParseResult>;
  /**
   * Calls `reload` whenever a change made elsewhere (another replica) should be served; returns how
   * to stop. With files alone there is no elsewhere: the folder's own watcher sees every change.
   */
  follow(reload: () => void): Promise<() => void>;
}

const MINUTE_MS = 60_000;
const processSecret = randomBytes(32).toString('hex');

/** The database DATABASE_URL names cannot be used at start: the message is the one line to show. */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
}

export async function openStorage(config: Config, logger?: Logger): Promise<Storage> {
  if (config.DATABASE_URL) return (await import('./postgres/storage.js')).openPostgresStorage(config.DATABASE_URL, logger);
  return {
    kind: 'files',
    activity: activityFiles(config.DATA_DIR),
    conversations: new MemoryConversations(),
    dialogues: new MemoryDialogueStore(),
    claims: new MemoryUpdateClaims(),
    knowledge: (dir) => ({ store: new KnowledgeStore(dir), load: () => loadFactBase(dir), follow: () => Promise.resolve(() => {}) }),
    leadership: new SoleLeadership(),
    signInLinks: new MemorySignInLinks(),
    consoleSessions: new MemoryConsoleSessions(),
    // One process: a key of its own, so sessions end when it restarts.
    consoleSecret: () => Promise.resolve(processSecret),
    floodGate: (_platform, limits) => new MemoryFloodGate(limits),
    limiter: (_name, perMinute) => new MemoryRateLimiter(perMinute, MINUTE_MS),
    writeProblem: () => Promise.resolve(undefined),
    close: () => Promise.resolve(),
  };
}
