// Per-user flood control. The core owns the port; this process's memory is the default store, and
// PostgreSQL (src/storage/postgres/rate-limit.ts) the one replicas share, so N replicas do not
// allow N times the setting or each send their own "slow down".
import { RATE_LIMIT } from './config/defaults.js';

/** ok: go ahead. warn: over the limit, tell the user once. quiet: over the limit, already told. */
export type RateDecision = 'ok' | 'warn' | 'quiet';

export interface RateLimiter {
  /** Counts one request for `key` and says whether it may go ahead. */
  check(key: string): Promise<RateDecision>;
  /** How many requests a key may make per window, for a message that names it. */
  readonly limit?: number;
}

/** A sliding window of recent requests per key in this process's memory, with an injectable clock so tests need no timers. */
export class MemoryRateLimiter implements RateLimiter {
  readonly #hits = new Map<string, { times: number[]; warned: boolean }>();

  constructor(
    readonly limit: number = RATE_LIMIT.questionsPerWindow,
    private readonly windowMs: number = RATE_LIMIT.windowMs,
    private readonly now: () => number = Date.now,
  ) {}

  check(key: string): Promise<RateDecision> {
    return Promise.resolve(this.#decide(key));
  }

  #decide(key: string): RateDecision {
    const t = this.now();
    const entry = this.#hits.get(key) ?? { times: [], warned: false };
    entry.times = entry.times.filter((x) => t - x < this.windowMs);
    if (entry.times.length >= this.limit) {
      this.#hits.set(key, entry);
      if (entry.warned) return 'quiet';
      entry.warned = true;
      return 'warn';
    }
    entry.times.push(t);
    entry.warned = false;
    this.#hits.set(key, entry);
    if (this.#hits.size > RATE_LIMIT.maxTrackedUsers) this.#forgetIdle(t);
    return 'ok';
  }

  #forgetIdle(t: number): void {
    for (const [key, entry] of this.#hits) if (entry.times.every((x) => t - x >= this.windowMs)) this.#hits.delete(key);
  }
}
