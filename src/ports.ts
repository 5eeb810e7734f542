// What the core hands an adapter, and what an adapter hands back. Adapters depend on these;
// the core never imports an adapter.
import type { ActivityLog } from './activity.js';
import type { Announcer } from './announce.js';
import type { Config } from './config/env.js';
import type { BotCore } from './core.js';
import type { Logger } from './logger.js';
import type { TextModeration } from './moderation/commands.js';
import type { ModerationService } from './moderation/service.js';
import type { RateLimiter } from './ratelimit.js';
import type { ConsoleSessions, SignInLinks } from './console-access.js';
import type { FloodGate } from './flood-gate.js';
import type { FactStore } from './knowledge/store.js';
import type { Leadership } from './leadership.js';
import type { UpdateClaims } from './update-claims.js';

export interface AdapterDeps {
  core: BotCore;
  activity: ActivityLog;
  config: Config;
  logger: Logger;
  /** Per-user question limit, shared by every platform. */
  limiter: RateLimiter;
  /** Moderator commands: the service for form-based platforms, text commands for chat-based ones. */
  moderation?: Moderation;
  /** Where an adapter registers its announcement channel, when one is configured. */
  announcer?: Announcer;
  /** Which updates were taken, shared by replicas; this process's memory when unset. */
  claims?: UpdateClaims;
  /** What the moderators' web console and the /console command use; set when CONSOLE_PORT is. */
  consoleAccess?: { store: FactStore; links: SignInLinks; sessions: ConsoleSessions; secret: string };
  /** Who among the replicas plays a one-process role (the Telegram poller); this process alone when unset. */
  leadership?: Leadership;
  /** Where Telegram sends are counted against its flood limits, shared by replicas; this process's memory when unset. */
  telegramFlood?: FloodGate;
}

export interface Moderation {
  service: ModerationService;
  text: TextModeration;
  /** Stricter per-moderator limit for moderator commands. */
  limiter: RateLimiter;
}

export interface RunningAdapter {
  readonly name: string;
  /** Stops taking new events, lets in-flight replies finish, and resolves when done. */
  stop(): Promise<void>;
  /** Settles when the adapter stops serving on its own (say, Telegram revoked the token mid-run). */
  readonly ended?: Promise<void>;
}
