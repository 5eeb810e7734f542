// Turns free text into the comparable word stems that both the index and every question go through,
// so "Erdoğan's", "erdogan" and "ERDOGAN" meet, and "truce" meets "ceasefire".
import { MATCHING } from '../config/defaults.js';
import type { Vocabulary } from '../knowledge/schema.js';
import { foldText, foldWords } from './fold.js';
import { ENGLISH, RUSSIAN, rulesFor, UKRAINIAN } from './languages.js';
import { editDistance, isEnglishWord } from './spelling.js';
import { IntList } from './typed-arrays.js';
import { WordTable } from './word-table.js';

/** Every language's stopwords, folded as the words they are compared with. */
const STOPWORDS: ReadonlySet<string> = new Set([ENGLISH, UKRAINIAN, RUSSIAN].flatMap((l) => l.stopwords.map(foldText)).filter(Boolean));
const STEM_CACHE_LIMIT = 50_000;
/** "23rd", "16th": a number with an English ordinal ending (the synonym table reads "1st" to "3rd" as words). */
const ORDINAL_NUMBER = /^(\d+)(?:st|nd|rd|th)$/;

export interface Normalizer {
  /** The content words of a text, in order: folded, synonym phrases replaced, stopwords dropped. */
  words(text: string): string[];
  /**
   * The words of the texts read for the base, by id: the lexicon shares it, and the matcher keeps
   * what it works out per word by id. Questions are only looked up in it, never added.
   */
  readonly table: WordTable;
  /**
   * words(), by id, of a text whose words table.fold() gave, `folded[from, to)`: appended to `out`,
   * so a caller reading many texts can keep them all in one list.
   */
  contentIds(folded: ArrayLike<number>, from: number, to: number, out: IntList): void;
  /** One word's comparable stem, after its synonym group is applied: "truces" → "ceasefir". */
  stem(word: string): string;
  /** words() then stem(): what the index stores and what a question is compared by. */
  stems(text: string): string[];
  /** Every spelling the synonym table knows, for typo correction to aim at. */
  readonly knownVariants: readonly string[];
  /**
   * True for a word that says nothing of its own though the base does not hold it: a typo of a
   * stopword ("wher", "wer"), or a word the synonym table knows only inside a name or phrase
   * ("vladimir" of "vladimir putin") when it stands without the rest.
   */
  isFiller(word: string): boolean;
}

export function createNormalizer(vocabulary: Pick<Vocabulary, 'synonyms'>): Normalizer {
  const canonical = new Map<string, string>();
  for (const group of vocabulary.synonyms) {
    const head = foldText(group[0] ?? '');
    for (const word of group) canonical.set(foldText(word), head);
  }
  // Words that need a second look: stopwords, and the first words of the synonym spellings, each
  // with the spellings that start with it, longest first, so "prisoners of war" is replaced before
  // "prisoners". They get the table's first ids, so every other word is known at a glance to need
  // none of it, which is most words.
  const table = new WordTable();
  const spellings = [...canonical].map(([phrase, head]) => ({ words: phrase.split(' '), head }));
  for (const word of STOPWORDS) table.intern(word);
  for (const { words } of spellings) if (words[0]) table.intern(words[0]);
  const specials = table.size;
  const stop = Array.from({ length: specials }, (_, id) => STOPWORDS.has(table.word(id)));
  const phrasesOf: { words: number[]; replacement: number[] }[][] = Array.from({ length: specials }, () => []);
  for (const { words, head } of spellings) {
    if (!words[0]) continue;
    const replacement = head.split(' ').filter((w) => w.length > 0 && !STOPWORDS.has(w));
    phrasesOf[table.intern(words[0])]!.push({ words: words.map((w) => table.intern(w)), replacement: replacement.map((w) => table.intern(w)) });
  }
  const spelt = (ids: readonly number[]) => ids.map((id) => table.word(id)).join(' ');
  for (const phrases of phrasesOf) phrases.sort((a, b) => spelt(b.words).length - spelt(a.words).length);
  const stemCache = new Map<string, string>();

  const contentIds = (folded: ArrayLike<number>, from: number, to: number, out: IntList): void => {
    for (let i = from; i < to; ) {
      const id = folded[i]!;
      if (id >= specials) {
        out.push(id);
        i += 1;
        continue;
      }
      const phrase = phraseAt(folded, i, to, phrasesOf[id]!);
      if (phrase) for (const word of phrase.replacement) out.push(word);
      else if (!stop[id]) out.push(id);
      i += phrase?.words.length ?? 1;
    }
  };
  // A question's words are looked up, never added: a word the table lacks gets an id past its end
  // for the while, which no stopword or spelling has.
  const words = (text: string): string[] => {
    const folded = foldWords(text);
    const past = table.size;
    const ids = folded.map((word, i) => {
      const id = table.find(word);
      return id >= 0 ? id : past + i;
    });
    const content = new IntList();
    contentIds(ids, 0, ids.length, content);
    return Array.from(content.view(), (id) => (id < past ? table.word(id) : folded[id - past]!));
  };
  const stem = (word: string): string => {
    let out = stemCache.get(word);
    if (out === undefined) {
      const head = canonical.get(word) ?? word;
      // A day typed with its ordinal ending ("July 23rd") is the number the facts write ("23 July").
      const day = ORDINAL_NUMBER.exec(head)?.[1];
      out = day ?? (/^\d+$/.test(head) ? head : head.split(' ').map((w) => rulesFor(w).stem(w)).join(' '));
      // Bounded: questions are open input, and a cache of every word ever typed would only grow.
      if (stemCache.size < STEM_CACHE_LIMIT) stemCache.set(word, out);
    }
    return out;
  };
  const phraseOnly = new Set([...canonical.keys()].filter((k) => k.includes(' ')).flatMap((k) => k.split(' ')));
  for (const word of canonical.keys()) phraseOnly.delete(word);
  return {
    isFiller: (word) => phraseOnly.has(word) || (word.length <= MATCHING.stopwordTypoMaxLength && !isEnglishWord(word) && nearStopword(word)),
    table,
    contentIds,
    words,
    stem,
    stems: (text) => words(text).map(stem),
    knownVariants: [...canonical.keys()].filter((k) => !k.includes(' ')),
  };
}

/** The first of the phrases that the words from `at` on, up to `end`, spell out. */
function phraseAt<P extends { words: readonly number[] }>(folded: ArrayLike<number>, at: number, end: number, phrases: readonly P[]): P | undefined {
  for (const phrase of phrases) {
    if (at + phrase.words.length > end) continue;
    let k = 0;
    while (k < phrase.words.length && folded[at + k] === phrase.words[k]) k++;
    if (k === phrase.words.length) return phrase;
  }
  return undefined;
}

/**
 * One edit from a stopword of at least three letters ("wher", "wat"): shorter ones have too many
 * neighbours. Only for a word that is not English itself ("tall" is no typo of "all").
 */
function nearStopword(word: string): boolean {
  for (const stopword of STOPWORDS) {
    if (stopword.length >= 3 && editDistance(word, stopword, 1) <= 1) return true;
  }
  return false;
}
