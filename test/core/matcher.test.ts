import { beforeAll, describe, expect, it } from 'vitest';
import { MATCHING } from '../../src/config/defaults.js';
import type { FactBase } from '../../src/knowledge/parse.js';
import { createMatcher, type Matcher } from '../../src/matching/matcher.js';
import { FIXTURE_KNOWLEDGE, loadBase } from '../helpers.js';

let base: FactBase;
let matcher: Matcher;
const best = (q: string) => matcher.match(q).candidates[0];

beforeAll(async () => {
  base = await loadBase(FIXTURE_KNOWLEDGE);
  matcher = createMatcher(base);
});

describe('the matcher', () => {
  it('ranks the fact whose phrasing the question repeats first, with full confidence', () => {
    const top = best('How long did the second round last?');
    expect(top?.fact.id).toBe('round-two-duration');
    expect(top?.confidence).toBeGreaterThan(0.9);
  });

  it(`weighs a focus's words MATCHING.focusWeight (${MATCHING.focusWeight}) times over, so the fact holding them gains on one holding the rest`, () => {
    // A follow-up's own word ("duration") read with the question before it (the second round's venue).
    const question = 'duration where was the second round held';
    const gap = (focus?: string) => {
      const candidates = matcher.match(question, focus).candidates;
      const confidence = (id: string) => candidates.find((c) => c.fact.id === id)?.confidence ?? 0;
      return confidence('round-two-duration') - confidence('round-two-venue');
    };
    expect(gap('duration')).toBeGreaterThan(gap());
    expect(gap('none of its words')).toBe(gap());
  });

  it('tolerates typos in content words', () => {
    const top = best('how lomg was the thrid round');
    expect(top?.fact.id).toBe('round-three-duration');
    expect(top?.confidence).toBeGreaterThanOrEqual(MATCHING.answerThreshold);
  });

  it('treats diacritics and synonyms as the same word', () => {
    expect(best('erdoğan hosting')?.fact.id).toBe('erdogan-host');
  });

  it('never serves a retired fact', () => {
    const ids = matcher.match('Was a ceasefire signed in May?').candidates.map((c) => c.fact.id);
    expect(ids).not.toContain('old-claim');
  });

  it('gives an off-topic question sharing one word with the base a low confidence', () => {
    const top = best('best pizza in the second city of turkey');
    expect(top?.confidence ?? 0).toBeLessThan(MATCHING.suggestThreshold);
  });

  it('returns no candidates for words the base has never seen', () => {
    expect(matcher.match('zzzz xxxx').candidates).toEqual([]);
    expect(matcher.match('').candidates).toEqual([]);
    expect(matcher.match('сколько длился раунд').candidates).toEqual([]);
  });

  it('keeps confidence within [0, 1] and names the closest phrasing', () => {
    for (const c of matcher.match('How many minutes was the third meeting?').candidates) {
      expect(c.confidence).toBeGreaterThanOrEqual(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
    }
    expect(best('How many minutes was the third meeting?')?.question).toBe('How many minutes was the third meeting?');
  });

  it('completes a typed prefix with known questions, and offers overview questions for nothing typed', () => {
    expect(matcher.complete('how long did the sec')[0]).toBe('How long did the second round last?');
    expect(matcher.complete('')[0]).toBe('What did Erdogan say about hosting the talks?');
    expect(matcher.complete('', 2)).toHaveLength(2);
  });
});
