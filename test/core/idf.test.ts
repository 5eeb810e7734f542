import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idf, type IdfForm } from '../../src/matching/idf.js';

const FORMS: IdfForm[] = ['odds', 'ratio'];

/** An index of n documents and two document frequencies in it, the first smaller: a rarer and a commoner term. */
const rarerAndCommoner = fc
  .integer({ min: 2, max: 200_000 })
  .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n - 1 })).chain(([n, rare]) => fc.tuple(fc.constant(n), fc.constant(rare), fc.integer({ min: rare + 1, max: n }))));

describe('idf', () => {
  it('is positive for a term in every document, and lower the more documents hold a term, in both forms', () => {
    fc.assert(
      fc.property(rarerAndCommoner, ([n, rare, common]) => {
        for (const form of FORMS) {
          expect(idf(n, n, form)).toBeGreaterThan(0);
          expect(idf(n, common, form)).toBeLessThan(idf(n, rare, form));
          expect(idf(n, n, form)).toBeLessThanOrEqual(idf(n, common, form));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('weighs a word no document holds the most, yet finitely', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), (n) => {
        for (const form of FORMS) {
          expect(Number.isFinite(idf(n, 0, form))).toBe(true);
          if (n > 0) expect(idf(n, 0, form)).toBeGreaterThan(idf(n, 1, form));
        }
      }),
    );
  });

  it("as BM25's odds, all but drops a term in every document; as the matcher's ratio, keeps ln 2 of it", () => {
    // The ranking must not be moved by words every fact holds; a question's weights must not vanish with them.
    for (const n of [1, 2, 10, 1_000, 100_000]) {
      expect(idf(n, n, 'odds')).toBeLessThan(1 / (2 * n));
      expect(idf(n, n, 'ratio')).toBeCloseTo(Math.LN2, 12);
    }
  });

  it("never weighs a held term more as BM25's odds than as the matcher's ratio", () => {
    fc.assert(
      fc.property(rarerAndCommoner, ([n, df]) => {
        expect(idf(n, df, 'odds')).toBeLessThan(idf(n, df, 'ratio'));
      }),
    );
  });
});
