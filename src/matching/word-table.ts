// Folded words to small ids that never change, read straight out of the text. Indexing a base of
// 100,000 facts reads over six million words, nearly all of them seen before: cutting each out as
// a string and looking it up in a Map, once per table that keys by word, was most of the build.
// Here a word already in the table is found by a hash worked out while its letters are read, and
// costs no string at all; only a new word is cut out and kept.
import { foldWords, needsFullFoldAt } from './fold.js';
import { grown } from './typed-arrays.js';

/** FNV-1a's 32-bit prime: spreads words over the table well enough, one multiply per letter. */
const FNV_PRIME = 0x01000193;
const FNV_OFFSET = 0x811c9dc5 | 0;
/** The table doubles when more than this share of it is taken, so that probes stay short. */
const MAX_LOAD = 0.5;

export class WordTable {
  readonly #words: string[] = [];
  // What a look-up reads, kept together in typed arrays rather than in the strings spread over the
  // heap: per place, the hash and id + 1 of the word there (0 for a free place), and every word's
  // characters one after the other, word id's from #offsets[id] up to #offsets[id + 1].
  #places = new Int32Array(2 * 128);
  #chars = new Uint16Array(1024);
  #offsets = new Int32Array(64);

  /** How many words the table holds; ids run from 0 to size − 1. */
  get size(): number {
    return this.#words.length;
  }

  word(id: number): string {
    const word = this.#words[id];
    if (word === undefined) throw new RangeError(`no word has id ${id}`);
    return word;
  }

  /** The id of a folded word, which it is given the first time. */
  intern(word: string): number {
    const hash = hashOf(word);
    const place = this.#find(word, 0, word.length, hash, false);
    return place >= 0 ? this.#places[2 * place + 1]! - 1 : this.#add(word, hash, ~place);
  }

  /** The id of a folded word, or −1 for one the table does not hold. */
  find(word: string): number {
    const place = this.#find(word, 0, word.length, hashOf(word), false);
    return place >= 0 ? this.#places[2 * place + 1]! - 1 : -1;
  }

  /** Appends to `out` the ids of foldWords(text), each word interned; returns `out`. */
  fold(text: string, out: number[] = []): number[] {
    const from = out.length;
    // Words are runs of letters and digits, lower-cased; anything else parts them.
    let start = -1;
    let hash = FNV_OFFSET;
    for (let i = 0; i <= text.length; i++) {
      let c = i < text.length ? text.charCodeAt(i) : 0x20;
      // Most characters are lower-case letters, so they are tested for first; only a capital U
      // and what is no letter or digit can call for the full fold.
      if (!(c >= 0x61 && c <= 0x7a) && !(c >= 0x30 && c <= 0x39)) {
        if (i < text.length && needsFullFoldAt(text, i)) {
          // Rare: the text is read again the slow way. Words already read stay in the table, as
          // words of the base do, unused until the lexicon counts a use.
          out.length = from;
          for (const word of foldWords(text)) out.push(this.intern(word));
          return out;
        }
        if (c >= 0x41 && c <= 0x5a) {
          c |= 0x20;
        } else {
          if (start >= 0) {
            const place = this.#find(text, start, i, finish(hash), true);
            out.push(place >= 0 ? this.#places[2 * place + 1]! - 1 : this.#add(text.slice(start, i).toLowerCase(), finish(hash), ~place));
            start = -1;
          }
          continue;
        }
      }
      if (start < 0) {
        start = i;
        hash = FNV_OFFSET;
      }
      hash = Math.imul(hash ^ c, FNV_PRIME);
    }
    return out;
  }

  /**
   * Where the word `text[start, end)` is in #places, or ~(the free place that ends its probe).
   * `lowerCase`: compare text letters by their lower case, for text not folded yet.
   */
  #find(text: string, start: number, end: number, hash: number, lowerCase: boolean): number {
    const places = this.#places;
    const chars = this.#chars;
    const offsets = this.#offsets;
    const mask = (places.length >> 1) - 1;
    const length = end - start;
    for (let place = hash & mask; ; place = (place + 1) & mask) {
      const entry = places[2 * place + 1]!;
      if (entry === 0) return ~place;
      if (places[2 * place] !== hash) continue;
      const from = offsets[entry - 1]!;
      if (offsets[entry]! - from !== length) continue;
      let k = 0;
      // The test of lowerCase hoisted out of the loop over letters, which runs for every word read.
      if (lowerCase) while (k < length && (text.charCodeAt(start + k) | 0x20) === chars[from + k]) k++;
      else while (k < length && text.charCodeAt(start + k) === chars[from + k]) k++;
      if (k === length) return place;
    }
  }

  #add(word: string, hash: number, place: number): number {
    const id = this.#words.length;
    this.#words.push(word);
    if (id + 2 > this.#offsets.length) this.#offsets = grown(this.#offsets, 2 * (id + 2));
    const from = this.#offsets[id]!;
    if (from + word.length > this.#chars.length) this.#chars = grown(this.#chars, 2 * (from + word.length));
    for (let k = 0; k < word.length; k++) this.#chars[from + k] = word.charCodeAt(k);
    this.#offsets[id + 1] = from + word.length;
    this.#places[2 * place] = hash;
    this.#places[2 * place + 1] = id + 1;
    if (this.#words.length > MAX_LOAD * (this.#places.length >> 1)) this.#grow();
    return id;
  }

  #grow(): void {
    const places = new Int32Array(2 * this.#places.length);
    const mask = (places.length >> 1) - 1;
    for (let at = 0; at < this.#places.length; at += 2) {
      if (this.#places[at + 1] === 0) continue;
      let place = this.#places[at]! & mask;
      while (places[2 * place + 1] !== 0) place = (place + 1) & mask;
      places[2 * place] = this.#places[at]!;
      places[2 * place + 1] = this.#places[at + 1]!;
    }
    this.#places = places;
  }
}

function hashOf(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return finish(hash);
}

/**
 * The high bits folded into the low ones, which pick the place, and the result kept to 30 bits: a
 * small integer V8 passes around as is, where a full 32-bit hash was boxed as a number per word.
 */
function finish(hash: number): number {
  return (hash ^ (hash >>> 15)) & 0x3fffffff;
}
