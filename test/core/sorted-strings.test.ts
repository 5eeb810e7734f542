import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEAD_CHARS, SortedStrings } from '../../src/matching/sorted-strings.js';

/** What startingWith must give: every string kept that starts with the prefix, in code-unit order. */
const naive = (kept: readonly string[], prefix: string, limit: number) =>
  kept
    .filter((s) => s.startsWith(prefix))
    .sort()
    .slice(0, limit);

// Few letters, so strings share starts and prefixes of every length find several.
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é'), maxLength: 9 });

/** Sorted strings numbered in the order first added, asked for their text only through `made`. */
function numbered() {
  const texts: string[] = [];
  const made: string[] = [];
  const strings = new SortedStrings((ref) => {
    made.push(texts[ref]!);
    return texts[ref]!;
  });
  const refOf = (s: string) => (texts.includes(s) ? texts.indexOf(s) : texts.push(s) - 1);
  return {
    strings,
    made,
    add: (s: string) => strings.add(refOf(s), s.slice(0, HEAD_CHARS)),
    remove: (s: string) => strings.remove(refOf(s), s.slice(0, HEAD_CHARS)),
  };
}

describe('sorted strings', () => {
  it('finds the strings that start with a prefix, in order, through adds and removes in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), text), { maxLength: 120 }),
        fc.array(fc.tuple(text.map((s) => s.slice(0, 6)), fc.integer({ min: 0, max: 20 })), { minLength: 1, maxLength: 8 }),
        (steps, reads) => {
          const { strings, add, remove } = numbered();
          const kept: string[] = [];
          steps.forEach(([removing, s], i) => {
            if (removing && kept.length > 0) {
              const gone = kept[i % kept.length]!;
              kept.splice(kept.indexOf(gone), 1);
              remove(gone);
            } else if (!kept.includes(s)) {
              kept.push(s);
              add(s);
            }
            // Read now and then, so later changes meet buckets that are already sorted.
            if (i % 7 === 0) expect(strings.startingWith(s.slice(0, 2), 5)).toEqual(naive(kept, s.slice(0, 2), 5));
          });
          for (const [prefix, limit] of reads) expect(strings.startingWith(prefix, limit)).toEqual(naive(kept, prefix, limit));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sorts a large bucket once and still takes single additions into place', () => {
    const { strings, add, remove } = numbered();
    const words = Array.from({ length: 500 }, (_, i) => `what ${String((i * 7919) % 500).padStart(3, '0')}`);
    for (const w of words) add(w);
    expect(strings.startingWith('what 00', 3)).toEqual(['what 000', 'what 001', 'what 002']);
    add('what 0005');
    remove('what 001');
    expect(strings.startingWith('what 00', 3)).toEqual(['what 000', 'what 0005', 'what 002']);
    expect(strings.startingWith('', 2)).toEqual(['what 000', 'what 0005']);
  });

  it('asks for no string until its bucket is read, nor for one removed before that', () => {
    const { strings, made, add, remove } = numbered();
    for (const w of ['what did', 'what was', 'who led', 'whose']) add(w);
    remove('what was');
    expect(made).toEqual([]);
    expect(strings.startingWith('who ', 5)).toEqual(['who led']);
    expect(made).toEqual(['who led']);
    expect(strings.startingWith('wh', 5)).toEqual(['what did', 'who led', 'whose']);
    expect(made.sort()).toEqual(['what did', 'who led', 'whose']);
  });
});
