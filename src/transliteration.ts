// Ukrainian and Russian typed in Latin letters, as people do on a phone without a Cyrillic keyboard:
// "koly buv tretiy raund u Stambuli?", "skolko dlilsya tretiy raund". Such a question is read back
// into Cyrillic by the informal spellings people type (not an official romanization: "ya" and "ja",
// "kh" and "h", a final "iy", "yi" or "yy"), one way for each language, and matched as a Cyrillic
// question. The result need not be spelt right: the matcher corrects a letter or two, as it does
// for any typo. Packages that reverse a transliteration follow one official scheme ("iu" for ю,
// "ia" for я) and read informal spellings worse than this table.
import { RUSSIAN, UKRAINIAN } from './matching/languages.js';
import { editDistance, isEnglishWord } from './matching/spelling.js';

export type Cyrillic = 'uk' | 'ru';

/** Letter groups, longest first within each table so "shch" is read before "sh" and "s". */
const COMMON: readonly (readonly [string, string])[] = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['tz', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['ya', 'я'],
  ['ja', 'я'],
  ['yu', 'ю'],
  ['ju', 'ю'],
  ['a', 'а'],
  ['b', 'б'],
  ['v', 'в'],
  ['w', 'в'],
  ['d', 'д'],
  ['e', 'е'],
  ['z', 'з'],
  ['k', 'к'],
  ['q', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['f', 'ф'],
  ['c', 'ц'],
  ['x', 'кс'],
];

/** Each language's own readings, tried before the common ones. */
const OWN: Record<Cyrillic, readonly (readonly [string, string])[]> = {
  // Ukrainian: "y" is и, "i" is і, "yi"/"ji" is ї, "ye"/"je" is є, "h" is г and "g" is ґ or г.
  uk: [
    ['yi', 'ї'],
    ['ji', 'ї'],
    ['ye', 'є'],
    ['je', 'є'],
    ['yo', 'йо'],
    ['y', 'и'],
    ['i', 'і'],
    ['j', 'й'],
    ['h', 'г'],
    ['g', 'г'],
    ["'", '’'],
  ],
  // Russian: "y" is ы (a final "iy"/"yy" is ий), "i" is и, "yo" is ё, "h" and "g" are х and г.
  ru: [
    ['ye', 'е'],
    ['je', 'е'],
    ['yo', 'ё'],
    ['jo', 'ё'],
    ['y', 'ы'],
    ['i', 'и'],
    ['j', 'й'],
    ['h', 'х'],
    ['g', 'г'],
    ["'", 'ь'],
  ],
};

/**
 * Word endings respelt before the letters are read: "tretiy", "pershyi", "rossiyskiy" end in ий
 * (the Latin spelling the table reads as such), a "y" after a vowel is й ("Stambulskoy"), and so
 * is one between "i" and a consonant ("rossiyskuyu").
 */
const endings = (finalIy: string): readonly (readonly [RegExp, string])[] => [
  [/(?:iy|yy|yi|ij|yj)$/, finalIy],
  [/([aeou])y$/, '$1j'],
  [/iy(?=[^aeiouy])/g, 'ij'],
];
/** Ukrainian reads "yj" as ий (y is и), Russian "ij" (i is и). */
const ENDINGS: Record<Cyrillic, readonly (readonly [RegExp, string])[]> = { uk: endings('yj'), ru: endings('ij') };

/** A question is read as transliterated when fewer than this share of its words are English. */
const ENGLISH_SHARE = 0.5;

/**
 * True when a text in Latin letters may be Ukrainian or Russian typed in them: at least two words,
 * fewer than half of them English ("koly buv tretiy raund"). Names are not English words either, so
 * "Lula Bolsonaro Dolmabahce?" qualifies too: it is read back only when nothing answered it as
 * written, and read back it must still be answered, like any question.
 */
export function looksTransliterated(text: string): boolean {
  if (/\p{Script=Cyrillic}/u.test(text)) return false;
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  if (words.length < 2) return false;
  const english = words.filter((w) => w.length === 1 || isEnglishWord(w.replace(/'/g, ''))).length;
  return english / words.length < ENGLISH_SHARE;
}

/** Each language's function and question words, which a read-back word one letter off is taken for. */
const FUNCTION_WORDS: Record<Cyrillic, readonly string[]> = { uk: UKRAINIAN.stopwords, ru: RUSSIAN.stopwords };
/** Function words this short are never taken for a read-back word a letter off: too many neighbours. */
const FUNCTION_WORD_MIN = 4;

/**
 * The text read back into Cyrillic by one language's informal spellings; other characters kept. A
 * word one letter off a function or question word of the language is taken for it: people leave out
 * the soft sign ("skilky" → «скілки», meant «скільки»), which the question words' checks need spelt.
 */
export function toCyrillic(text: string, lang: Cyrillic): string {
  const groups = [...OWN[lang], ...COMMON].sort((a, b) => b[0].length - a[0].length);
  return text.replace(/[a-z']+/gi, (word) => {
    const latin = ENDINGS[lang].reduce((w, [ending, respelt]) => w.replace(ending, respelt), word.toLowerCase());
    let out = '';
    for (let i = 0; i < latin.length; ) {
      const group = groups.find(([l]) => latin.startsWith(l, i));
      out += group ? group[1] : latin[i];
      i += group ? group[0].length : 1;
    }
    if (out.length < FUNCTION_WORD_MIN || FUNCTION_WORDS[lang].includes(out)) return out;
    return FUNCTION_WORDS[lang].find((w) => w.length >= FUNCTION_WORD_MIN && editDistance(out, w, 1) <= 1) ?? out;
  });
}
