// Which language a question is written in: English, Ukrainian or Russian, the languages the bot
// answers in. Letters decide most questions (і ї є ґ are Ukrainian's, ы э ъ ё Russian's); a few
// function words decide most of the rest; a small statistical detector restricted to these three
// settles what is left. A text that says nothing either way (a bare name, a transliteration) takes
// the platform's hint (the app's or the interaction's locale), then English.
import { createRequire } from 'node:module';

export const LANGUAGES = ['en', 'uk', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

const UKRAINIAN_LETTERS = /[іїєґ]/iu;
const RUSSIAN_LETTERS = /[ыэъё]/iu;
/** Short words one language uses and the other does not (in Cyrillic text without telling letters). */
const UKRAINIAN_WORDS = new Set(['що', 'як', 'чи', 'де', 'хто', 'коли', 'скільки', 'який', 'яка', 'яке', 'які', 'якого', 'такий', 'така', 'чому', 'та', 'це', 'цей', 'ця', 'був', 'була', 'було', 'були', 'від', 'до', 'за', 'про', 'але', 'або', 'ще', 'вже', 'так', 'ні', 'переговори', 'переговорів', 'тривав', 'тривали', 'зустріч', 'зараз', 'його', 'він', 'вона', 'вони', 'між', 'після', 'перед', 'року', 'травня', 'червня', 'липня', 'березня', 'квітня', 'листопада', 'лютого', 'січня', 'грудня', 'серпня', 'вересня', 'жовтня']);
const RUSSIAN_WORDS = new Set(['что', 'как', 'ли', 'где', 'кто', 'когда', 'сколько', 'какой', 'какая', 'какое', 'какие', 'какого', 'такой', 'такая', 'почему', 'это', 'этот', 'эта', 'был', 'была', 'было', 'были', 'от', 'до', 'за', 'про', 'но', 'или', 'еще', 'уже', 'так', 'нет', 'переговоры', 'переговоров', 'длился', 'длились', 'встреча', 'сейчас', 'его', 'он', 'она', 'они', 'между', 'после', 'перед', 'года', 'мая', 'июня', 'июля', 'марта', 'апреля', 'ноября', 'февраля', 'января', 'декабря', 'августа', 'сентября', 'октября']);

/** Maps a platform locale ("uk", "ru-RU", "en-GB", "be") to a language the bot answers in, if any. */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  const code = locale?.toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(code ?? '') ? (code as Language) : undefined;
}

/**
 * The language, and whether the text itself settled it (its letters or its function words), so a
 * caller with better evidence (the language of the phrasing the question matched) may overrule a
 * guess.
 */
export function readLanguage(text: string, hint?: Language): { lang: Language; sure: boolean } {
  if (latinText(text)) return { lang: detectLanguage(text, hint), sure: true };
  const uk = UKRAINIAN_LETTERS.test(text);
  const ru = RUSSIAN_LETTERS.test(text);
  const [ukWords, ruWords] = functionWords(text);
  return { lang: detectLanguage(text, hint), sure: uk !== ru || ukWords !== ruWords };
}

/**
 * True when the text is written in Latin letters, names in Cyrillic aside: "Who is Мединський?" is
 * English, but "Hakan Fidan хто це" is not, though most of its letters are Latin. Its Cyrillic words
 * decide when one of them is a function word of either language, or when they are as many as its
 * Latin ones: a name spelt in the Latin alphabet is common in a Ukrainian or Russian question.
 */
function latinText(text: string): boolean {
  const words = text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  const cyrillic = words.filter((w) => /\p{Script=Cyrillic}/u.test(w));
  if (cyrillic.length === 0) return true;
  if (cyrillic.some((w) => UKRAINIAN_WORDS.has(w) || RUSSIAN_WORDS.has(w))) return false;
  return words.length - cyrillic.length > cyrillic.length;
}

/** How many words only Ukrainian uses, and only Russian. */
function functionWords(text: string): [uk: number, ru: number] {
  const words = text.toLowerCase().split(/[^\p{L}]+/u);
  return [
    words.filter((w) => UKRAINIAN_WORDS.has(w) && !RUSSIAN_WORDS.has(w)).length,
    words.filter((w) => RUSSIAN_WORDS.has(w) && !UKRAINIAN_WORDS.has(w)).length,
  ];
}

export function detectLanguage(text: string, hint?: Language): Language {
  const words = text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  // A bare name or two in Latin letters ("Umerov") says nothing of the asker's language.
  if (!/\p{Script=Cyrillic}/u.test(text)) return hint !== undefined && words.length <= 2 ? hint : 'en';
  if (latinText(text)) return 'en';
  const uk = UKRAINIAN_LETTERS.test(text);
  const ru = RUSSIAN_LETTERS.test(text);
  if (uk !== ru) return uk ? 'uk' : 'ru';
  const [ukWords, ruWords] = functionWords(text);
  if (ukWords !== ruWords) return ukWords > ruWords ? 'uk' : 'ru';
  // A bare name says nothing: the platform's locale does, when it is one of these.
  if (words.length <= 2 && (hint === 'uk' || hint === 'ru')) return hint;
  const guess = statistical(text);
  return guess ?? hint ?? 'ru';
}

type Detect = (text: string, options: { only: string[] }) => string;
let detect: Detect | undefined;

/** tinyld, loaded on first need: most questions never need it, and it costs a cold start ~60 ms. */
function statistical(text: string): Language | undefined {
  detect ??= (createRequire(import.meta.url)('tinyld') as { detect: Detect }).detect;
  const found = detect(text, { only: ['uk', 'ru'] });
  return found === 'uk' || found === 'ru' ? found : undefined;
}
