import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MATCHING } from '../../src/config/defaults.js';
import { WordIndex, type Bm25 } from '../../src/matching/word-index.js';

const BOOSTS = [3, 1.5, 1];

/**
 * BM25+ as MiniSearch scores it, document by document: what the index's shortcuts must reproduce.
 * The formula, idf included, is written out here on purpose, apart from the index's (and idf.ts's);
 * its constants are a parameter, MATCHING.bm25 (what an index is made with by default) unless given.
 */
function reference(docs: ReadonlyMap<string, number[][]>, query: readonly { term: number; boost: number }[], limit: number, bm25: Bm25 = MATCHING.bm25) {
  const { k1, b, delta } = bm25;
  const n = docs.size;
  const average = BOOSTS.map((_, f) => [...docs.values()].reduce((sum, fields) => sum + fields[f]!.length, 0) / n);
  const frequency = (term: number, f: number) => [...docs.values()].filter((fields) => fields[f]!.includes(term)).length;
  const scored = [...docs].map(([key, fields]) => {
    let sum = 0;
    let matched = 0;
    for (const { term, boost } of query) {
      let termScore = 0;
      BOOSTS.forEach((fieldBoost, f) => {
        const tf = fields[f]!.filter((t) => t === term).length;
        if (tf === 0) return;
        const df = frequency(term, f);
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        termScore += boost * fieldBoost * idf * (delta + (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * fields[f]!.length) / average[f]!)));
      });
      if (fields.some((terms) => terms.includes(term))) matched += 1;
      sum += termScore;
    }
    return { key, score: sum * matched, matched };
  });
  return scored
    .filter((d) => d.matched > 0)
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1))
    .slice(0, limit)
    .map((d) => ({ key: d.key, score: d.score }));
}

// Term ids skewed so that a few are in most documents and many in few, as words are in a fact base.
const term = fc.integer({ min: 0, max: 999 }).map((x) => Math.floor((x * x * x) / 1e7));
const field = fc.array(term, { maxLength: 12 });
const documents = fc.array(fc.tuple(field, field, field), { minLength: 1, maxLength: 80 });
const queryTerms = fc.uniqueArray(term, { minLength: 1, maxLength: 6 }).chain((terms) =>
  fc.tuple(...terms.map((t) => fc.constantFrom(1, 0.8).map((boost) => ({ term: t, boost })))),
);

const keyAt = (i: number) => `doc-${String(i).padStart(3, '0')}`;

/** An index of the documents (keyed doc-000, doc-001…) after `terms` term ids, with each slot's key and each key's fields. */
function indexOf(docs: readonly number[][][], terms: number, bm25?: Bm25) {
  const index = new WordIndex(BOOSTS, bm25);
  for (let t = 0; t < terms; t++) index.id(String(t));
  const keyOf = new Map<number, string>();
  const kept = new Map<string, number[][]>();
  docs.forEach((fields, i) => {
    keyOf.set(index.add(keyAt(i), fields), keyAt(i));
    kept.set(keyAt(i), fields);
  });
  return { index, keyOf, kept };
}

/**
 * The hits score as the reference scores the best documents, each hit's document scoring what the
 * hit says. Compared by score, not by key: documents that tie may come out of sums taken in another order.
 */
function expectReferenceScores(
  hits: readonly { key: string; score: number }[],
  kept: ReadonlyMap<string, number[][]>,
  query: readonly { term: number; boost: number }[],
  limit: number,
  bm25?: Bm25,
) {
  const expected = reference(kept, query, limit, bm25);
  const scoreOf = new Map(reference(kept, query, Infinity, bm25).map((d) => [d.key, d.score]));
  expect(hits).toHaveLength(expected.length);
  expect(new Set(hits.map((d) => d.key)).size).toBe(hits.length);
  hits.forEach((d, i) => {
    expect(d.score).toBeCloseTo(expected[i]!.score, 9);
    expect(scoreOf.get(d.key)).toBeCloseTo(d.score, 9);
  });
}

describe('the word index', () => {
  it('returns the same best documents, with the same scores, as scoring every document would', () => {
    fc.assert(
      fc.property(documents, queryTerms, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 79 }), (docs, query, limit, removeAt) => {
        const { index, keyOf: bySlot, kept } = indexOf(docs, 100);
        // Searched once first, so whatever a search keeps must be let go by the update below.
        index.search(query.map(({ term: id, boost }) => ({ id, boost })), limit);
        // One document removed and added back, so the lists are also checked after an update.
        const removed = [...bySlot].find(([, key]) => key === keyAt(removeAt));
        if (removed) {
          index.remove(removed[0]);
          bySlot.delete(removed[0]);
          bySlot.set(index.add(removed[1], kept.get(removed[1])!), removed[1]);
        }
        const found = index.search(query.map(({ term: id, boost }) => ({ id, boost })), limit).map((hit) => ({ key: bySlot.get(hit.slot)!, score: hit.score }));
        expectReferenceScores(found, kept, query, limit);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the same best documents when words in most answers are rare in phrasings, as a fact base has them', () => {
    // Terms 0–2 are in nearly every answer but few phrasings: common overall, yet worth much where
    // a phrasing holds them, which is the case the index's shortcuts for common terms must get right.
    const common = fc.constantFrom(0, 1, 2);
    const phrasing = fc.tuple(fc.array(term.map((t) => t + 3), { minLength: 1, maxLength: 6 }), fc.option(common, { freq: 8 }));
    const answer = fc.tuple(fc.array(term.map((t) => t + 3), { maxLength: 8 }), fc.subarray([0, 1, 2], { minLength: 2 }));
    const doc = fc.tuple(phrasing, answer).map(([[words, rare], [body, everywhere]]) => [rare === null ? words : [...words, rare], [], [...body, ...everywhere]]);
    const query = fc.tuple(fc.subarray([0, 1, 2], { minLength: 1 }), fc.uniqueArray(term.map((t) => t + 3), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(doc, { minLength: 20, maxLength: 300 }), query, fc.integer({ min: 1, max: 12 }), (docs, [frequent, rare], limit) => {
        const { index, keyOf, kept } = indexOf(docs, 110);
        const terms = [...frequent, ...rare.filter((t) => !frequent.includes(t))].map((t) => ({ term: t, boost: 1 }));
        const found = index.search(terms.map(({ term: id, boost }) => ({ id, boost })), limit);
        expectReferenceScores(found.map((hit) => ({ key: keyOf.get(hit.slot)!, score: hit.score })), kept, terms, limit);
      }),
      { numRuns: 200 },
    );
  });

  it('finds the one phrasing that holds a word every answer holds, even when rarer words found enough documents', () => {
    const index = new WordIndex(BOOSTS);
    const [everywhere, rare, filler] = ['everywhere', 'rare', 'filler'].map((t) => index.id(t)) as [number, number, number];
    const keyOf = new Map<number, string>();
    for (let i = 0; i < 100; i++) {
      const phrasing = i === 0 ? [everywhere] : i <= 12 ? [rare, filler, filler, filler] : [filler];
      keyOf.set(index.add(keyAt(i), [phrasing, [], [everywhere, filler]]), keyAt(i));
    }
    const found = index.search([{ id: rare, boost: 1 }, { id: everywhere, boost: 1 }], 12).map((hit) => keyOf.get(hit.slot));
    expect(found[0]).toBe('doc-000');
    expect(found).toHaveLength(12);
  });

  it('still scores every document right after most of the base was replaced, as after a large edit', () => {
    const index = new WordIndex(BOOSTS);
    const ids = Array.from({ length: 40 }, (_, t) => index.id(`t${t}`));
    const kept = new Map<string, number[][]>();
    const slotOf = new Map<string, number>();
    const fieldsFor = (i: number) => [[ids[i % 40]!, ids[(i * 7) % 40]!], [ids[(i * 3) % 40]!], Array.from({ length: 1 + (i % 9) }, (_, k) => ids[(i + k * 5) % 40]!)];
    const put = (i: number) => {
      slotOf.set(keyAt(i), index.add(keyAt(i), fieldsFor(i)));
      kept.set(keyAt(i), fieldsFor(i));
    };
    for (let i = 0; i < 300; i++) put(i);
    // Most documents go and new ones come, so the space the old ones took is reclaimed and reused.
    for (let i = 0; i < 250; i++) {
      index.remove(slotOf.get(keyAt(i))!);
      kept.delete(keyAt(i));
    }
    for (let i = 300; i < 600; i++) put(i);
    const keyOf = new Map([...slotOf].map(([key, slot]) => [slot, key]));
    for (const query of [[ids[0]!, ids[7]!], [ids[3]!], [ids[11]!, ids[22]!, ids[33]!]]) {
      const found = index.search(query.map((id) => ({ id, boost: 1 })), 12);
      expectReferenceScores(found.map((hit) => ({ key: keyOf.get(hit.slot)!, score: hit.score })), kept, query.map((term) => ({ term, boost: 1 })), 12);
    }
    for (const [key, fields] of kept) expect(index.fieldsOf(slotOf.get(key)!, fields[1]![0]!) & 0b010).toBe(0b010);
  });

  it('answers the same when documents are filed in bulk as when they are added one by one, before and after edits', () => {
    const search = (index: WordIndex, query: readonly { term: number; boost: number }[], limit: number) =>
      index.search(query.map(({ term: id, boost }) => ({ id, boost })), limit);
    fc.assert(
      fc.property(documents, documents, queryTerms, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 79 }), (before, inBulk, query, limit, removeAt) => {
        const oneByOne = indexOf([...before, ...inBulk], 100).index;
        const { index: bulk } = indexOf(before, 100);
        // A question asked while the bulk is filed must see what was added so far.
        const asked = Math.floor(inBulk.length / 2);
        let midway: ReturnType<typeof search> = [];
        bulk.bulk(() =>
          inBulk.forEach((fields, i) => {
            if (i === asked) midway = search(bulk, query, limit);
            bulk.add(keyAt(before.length + i), fields);
          }),
        );
        expect(midway).toEqual(search(indexOf([...before, ...inBulk.slice(0, asked)], 100).index, query, limit));
        expect(search(bulk, query, limit)).toEqual(search(oneByOne, query, limit));
        const slot = removeAt % (before.length + inBulk.length);
        for (const index of [bulk, oneByOne]) {
          index.remove(slot);
          index.add('again', inBulk[0]!);
        }
        expect(search(bulk, query, limit)).toEqual(search(oneByOne, query, limit));
        for (let term = 0; term < 100; term++) expect(bulk.frequency(term)).toBe(oneByOne.frequency(term));
      }),
      { numRuns: 200 },
    );
  });

  it('scores with the BM25+ constants it is given, whatever they are', () => {
    const bm25 = fc.record({
      k1: fc.integer({ min: 0, max: 30 }).map((k) => k / 10),
      b: fc.integer({ min: 0, max: 20 }).map((b) => b / 20),
      delta: fc.integer({ min: 0, max: 20 }).map((d) => d / 10),
    });
    fc.assert(
      fc.property(documents, queryTerms, fc.integer({ min: 1, max: 12 }), bm25, (docs, query, limit, constants) => {
        const { index, keyOf, kept } = indexOf(docs, 100, constants);
        const found = index.search(query.map(({ term: id, boost }) => ({ id, boost })), limit);
        expectReferenceScores(found.map((hit) => ({ key: keyOf.get(hit.slot)!, score: hit.score })), kept, query, limit, constants);
      }),
      { numRuns: 200 },
    );
  });

  it("counts a repeated term for more the larger k1, and not at all at k1 = 0; by default, as much as MATCHING.bm25's k1 says", () => {
    // Two documents of one length, one holding the term once and one four times; a third lacks it, so its idf is not near 0.
    const repeatsWorth = (bm25?: Bm25) => {
      const index = new WordIndex(BOOSTS, bm25);
      const [word, other] = ['word', 'other'].map((t) => index.id(t)) as [number, number];
      const once = index.add('once', [[word, other, other, other], [], []]);
      const often = index.add('often', [[word, word, word, word], [], []]);
      index.add('without', [[other, other, other, other], [], []]);
      const scores = new Map(index.search([{ id: word, boost: 1 }], 3).map((hit) => [hit.slot, hit.score]));
      return scores.get(often)! / scores.get(once)!;
    };
    const at = (k1: number) => repeatsWorth({ ...MATCHING.bm25, k1 });
    expect(at(0)).toBeCloseTo(1, 12);
    expect(at(0.5)).toBeLessThan(at(1.2));
    expect(at(1.2)).toBeLessThan(at(5));
    // Never more than four times the tf part, however large k1: (delta + 4) / (delta + 1).
    expect(at(1000)).toBeLessThan((MATCHING.bm25.delta + 4) / (MATCHING.bm25.delta + 1));
    expect(repeatsWorth()).toBe(at(MATCHING.bm25.k1));
    expect(repeatsWorth()).not.toBeCloseTo(at(MATCHING.bm25.k1 + 0.5), 3);
  });

  it('holds a long field against a document as much as b says: not at all at 0, in full at 1', () => {
    const shortOverLong = (b: number) => {
      const index = new WordIndex(BOOSTS, { ...MATCHING.bm25, b });
      const [word, other] = ['word', 'other'].map((t) => index.id(t)) as [number, number];
      const short = index.add('short', [[word], [], []]);
      const long = index.add('long', [[word, ...Array<number>(9).fill(other)], [], []]);
      index.add('without', [[other], [], []]);
      const scores = new Map(index.search([{ id: word, boost: 1 }], 3).map((hit) => [hit.slot, hit.score]));
      return scores.get(short)! / scores.get(long)!;
    };
    expect(shortOverLong(0)).toBeCloseTo(1, 12);
    expect(shortOverLong(0.3)).toBeLessThan(shortOverLong(MATCHING.bm25.b));
    expect(shortOverLong(MATCHING.bm25.b)).toBeLessThan(shortOverLong(1));
  });

  it('refuses BM25+ constants outside their range', () => {
    for (const bm25 of [{ k1: -0.1, b: 0.7, delta: 0.5 }, { k1: 1.2, b: 1.5, delta: 0.5 }, { k1: 1.2, b: 0.7, delta: -1 }, { k1: Number.NaN, b: 0.7, delta: 0.5 }]) {
      expect(() => new WordIndex(BOOSTS, bm25), JSON.stringify(bm25)).toThrow(RangeError);
    }
  });

  it('says which fields of a document hold a term', () => {
    const index = new WordIndex(BOOSTS);
    const [a, b, c] = ['a', 'b', 'c'].map((t) => index.id(t)) as [number, number, number];
    const slot = index.add('doc', [[a], [a, b], []]);
    expect(index.fieldsOf(slot, a)).toBe(0b011);
    expect(index.fieldsOf(slot, b)).toBe(0b010);
    expect(index.fieldsOf(slot, c)).toBe(0);
  });

  it('forgets a removed document: it is found no more and its terms count no more', () => {
    const index = new WordIndex(BOOSTS);
    const word = index.id('word');
    const slot = index.add('doc', [[word], [], []]);
    index.remove(slot);
    expect(index.search([{ id: word, boost: 1 }], 5)).toEqual([]);
    expect(index.find('word')).toBeUndefined();
    expect(index.size).toBe(0);
  });
});
