// What the matcher needs of each language it reads, behind one small interface: its stemmer and
// its stopwords. A word is read by the rules of its own script and letters, so one index holds the
// English phrasings and their Ukrainian and Russian translations side by side.
import { stemmer as russianStem } from '@orama/stemmers/russian';
import { stemmer as ukrainianStem } from '@orama/stemmers/ukrainian';
import { createRequire } from 'node:module';
import { stemmer as englishStem } from 'stemmer';
import { eng, rus, ukr } from 'stopword';
import { z } from 'zod';

export interface LanguageRules {
  readonly code: 'en' | 'uk' | 'ru';
  stem(word: string): string;
  /** Words that say nothing about which fact is meant: function words and question words. */
  readonly stopwords: readonly string[];
}

/** Question words and chat filler beyond the package lists, which leave them in. */
const ENGLISH_EXTRA = [
  'when', 'according', 'see', 'sees', 'going', 'gonna', 'currently', 'think', 'thinks', 'does', 'doing', 'done', 'tell', 'please', 'will', 'shall', 'whats', 'whose', 'whom', 'why',
  'ever', 'yet', 'just', 'really', 'thing', 'things', 'know', 'anything', 'something', 'happen',
  'happened', 'hi', 'hello', 'hey', 'thanks', 'thank', 'ok', 'okay', 'us', 'bot', 'question', 'went',
  // Chat filler: "who else was on the team apart from…" asks no more than "who was on the team".
  'else', 'apart', 'besides', 'actually', 'supposed', 'anywhere', 'exactly', 'basically', 'kind', 'sort',
  'anyone', 'someone', 'anybody', 'guys', 'pls', 'plz', 'u', 'ur', 'im',
  // Contractions, typed without their apostrophe ("isnt", "whos") or with it, which parts them
  // ("isn't" is read "isn t"), and more chat filler.
  'isn', 'aren', 'wasn', 'weren', 'don', 'doesn', 'didn', 'couldn', 'wouldn', 'shouldn', 'hasn', 'haven', 'hadn', 't', 'll', 've', 're',
  'isnt', 'arent', 'wasnt', 'werent', 'dont', 'doesnt', 'didnt', 'cant', 'couldnt', 'wont', 'wouldnt', 'shouldnt', 'hasnt', 'havent', 'hadnt',
  'whos', 'wheres', 'whens', 'hows', 'thats', 'theres', 'ive', 'youre', 'hes', 'shes', 'theyre',
  'guy', 'stuff', 'literally', 'seriously', 'honestly', 'vs',
  // "So how long was the July meeting?": "so" matched "the conflict so far" of the war's length.
  'so',
  // Chat's hedges and interjections, which the package list leaves in.
  'hmm', 'uh', 'um', 'ah', 'oh', 'yeah', 'bro', 'dude', 'idk', 'tbh', 'imo', 'lol', 'thx', 'btw',
  // "What is known about…", "I'm curious about…", "explain…" ask about what follows.
  'known', 'curious', 'info', 'wondering', 'explain', 'exact',
  // "The Ukrainian one" points back; Porter stems "one" to "on". ("One-on-one" is a synonym group.)
  'one',
];
const UKRAINIAN_EXTRA = [
  'коли', 'де', 'хто', 'скільки', 'чому', 'навіщо', 'нащо', 'звідки', 'куди', 'доки', 'кого', 'кому', 'ким', 'чим', 'скількох', 'скільком',
  // Question words in all their cases: "на якому раунді" asks no more than "на раунді".
  'який', 'яка', 'яке', 'які', 'якого', 'якої', 'якому', 'якій', 'яким', 'якими', 'яких', 'якою', 'яку',
  'котрий', 'котра', 'котре', 'котрі', 'котрого', 'котрому', 'чий', 'чия', 'чиє', 'чиї', 'розкажи', 'розкажіть', 'скажи', 'скажіть', 'будь', 'ласка', 'мені', 'підкажи', 'підкажіть', 'цікаво', 'взагалі', 'саме', 'ж', 'ось', 'привіт', 'дякую',
  // Pronouns («в ньому»), "how much" and chat filler («короче», «типу») the package list leaves out;
  // the Russian list below adds its slang "how many" («скок», «скольки»).
  'ньому', 'ній', 'наскільки', 'загалом', 'короче', 'типу', 'якось',
  // "Besides", "some", "only", "very", "supposedly" and like filler.
  'окрім', 'крім', 'опріч', 'якийсь', 'якась', 'якесь', 'якісь', 'якогось', 'якоїсь', 'якимось', 'хтось', 'ну', 'нібито', 'просто', 'дуже', 'теж', 'всього', 'мабуть', 'власне', 'потім',
  // "Regarding" and "really": «що пропонували стосовно обміну» asks what was proposed on the exchange.
  // («Щодо» stays: the translations use it in set phrases, «угода щодо азовців».)
  'стосовно', 'відносно', 'справді', 'дійсно', 'конкретно', 'реально',
  // "Went on": «скільки йшов раунд» asks how long it lasted (fit.asksDuration), nothing more.
  'йшов', 'йшла', 'йшло', 'йшли', 'ішов', 'ішла', 'ішли',
  // Chat's "what" and interjections («шо», «слухай», «блін»).
  'шо', 'ага', 'хм', 'ой', 'блін', 'слухай', 'слухайте', 'плиз',
  // «Що відомо про…», «мене цікавить…», «хочу знати…» ask about what follows.
  'відомо', 'цікавить', 'цікавлять', 'хочу', 'дізнатися', 'дізнатись', 'поясни', 'опиши', 'опишіть',
  // "Supposedly".
  'вроді', 'наче'];
const RUSSIAN_EXTRA = [
  'когда', 'где', 'кто', 'сколько', 'почему', 'зачем', 'откуда', 'куда', 'кого', 'кому', 'кем', 'скольких', 'скольким',
  'какой', 'какая', 'какое', 'какие', 'какого', 'каком', 'каким', 'какими', 'каких', 'какую', 'какому',
  'который', 'которая', 'которое', 'которые', 'которого', 'котором', 'которому', 'чей', 'чья', 'чьё', 'чье', 'чьи', 'расскажи', 'расскажите', 'скажи', 'скажите', 'пожалуйста', 'мне', 'подскажи', 'подскажите', 'интересно', 'вообще', 'именно', 'ж', 'вот', 'привет', 'спасибо',
  'нем', 'нему', 'ними', 'насколько', 'короче', 'типа', 'скок', 'скока', 'скольки',
  'кроме', 'помимо', 'просто', 'очень', 'также', 'наверное', 'собственно', 'якобы',
  'насчет', 'насчёт', 'относительно', 'касательно', 'действительно', 'конкретно', 'реально',
  'шел', 'шёл', 'шла', 'шло', 'шли',
  'чё', 'че', 'ага', 'эээ', 'ээ', 'блин', 'слушай', 'слушайте', 'хм', 'ой', 'ваще', 'плиз', 'пж', 'пжл',
  'известно', 'интересует', 'интересуют', 'хочу', 'узнать', 'поясни', 'поясните', 'опиши', 'опишите',
  'вроде'];

/**
 * English irregular verbs by their forms ("gave" → "give", "led" → "lead", "met" → "meet"), from
 * wink-lexicon's list: Porter stems only regular endings, so "Trump gave Putin a deadline" never met
 * "did Trump give Putin a deadline?". Left out: forms more often nouns or adjectives here ("wound",
 * "ground", "bound", "rent": Russia renting Donbas is no rending). (The modals, "might" among them,
 * are stopwords, dropped before stemming.)
 */
const IRREGULAR_VERBS: ReadonlyMap<string, string> = (() => {
  const require = createRequire(import.meta.url);
  const forms = z.record(z.string(), z.string()).parse(require('wink-lexicon/src/irregular-verbs.js'));
  const nouns = new Set(['wound', 'ground', 'bound', 'rent', 'stove', 'bit', 'dove', 'fed', 'lay']);
  return new Map(Object.entries(forms).filter(([form, verb]) => form !== verb && !nouns.has(form)));
})();

function englishStemOf(word: string): string {
  return englishStem(IRREGULAR_VERBS.get(word) ?? word);
}

export const ENGLISH: LanguageRules = { code: 'en', stem: englishStemOf, stopwords: [...eng, ...ENGLISH_EXTRA] };

/**
 * The Ukrainian stemmer leaves part of some case endings on a stem: «делегація» becomes «делегац»,
 * «делегації» «делегаці» and «делегацією» «делегаціє», three stems for one word. Trimming the vowels,
 * soft sign and й it leaves at a stem's end (down to three letters) makes them one. The Russian
 * stemmer needs no such help («делегация», «делегации», «делегацией» are all «делегац»). The
 * Ukrainian one also splits a verb's past tense, "-в" for a man against "-л-" for the others:
 * «відбувся» gave «відбув» and «відбулася» «відбул». A word in the past tense loses that letter
 * too, so both are «відб».
 */
/** Trimming stops at three letters: shorter stems meet unrelated words. */
const MIN_STEM = 3;

function ukrainianStemTrimmed(word: string): string {
  const stem = withoutEndingVowels(ukrainianStem(word));
  // Only a word in the past tense loses its -в or -л: «провалі» (failures) is no form of «провів».
  return PAST_TENSE.test(word) && /[аеєиіїоуюя][лв]$/u.test(stem) && stem.length > 4 ? withoutEndingVowels(stem.slice(0, -1)) : stem;
}

const PAST_TENSE = /[аеєиіїоуюя](?:в|вся|ла|ли|ло|лася|лась|лися|лись|лося|лось)$/u;

function withoutEndingVowels(stem: string): string {
  let out = stem;
  while (out.length > MIN_STEM && /[аеєиіїоуюяьй]$/u.test(out)) out = out.slice(0, -1);
  return out;
}

export const UKRAINIAN: LanguageRules = { code: 'uk', stem: ukrainianStemTrimmed, stopwords: [...ukr, ...UKRAINIAN_EXTRA] };
export const RUSSIAN: LanguageRules = { code: 'ru', stem: russianStem, stopwords: [...rus, ...RUSSIAN_EXTRA] };

/**
 * The rules a folded word is read by: English for Latin letters and digits; for Cyrillic, Ukrainian
 * when it has a letter only Ukrainian has, else Russian's (the two stem most shared forms alike,
 * and a word is stemmed the same in the index and in a question, which is what matching needs).
 */
export function rulesFor(word: string): LanguageRules {
  if (!/[\u0400-\u04ff]/.test(word)) return ENGLISH;
  return /[іїєґ]/.test(word) ? UKRAINIAN : RUSSIAN;
}
