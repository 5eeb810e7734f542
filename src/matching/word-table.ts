// Folded words to small ids that never change, read straight out of the text. Indexing a base of
// 100,000 facts reads over six million words, nearly all of them seen before: cutting each out as
// a string and looking it up in a Map, once per table that keys by word, was most of the build.
// Here a word already in the table is found by a hash worked out while its letters are read, and
// costs no string at all; only a new word is cut out and kept.
import { foldWords, needsFullFold } from './fold.js';

/** FNV-1a's 32-bit prime: spreads words over the table well enough, one multiply per letter. */
const FNV_PRIME = 0x01000193;
const FNV_OFFSET = 0x811c9dc5 | 0;
/** The table doubles when more than this share of it is taken, so that probes stay short. */
const MAX_LOAD = 0.5;

export class WordTable {
  readonly #words: string[] = [];
  /** Per id: the word's hash, so growing the table needs no word read again. */
  #hashes = new Int32Array(64);
  /** Open addressing: id + 1 of the word whose probe ends here, 0 for a free place. */
  #places = new Int32Array(128);

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
    return place >= 0 ? this.#places[place]! - 1 : this.#add(word, hash, ~place);
  }

  /** The id of a folded word, or −1 for one the table does not hold. */
  find(word: string): number {
    const place = this.#find(word, 0, word.length, hashOf(word), false);
    return place >= 0 ? this.#places[place]! - 1 : -1;
  }

  /** Appends to `out` the ids of foldWords(text), each word interned; returns `out`. */
  fold(text: string, out: number[] = []): number[] {
    if (needsFullFold(text)) {
      for (const word of foldWords(text)) out.push(this.intern(word));
      return out;
    }
    // Words are runs of letters; anything else parts them. A letter's code with bit 5 set is its lower case.
    let start = -1;
    let hash = FNV_OFFSET;
    for (let i = 0; i <= text.length; i++) {
      const lower = i < text.length ? text.charCodeAt(i) | 0x20 : 0;
      if (lower >= 0x61 && lower <= 0x7a) {
        if (start < 0) {
          start = i;
          hash = FNV_OFFSET;
        }
        hash = Math.imul(hash ^ lower, FNV_PRIME);
      } else if (start >= 0) {
        const place = this.#find(text, start, i, hash, true);
        out.push(place >= 0 ? this.#places[place]! - 1 : this.#add(text.slice(start, i).toLowerCase(), hash, ~place));
        start = -1;
      }
    }
    return out;
  }

  /**
   * Where the word `text[start, end)` is in #places, or ~(the free place that ends its probe).
   * `lowerCase`: compare text letters by their lower case, for text not folded yet.
   */
  #find(text: string, start: number, end: number, hash: number, lowerCase: boolean): number {
    const places = this.#places;
    const mask = places.length - 1;
    const length = end - start;
    for (let place = hash & mask; ; place = (place + 1) & mask) {
      const entry = places[place]!;
      if (entry === 0) return ~place;
      const id = entry - 1;
      if (this.#hashes[id] !== hash) continue;
      const word = this.#words[id]!;
      if (word.length !== length) continue;
      let same = true;
      for (let k = 0; k < length && same; k++) {
        const c = text.charCodeAt(start + k);
        same = (lowerCase ? c | 0x20 : c) === word.charCodeAt(k);
      }
      if (same) return place;
    }
  }

  #add(word: string, hash: number, place: number): number {
    const id = this.#words.length;
    this.#words.push(word);
    if (id === this.#hashes.length) {
      const hashes = new Int32Array(2 * id);
      hashes.set(this.#hashes);
      this.#hashes = hashes;
    }
    this.#hashes[id] = hash;
    this.#places[place] = id + 1;
    if (this.#words.length > MAX_LOAD * this.#places.length) this.#grow();
    return id;
  }

  #grow(): void {
    const places = new Int32Array(2 * this.#places.length);
    const mask = places.length - 1;
    for (let id = 0; id < this.#words.length; id++) {
      let place = this.#hashes[id]! & mask;
      while (places[place] !== 0) place = (place + 1) & mask;
      places[place] = id + 1;
    }
    this.#places = places;
  }
}

function hashOf(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return hash;
}
