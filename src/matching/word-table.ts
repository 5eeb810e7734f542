// Folded words to small ids that never change, read straight out of the text. Indexing a base of
// 100,000 facts reads over six million words, nearly all of them seen before: cutting each out as
// a string and looking it up in a Map, once per table that keys by word, was most of the build.
// Here a word already in the table is found by a hash worked out while its letters are read, and
// costs no string at all; only a new word is cut out and kept.
import { foldWords, needsFullFoldAt } from './fold.js';
import { grown, IntList } from './typed-arrays.js';

/** FNV-1a's 32-bit prime: spreads words over the table well enough, one multiply per letter. */
const FNV_PRIME = 0x01000193;
const FNV_OFFSET = 0x811c9dc5 | 0;
/** The table doubles when more than this share of it is taken, so that probes stay short. */
const MAX_LOAD = 0.5;
/** Ints per place in #places: hash, id + 1, where the word's characters start, how many. */
const PLACE = 4;

export class WordTable {
  readonly #words: string[] = [];
  // What a look-up reads, kept together in typed arrays rather than in the strings spread over the
  // heap: per place (PLACE ints), the hash and id + 1 of the word there (0 for a free place), where
  // its characters start in #chars and how many there are; and every word's characters, one word
  // after the other (#charsUsed of them). The start and length are in the place, not in an array by
  // id, so that a look-up reads the place and the characters only: at 100,000 facts the table is
  // past the processor's cache, and each array read is a miss.
  #places = new Int32Array(PLACE * 128);
  #chars = new Uint16Array(1024);
  #charsUsed = 0;
  /** The folded letters of the word being read by #foldCyrillic. */
  #scratch = new Uint16Array(64);

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
    return place >= 0 ? this.#places[PLACE * place + 1]! - 1 : this.#add(word, hash, ~place);
  }

  /** The id of a folded word, or −1 for one the table does not hold. */
  find(word: string): number {
    const place = this.#find(word, 0, word.length, hashOf(word), false);
    return place >= 0 ? this.#places[PLACE * place + 1]! - 1 : -1;
  }

  /** The ids of foldWords(text), each word interned. */
  fold(text: string): number[] {
    const out = new IntList();
    this.foldInto(text, out);
    return Array.from(out.view());
  }

  /** Appends to `out` the ids of foldWords(text), each word interned. */
  foldInto(text: string, out: IntList): void {
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
          // The rest of the text, from the word being read, is read the Cyrillic way when this is a
          // character past ASCII or a control character such as a line end (#foldCyrillic); the
          // whole text is read again the slow way when that way meets what it does not read, or at
          // once for what sends ASCII text there (an apostrophe, "U.S.", "1,000"). Words already
          // read stay in the table, as words of the base do, unused until the lexicon counts a use.
          if ((c < 0x20 || c > 0x7e) && this.#foldCyrillic(text, start >= 0 ? start : i, out)) return;
          out.length = from;
          for (const word of foldWords(text)) out.push(this.intern(word));
          return;
        }
        if (c >= 0x41 && c <= 0x5a) {
          c |= 0x20;
        } else {
          if (start >= 0) {
            const place = this.#find(text, start, i, finish(hash), true);
            out.push(place >= 0 ? this.#places[PLACE * place + 1]! - 1 : this.#add(text.slice(start, i).toLowerCase(), finish(hash), ~place));
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
  }

  /**
   * foldInto() for text with Cyrillic in it, from `from` (a word's start) on, as foldWords would read
   * it, without making a string per word: each letter is folded into #scratch as it is read (lower
   * case, ё as е, an apostrophe between two Cyrillic letters dropped) and hashed, and a word already
   * held is found from there.
   * It reads only text that foldText folds the plain-Cyrillic way (see PLAIN_CYRILLIC in fold.ts):
   * ASCII letters, digits and punctuation, tabs and line ends, Cyrillic's basic letters
   * (U+0400–U+045F), Ґ and ґ, and the everyday punctuation that list names. On anything else, or on
   * what foldText rewrites before it splits words ("U.S.", "1,000", an apostrophe that is not inside
   * a Cyrillic word), it returns false, `out` partly written, for the text to be read the slow way.
   */
  #foldCyrillic(text: string, from: number, out: IntList): boolean {
    if (this.#scratch.length < text.length) this.#scratch = new Uint16Array(2 * text.length);
    const scratch = this.#scratch;
    let length = 0;
    let hash = FNV_OFFSET;
    for (let i = from; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 0x20;
      const letter = foldedLetter(c);
      if (letter > 0) {
        if (c === 0x55 && needsFullFoldAt(text, i)) return false;
        scratch[length++] = letter;
        hash = Math.imul(hash ^ letter, FNV_PRIME);
        continue;
      }
      if (c === 0x27 || c === 0x60 || c === 0x2019 || c === 0x02bc) {
        // Dropped inside a Cyrillic word (перемир'я is one word); anywhere else foldText's to read.
        if (!isCyrillicLetter(text.charCodeAt(i - 1)) || !isCyrillicLetter(text.charCodeAt(i + 1))) return false;
        continue;
      }
      if (!isPlainSeparator(c) || ((c === 0x2c || c === 0x2e) && needsFullFoldAt(text, i))) return false;
      if (length > 0) {
        const place = this.#findFolded(length, finish(hash));
        out.push(place >= 0 ? this.#places[PLACE * place + 1]! - 1 : this.#add(stringOf(scratch, length), finish(hash), ~place));
        length = 0;
        hash = FNV_OFFSET;
      }
    }
    return true;
  }

  /**
   * #find for the word of `length` letters at the start of #scratch. The probe is written out again
   * rather than shared with #find through a comparison callback: both run for every word a build
   * reads, and each compares its own source of letters inline.
   */
  #findFolded(length: number, hash: number): number {
    const places = this.#places;
    const chars = this.#chars;
    const scratch = this.#scratch;
    const mask = places.length / PLACE - 1;
    for (let place = hash & mask; ; place = (place + 1) & mask) {
      const at = PLACE * place;
      if (places[at + 1] === 0) return ~place;
      if (places[at] !== hash || places[at + 3] !== length) continue;
      const from = places[at + 2]!;
      let k = 0;
      while (k < length && scratch[k] === chars[from + k]) k++;
      if (k === length) return place;
    }
  }

  /**
   * Where the word `text[start, end)` is in #places, or ~(the free place that ends its probe).
   * `lowerCase`: compare text letters by their lower case, for text not folded yet.
   */
  #find(text: string, start: number, end: number, hash: number, lowerCase: boolean): number {
    const places = this.#places;
    const chars = this.#chars;
    const mask = places.length / PLACE - 1;
    const length = end - start;
    for (let place = hash & mask; ; place = (place + 1) & mask) {
      const at = PLACE * place;
      if (places[at + 1] === 0) return ~place;
      if (places[at] !== hash || places[at + 3] !== length) continue;
      const from = places[at + 2]!;
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
    const from = this.#charsUsed;
    if (from + word.length > this.#chars.length) this.#chars = grown(this.#chars, 2 * (from + word.length));
    for (let k = 0; k < word.length; k++) this.#chars[from + k] = word.charCodeAt(k);
    this.#charsUsed = from + word.length;
    const at = PLACE * place;
    this.#places[at] = hash;
    this.#places[at + 1] = id + 1;
    this.#places[at + 2] = from;
    this.#places[at + 3] = word.length;
    if (this.#words.length > MAX_LOAD * (this.#places.length / PLACE)) this.#grow();
    return id;
  }

  #grow(): void {
    const places = new Int32Array(2 * this.#places.length);
    const mask = places.length / PLACE - 1;
    for (let at = 0; at < this.#places.length; at += PLACE) {
      if (this.#places[at + 1] === 0) continue;
      let place = this.#places[at]! & mask;
      while (places[PLACE * place + 1] !== 0) place = (place + 1) & mask;
      places.set(this.#places.subarray(at, at + PLACE), PLACE * place);
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

/**
 * A letter or digit as foldText leaves it in plain-Cyrillic text (lower case, ё as е), or 0 for
 * any other character.
 */
function foldedLetter(c: number): number {
  if (c < 0x80) {
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return c;
    return c >= 0x41 && c <= 0x5a ? c | 0x20 : 0;
  }
  if (c === 0x401 || c === 0x451) return 0x435; // Ё, ё → е
  if (c >= 0x430 && c <= 0x45f) return c;
  if (c >= 0x410 && c <= 0x42f) return c + 0x20;
  if (c >= 0x400 && c <= 0x40f) return c + 0x50;
  if (c === 0x490 || c === 0x491) return 0x491; // Ґ, ґ
  return 0;
}

/** A Cyrillic letter that #foldCyrillic reads: what an apostrophe must stand between to be dropped. */
function isCyrillicLetter(c: number): boolean {
  return (c >= 0x400 && c <= 0x45f) || c === 0x490 || c === 0x491;
}

/**
 * What parts words in plain-Cyrillic text, in foldText's list of it (PLAIN_CYRILLIC): ASCII
 * punctuation, tab and line ends, no-break space, «», dashes, quotation marks, the ellipsis.
 * Apostrophes are #foldCyrillic's to judge, before this is asked.
 */
function isPlainSeparator(c: number): boolean {
  if (c < 0x80) return c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
  return c === 0xa0 || c === 0xab || c === 0xbb || (c >= 0x2010 && c <= 0x2015) || (c >= 0x2018 && c <= 0x201e) || c === 0x2026;
}

/** The first `length` code units of a buffer as a string, in pieces short enough to pass as arguments. */
function stringOf(units: Uint16Array, length: number): string {
  let out = '';
  for (let at = 0; at < length; at += 4096) out += String.fromCharCode(...units.subarray(at, Math.min(length, at + 4096)));
  return out;
}
