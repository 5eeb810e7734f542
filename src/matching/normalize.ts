// Turns free text into the comparable word stems that both the index and every question go through,
// so "Erdoğan's", "erdogan" and "ERDOGAN" meet, and "truce" meets "ceasefire".
import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import type { Vocabulary } from '../knowledge/schema.js';

/** Question words and filler that say nothing about which fact is meant. */
const EXTRA_STOPWORDS = [
  'when', 'according', 'see', 'sees', 'going', 'gonna', 'currently', 'think', 'thinks', 'does', 'doing', 'done', 'tell', 'please', 'will', 'shall', 'whats', 'whose', 'whom', 'why',
  'ever', 'yet', 'just', 'really', 'thing', 'things', 'know', 'anything', 'something', 'happen',
  'happened', 'hi', 'hello', 'hey', 'thanks', 'thank', 'ok', 'okay', 'us', 'bot', 'question', 'went',
];
const STEM_CACHE_LIMIT = 50_000;
const STOPWORDS: ReadonlySet<string> = new Set([...eng, ...EXTRA_STOPWORDS]);

// Letters that Unicode decomposition leaves alone but readers treat as plain Latin.
const LATIN_FOLD: Readonly<Record<string, string>> = { ı: 'i', ø: 'o', ł: 'l', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe' };

/** Lower case, no diacritics, no punctuation, single spaces: "Erdoğan's  truce!" → "erdogan s truce". */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ıøłđßæœ]/g, (c) => LATIN_FOLD[c] ?? c)
    .replace(/(\d)[,.](?=\d{3}\b)/g, '$1') // 1,000 → 1000
    .replace(/['’`]s\b/g, '') // possessives: Yermak's → yermak
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface Normalizer {
  /** The content words of a text, in order: folded, synonym phrases replaced, stopwords dropped. */
  words(text: string): string[];
  /** One word's comparable stem, after its synonym group is applied: "truces" → "ceasefir". */
  stem(word: string): string;
  /** words() then stem(): what the index stores and what a question is compared by. */
  stems(text: string): string[];
  /** Every spelling the synonym table knows, for typo correction to aim at. */
  readonly knownVariants: readonly string[];
}

export function createNormalizer(vocabulary: Vocabulary): Normalizer {
  const canonical = new Map<string, string>();
  for (const group of vocabulary.synonyms) {
    const head = foldText(group[0] ?? '');
    for (const word of group) canonical.set(foldText(word), head);
  }
  // Longest phrases first, so "prisoners of war" is replaced before "prisoners".
  const phrases = [...canonical.keys()].filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
  const pattern = phrases.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu')
    : null;
  const stemCache = new Map<string, string>();

  const words = (text: string): string[] => {
    let folded = foldText(text);
    if (pattern) folded = folded.replace(pattern, (m) => canonical.get(m) ?? m);
    return folded.split(' ').filter((w) => w.length > 0 && !STOPWORDS.has(w));
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
  return {
    words,
    stem,
    stems: (text) => words(text).map(stem),
    knownVariants: [...canonical.keys()].filter((k) => !k.includes(' ')),
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
