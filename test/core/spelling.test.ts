import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLexicon, editDistance } from '../../src/matching/spelling.js';

/** Edits between two words, the whole table filled in: what the bounded version must agree with. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('the edit distance', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('kerch', 'kecrh', 2)).toBe(1);
    expect(editDistance('talks', 'tlaks', 2)).toBe(1);
  });

  it('agrees with the full table up to its bound, and says "more" beyond it', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, most) => {
        expect(editDistance(a, b, most)).toBe(Math.min(fullDistance(a, b), most + 1));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the lexicon', () => {
  it('corrects a typo to the nearest known word', () => {
    const lexicon = createLexicon();
    lexicon.add([['delegation', 'delegates', 'kerch']]);
    expect(lexicon.correct('delgation')?.word).toBe('delegation');
    expect(lexicon.correct('kecrh')?.word).toBe('kerch');
  });

  it('never corrects a real English word, nor a word too short to tell', () => {
    const lexicon = createLexicon();
    lexicon.add([['talk', 'kerch']]);
    expect(lexicon.correct('tall')).toBeUndefined();
    expect(lexicon.correct('krc')).toBeUndefined();
  });

  it('forgets a word once the last fact using it is taken back, and not before', () => {
    const lexicon = createLexicon();
    lexicon.add([['kerch']]);
    lexicon.add([['kerch', 'bridge']]);
    lexicon.remove([['kerch']]);
    expect(lexicon.correct('kecrh')?.word).toBe('kerch');
    lexicon.remove([['kerch', 'bridge']]);
    expect(lexicon.correct('kecrh')).toBeUndefined();
    expect(lexicon.startingWith('ker', 5)).toEqual([]);
    lexicon.add([['kerch']]);
    expect(lexicon.correct('kecrh')?.word).toBe('kerch');
    expect(lexicon.startingWith('ker', 5)).toEqual(['kerch']);
  });

  it('gives a word the same id however often it is forgotten, and counts uses by id', () => {
    const lexicon = createLexicon();
    const kerch = lexicon.idOf('kerch');
    expect(lexicon.correct('kecrh')).toBeUndefined();
    lexicon.use([kerch, kerch]);
    lexicon.unuse([kerch]);
    expect(lexicon.correct('kecrh')).toBeUndefined();
    lexicon.use([kerch]);
    expect(lexicon.idOf('kerch')).toBe(kerch);
    expect(lexicon.idOf('bridge')).not.toBe(kerch);
    expect(lexicon.correct('kecrh')?.word).toBe('kerch');
  });

  it('completes a word start with the known words, the most used first', () => {
    const lexicon = createLexicon();
    lexicon.add([['second', 'security']]);
    lexicon.add([['second']]);
    lexicon.add([['secretary']]);
    expect(lexicon.startingWith('sec', 2)).toEqual(['second', 'secretary']);
    expect(lexicon.startingWith('x', 5)).toEqual([]);
  });
});
