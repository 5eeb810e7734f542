// Telegram's flood limits counted once for every replica, through rate-limiter-flexible's
// PostgreSQL store: a chat's interval, a group's per-minute limit and the global per-second one are
// three limiters. A send passes only when all three allow it; one refused gives back what the
// others had counted, so a wait never uses up another send's turn. While the database cannot be
// reached, each counts in this process's memory (the library's insurance limiter).
import { RateLimiterRes, type RateLimiterPostgres } from 'rate-limiter-flexible';
import type { FloodGate, FloodLimitsWindows } from '../../flood-gate.js';
import type { Database } from './database.js';
import { sharedLimiter } from './rate-limit.js';

export class PostgresFloodGate implements FloodGate {
  readonly #chat: RateLimiterPostgres;
  readonly #group: RateLimiterPostgres;
  readonly #global: RateLimiterPostgres;

  constructor(db: Database, limits: FloodLimitsWindows, prefix = 'telegram-flood') {
    const limiter = (name: string, points: number, durationMs: number) => sharedLimiter(db, { keyPrefix: `${prefix}-${name}`, points, duration: durationMs / 1000 });
    this.#chat = limiter('chat', 1, limits.chatIntervalMs);
    this.#group = limiter('group', limits.groupPerMinute, 60_000);
    this.#global = limiter('global', limits.globalPerSecond, 1_000);
  }

  async tryPass(chat: string | undefined, isGroup: boolean): Promise<number> {
    const steps: [RateLimiterPostgres, string][] = [
      ...(chat === undefined ? [] : [[this.#chat, chat] as [RateLimiterPostgres, string]]),
      ...(chat !== undefined && isGroup ? [[this.#group, chat] as [RateLimiterPostgres, string]] : []),
      [this.#global, 'all'],
    ];
    const counted: [RateLimiterPostgres, string][] = [];
    for (const [limiter, key] of steps) {
      try {
        await limiter.consume(key);
        counted.push([limiter, key]);
      } catch (refusal) {
        await Promise.all(counted.map(([l, k]) => l.reward(k, 1)));
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        // Waiting the whole of msBeforeNext could be 0 at a window's edge: never spin.
        return Math.max(refusal.msBeforeNext, 1);
      }
    }
    return 0;
  }
}
