import { describe, expect, it } from 'vitest';
import { MemoryRateLimiter, type RateLimiter } from '../../src/ratelimit.js';
import { PostgresRateLimiter } from '../../src/storage/postgres/rate-limit.js';
import { Database } from '../../src/storage/postgres/database.js';
import { dropSchema, freshSchema, HAS_POSTGRES, openTestDatabase, TEST_DATABASE_URL } from '../storage/postgres.js';

describe('the in-memory rate limiter', () => {
  it('lets a user ask again once the sliding window has passed', async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(3, 60_000, () => now);
    for (const k of ['a', 'a', 'a', 'a']) await limiter.check(k);
    now = 60_000;
    expect(await limiter.check('a')).toBe('ok');
  });
});

/** What every rate limiter promises, whichever store keeps the counts. */
function rateLimiterContract(name: string, make: (limit: number, windowMs: number) => Promise<RateLimiter>) {
  describe(`the rate limiter contract: ${name}`, () => {
    it('lets a user ask up to the limit, warns once, then stays quiet', async () => {
      const limiter = await make(3, 60_000);
      const decisions = [];
      for (let i = 0; i < 6; i += 1) decisions.push(await limiter.check('a'));
      expect(decisions).toEqual(['ok', 'ok', 'ok', 'warn', 'quiet', 'quiet']);
    });

    it('does not let one flooding user delay another', async () => {
      const limiter = await make(1, 60_000);
      await limiter.check('flooder');
      expect(await limiter.check('flooder')).toBe('warn');
      expect(await limiter.check('someone-else')).toBe('ok');
    });

    it('counts requests that arrive together exactly once each', async () => {
      const limiter = await make(5, 60_000);
      const decisions = await Promise.all(Array.from({ length: 8 }, () => limiter.check('burst')));
      expect(decisions.filter((d) => d === 'ok')).toHaveLength(5);
      expect(decisions.filter((d) => d === 'warn')).toHaveLength(1);
    });

    it('lets the user ask again after the window', async () => {
      const limiter = await make(1, 1_000);
      await limiter.check('patient');
      expect(await limiter.check('patient')).toBe('warn');
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect(await limiter.check('patient')).toBe('ok');
    });
  });
}

rateLimiterContract('in memory', async (limit, windowMs) => new MemoryRateLimiter(limit, windowMs));

describe.runIf(HAS_POSTGRES)('in PostgreSQL', async () => {
  const db = HAS_POSTGRES ? await openTestDatabase('ratelimit') : undefined;
  let n = 0;
  // Each limiter its own prefix, as questions and moderator commands have theirs.
  rateLimiterContract('in PostgreSQL', async (limit, windowMs) => new PostgresRateLimiter(db!, limit, windowMs, `test${(n += 1)}`));

  it('goes on counting in this process while the database cannot be reached, so answers go on', async () => {
    const schema = freshSchema('outage');
    const gone = await Database.open(TEST_DATABASE_URL, { schema });
    await gone.close();
    await dropSchema(schema);
    const limiter = new PostgresRateLimiter(gone, 1, 60_000, 'outage');
    expect([await limiter.check('u'), await limiter.check('u'), await limiter.check('u')]).toEqual(['ok', 'warn', 'quiet']);
  });

  it('is one limit across replicas: two limiters on one database share the count and warn once', async () => {
    const a = new PostgresRateLimiter(db!, 2, 60_000, 'shared');
    const b = new PostgresRateLimiter(db!, 2, 60_000, 'shared');
    const decisions = [await a.check('u'), await b.check('u'), await a.check('u'), await b.check('u')];
    expect(decisions).toEqual(['ok', 'ok', 'warn', 'quiet']);
  });
});
