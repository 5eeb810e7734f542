// The rate limit shared by every replica, through rate-limiter-flexible's PostgreSQL store: one
// atomic upsert per request counts it, so the limit holds across replicas and only the request that
// first goes over it (the limit plus one) is told to slow down. While the database cannot be
// reached, the library's insurance limiter counts in this process's memory, so answers go on.
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateDecision, RateLimiter } from '../../ratelimit.js';
import type { Database } from './database.js';

export class PostgresRateLimiter implements RateLimiter {
  readonly #limiter: RateLimiterPostgres;

  /** `prefix` keeps apart limits that share the table (questions, moderator commands). */
  constructor(
    db: Database,
    readonly limit: number,
    windowMs: number,
    prefix: string,
  ) {
    this.#limiter = sharedLimiter(db, { keyPrefix: prefix, points: limit, duration: Math.max(1, Math.round(windowMs / 1000)) });
  }

  async check(key: string): Promise<RateDecision> {
    try {
      await this.#limiter.consume(key);
      return 'ok';
    } catch (refusal) {
      // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, with an Error when the store fails.
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return refusal.consumedPoints === this.limit + 1 ? 'warn' : 'quiet';
    }
  }
}

/**
 * A fixed window of `points` per key in the rate_limits table (created by the bot's migrations),
 * counted in this process's memory while the database cannot be reached.
 */
export function sharedLimiter(db: Database, window: { keyPrefix: string; points: number; duration: number }): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: db.pool,
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    ...window,
    insuranceLimiter: new RateLimiterMemory(window),
  });
}
