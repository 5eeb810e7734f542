// Whatever people type, the core answers with data: never a throw, never an unbounded echo.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../../src/answer.js';
import { LIMITS } from '../../src/config/defaults.js';
import { BotCore } from '../../src/core.js';
import { BUNDLED_KNOWLEDGE, loadBase } from '../helpers.js';
import { hostileText } from './hostile.js';

let core: BotCore;
beforeAll(async () => {
  core = new BotCore(await loadBase(BUNDLED_KNOWLEDGE));
});

describe('the core under hostile input', () => {
  it('always returns an answer, a "did you mean", a decline or a small-talk line, with confidence in [0, 1]', () => {
    fc.assert(
      fc.property(hostileText, (question) => {
        const result = core.answer(question);
        expect(['answer', 'ambiguous', 'declined', 'chat']).toContain(result.kind);
        expect(result.confidence).toBeGreaterThanOrEqual(0);
        expect(result.confidence).toBeLessThanOrEqual(1);
        expect(result.suggestions.length).toBeLessThanOrEqual(3);
        expect(plainText(result).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('reads at most the length limit of any question, and says when it cut one', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: LIMITS.questionChars + 1, maxLength: 100_000, unit: fc.constantFrom('a', 'ж', '7', '🕊', 'talks ') }),
        (question) => {
          const result = core.answer(question);
          expect([...result.question].length).toBeLessThanOrEqual(LIMITS.questionChars);
          expect(result.notes).toHaveLength(1);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('completes any prefix without throwing and within the autocomplete cap', () => {
    fc.assert(
      fc.property(hostileText, (prefix) => {
        expect(core.complete(prefix).length).toBeLessThanOrEqual(LIMITS.autocomplete);
      }),
      { numRuns: 200 },
    );
    // 200 completions over the three languages' phrasings: correctness is the point, not speed.
  }, 30_000);

  it('handles a 100,000-character message, finding the question at its start', () => {
    const result = core.answer(`How long did the latest round last? ${'ж'.repeat(100_000)}`);
    expect(result.kind).toBe('answer');
  });
});
