// Turns free text into the comparable word stems that both the index and every question go through,
// so "Erdoğan's", "erdogan" and "ERDOGAN" meet, and "truce" meets "ceasefire".
import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import { MATCHING } from '../config/defaults.js';
import type { Vocabulary } from '../knowledge/schema.js';
import { editDistance, isEnglishWord } from './spelling.js';

/** Question words and filler that say nothing about which fact is meant. */
const EXTRA_STOPWORDS = [
  'when', 'according', 'see', 'sees', 'going', 'gonna', 'currently', 'think', 'thinks', 'does', 'doing', 'done', 'tell', 'please', 'will', 'shall', 'whats', 'whose', 'whom', 'why',
  'ever', 'yet', 'just', 'really', 'thing', 'things', 'know', 'anything', 'something', 'happen',
  'happened', 'hi', 'hello', 'hey', 'thanks', 'thank', 'ok', 'okay', 'us', 'bot', 'question', 'went',
  // Chat filler: "who else was on the team apart from…" asks no more than "who was on the team".
  'else', 'apart', 'besides', 'actually', 'supposed', 'anywhere', 'exactly', 'basically', 'kind', 'sort',
  'anyone', 'someone', 'anybody', 'guys', 'pls', 'plz', 'u', 'ur', 'im',
];
const STEM_CACHE_LIMIT = 50_000;
const STOPWORDS: ReadonlySet<string> = new Set([...eng, ...EXTRA_STOPWORDS]);

// Letters that Unicode decomposition leaves alone but readers treat as plain Latin.
const LATIN_FOLD: Readonly<Record<string, string>> = { ı: 'i', ø: 'o', ł: 'l', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe' };

/** "US" and "U.S." in capitals are the country; lower-cased, "us" would be the pronoun, a stopword. */
const US_IN_CAPITALS = /\bU\.?S\.?(?:A\b\.?)?(?![\w.])/g;

/** Lower case, no diacritics, no punctuation, single spaces: "Erdoğan's  truce!" → "erdogan s truce". */
export function foldText(text: string): string {
  let folded = text.replace(US_IN_CAPITALS, 'usa').toLowerCase();
  // Plain ASCII, most of what is read, has no diacritics: the Unicode passes are skipped for it.
  const ascii = !/[\u0080-\uffff]/.test(folded);
  if (!ascii) {
    folded = folded
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[ıøłđßæœ]/g, (c) => LATIN_FOLD[c] ?? c);
  }
  // Most text has neither a digit nor an apostrophe: one look saves two rewrites.
  if (/[\d'’`]/.test(folded)) {
    folded = folded
      .replace(/(\d)[,.](?=\d{3}\b)/g, '$1') // 1,000 → 1000
      .replace(/['’`]s\b/g, ''); // possessives: Yermak's → yermak
  }
  return folded.replace(ascii ? /[^a-z0-9]+/g : /[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The words of foldText(text), every one kept: in one pass for the common case, printable ASCII without digits or apostrophes. */
export function foldWords(text: string): string[] {
  if (/[^\x20-\x7e]|[\d'`]|U\.?S/.test(text)) return foldText(text).split(' ').filter((word) => word.length > 0);
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

export interface Normalizer {
  /** The content words of a text, in order: folded, synonym phrases replaced, stopwords dropped. */
  words(text: string): string[];
  /** words() of a text already split by foldWords(). */
  wordsOfFolded(folded: readonly string[]): string[];
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

export function createNormalizer(vocabulary: Vocabulary): Normalizer {
  const canonical = new Map<string, string>();
  for (const group of vocabulary.synonyms) {
    const head = foldText(group[0] ?? '');
    for (const word of group) canonical.set(foldText(word), head);
  }
  // Per word that needs a second look: whether it is a stopword, and the synonym spellings that
  // start with it, longest first, so "prisoners of war" is replaced before "prisoners". One look-up
  // a word, where most words need none of it, is much quicker than one pattern of every spelling.
  const special = new Map<string, { stop: boolean; phrases: { words: string[]; replacement: string[] }[] }>();
  const specialOf = (word: string) => {
    let entry = special.get(word);
    if (!entry) special.set(word, (entry = { stop: STOPWORDS.has(word), phrases: [] }));
    return entry;
  };
  for (const word of STOPWORDS) specialOf(word);
  for (const [phrase, head] of canonical) {
    const words = phrase.split(' ');
    if (words[0]) specialOf(words[0]).phrases.push({ words, replacement: head.split(' ') });
  }
  for (const { phrases } of special.values()) phrases.sort((a, b) => b.words.join(' ').length - a.words.join(' ').length);
  const stemCache = new Map<string, string>();

  const wordsOfFolded = (folded: readonly string[]): string[] => {
    const out: string[] = [];
    for (let i = 0; i < folded.length; ) {
      const word = folded[i]!;
      const entry = special.get(word);
      const phrase = entry?.phrases.length ? entry.phrases.find((p) => p.words.every((w, k) => folded[i + k] === w)) : undefined;
      if (phrase) {
        for (const replacement of phrase.replacement) if (replacement.length > 0 && !STOPWORDS.has(replacement)) out.push(replacement);
      } else if (word.length > 0 && !entry?.stop) {
        out.push(word);
      }
      i += phrase?.words.length ?? 1;
    }
    return out;
  };
  const stem = (word: string): string => {
    let out = stemCache.get(word);
    if (out === undefined) {
      const head = canonical.get(word) ?? word;
      out = /^\d+$/.test(head) ? head : head.split(' ').map((w) => stemmer(w)).join(' ');
      // Bounded: questions are open input, and a cache of every word ever typed would only grow.
      if (stemCache.size < STEM_CACHE_LIMIT) stemCache.set(word, out);
    }
    return out;
  };
  const phraseOnly = new Set([...canonical.keys()].filter((k) => k.includes(' ')).flatMap((k) => k.split(' ')));
  for (const word of canonical.keys()) phraseOnly.delete(word);
  return {
    isFiller: (word) => phraseOnly.has(word) || (word.length <= MATCHING.stopwordTypoMaxLength && !isEnglishWord(word) && nearStopword(word)),
    words: (text) => wordsOfFolded(foldWords(text)),
    wordsOfFolded,
    stem,
    stems: (text) => wordsOfFolded(foldWords(text)).map(stem),
    knownVariants: [...canonical.keys()].filter((k) => !k.includes(' ')),
  };
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
