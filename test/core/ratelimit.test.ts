import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/ratelimit.js';

describe('the per-user rate limiter', () => {
  it('lets a user ask up to the limit, warns once, then stays quiet until the window passes', () => {
    let now = 0;
    const limiter = new RateLimiter(3, 60_000, () => now);
    expect(['a', 'a', 'a'].map((k) => limiter.check(k))).toEqual(['ok', 'ok', 'ok']);
    expect(limiter.check('a')).toBe('warn');
    expect(limiter.check('a')).toBe('quiet');
    now = 60_000;
    expect(limiter.check('a')).toBe('ok');
  });

  it('does not let one flooding user delay another', () => {
    const limiter = new RateLimiter(1, 60_000, () => 0);
    limiter.check('flooder');
    expect(limiter.check('flooder')).toBe('warn');
    expect(limiter.check('someone-else')).toBe('ok');
  });
});
