// What the core itself says in an answer, in each language the bot answers in: declines, "did you
// mean", small talk, the "as of" line and the notes. One catalogue per language with the same keys,
// so a missing sentence is a type error, not an English word in a Ukrainian reply.
import type { Language } from './language.js';
import { MESSAGES } from './messages.js';

export interface AnswerText {
  declined: string;
  ambiguous: string;
  empty: string;
  trimmed: (limit: number) => string;
  sourcesDiffer: string;
  sourcesHeading: string;
  declineSuggestionsLead: string;
  seeAlsoLead: string;
  /** "as of 23 July 2025", the date written in the language. */
  asOf: (date: string) => string;
  newestLead: (asOf: string) => string;
  mayBeOutdated: string;
  answeredOne: (part: string) => string;
  suggestionGone: string;
  /** The fact has no current translation: the English answer is served, with this line. */
  untranslated: string;
  /** "The latest round" answered from an older round, because the base has nothing on it for the newest. */
  olderRound: (round: number, newest: number) => string;
  /**
   * The first line of an answer about "the latest round" from a numbered round while the base's news
   * goes on a month or more past it (talks in other formats since): not "the newest information I
   * have", which it is not, but its date, how far the news goes and how to ask for the newer.
   */
  roundLead: (asOf: string, newest: string) => string;
  smallTalk: Readonly<Record<'help' | 'thanks' | 'greeting' | 'ack', string>>;
}

/** "as of 23 July 2025" → "As of 23 July 2025", to open a line. */
function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const ENGLISH: AnswerText = {
  declined: MESSAGES.declined,
  ambiguous: MESSAGES.ambiguous,
  empty: MESSAGES.empty,
  trimmed: MESSAGES.trimmed,
  sourcesDiffer: MESSAGES.sourcesDiffer,
  sourcesHeading: MESSAGES.sourcesHeading,
  declineSuggestionsLead: MESSAGES.declineSuggestionsLead,
  seeAlsoLead: MESSAGES.seeAlsoLead,
  asOf: MESSAGES.asOf,
  newestLead: MESSAGES.newestLead,
  mayBeOutdated: MESSAGES.mayBeOutdated,
  answeredOne: MESSAGES.answeredOne,
  suggestionGone: MESSAGES.suggestionGone,
  untranslated: 'This answer is not translated yet, so here it is in English.',
  olderRound: (round, newest) => `I have no verified fact on this for the latest round (round ${newest}); this answer is about round ${round}.`,
  roundLead: (asOf, newest) => `${upperFirst(asOf)}; my information on the talks runs to ${newest}, so for anything newer ask “what’s the latest?”:`,
  smallTalk: MESSAGES.smallTalk,
};

const UKRAINIAN: AnswerText = {
  declined: 'Я не маю перевіреної відповіді на це. Я відповідаю лише на основі перевірених фактів із джерелами про переговори Росії та України в Стамбулі.',
  ambiguous: 'Я не впевнений — ви мали на увазі одне з цього?',
  empty: 'Поставте, будь ласка, запитання про переговори Росії та України в Стамбулі.',
  trimmed: (limit) => `Ваше повідомлення довге, тож я прочитав лише перші ${limit} символів.`,
  sourcesDiffer: 'Джерела розходяться:',
  sourcesHeading: 'Джерела:',
  declineSuggestionsLead: 'Можна запитати, наприклад:',
  seeAlsoLead: 'Схожі запитання:',
  asOf: (date) => `станом на ${date}`,
  newestLead: (asOf) => `Найновіша перевірена інформація, яку я маю, — ${asOf}:`,
  mayBeOutdated: 'Цим відомостям понад місяць, тож відтоді події могли змінитися.',
  answeredOne: (part) => `Ви запитали кілька речей; я відповів на «${part}». Решту запитайте окремо.`,
  suggestionGone: 'Цього запитання вже немає в базі фактів. Запитайте, будь ласка, ще раз.',
  untranslated: 'Цю відповідь ще не перекладено, тож ось вона англійською.',
  olderRound: (round, newest) => `Про це в останньому раунді (раунд ${newest}) я не маю перевіреного факту; ця відповідь — про раунд ${round}.`,
  roundLead: (asOf, newest) => `${upperFirst(asOf)}; мої відомості про переговори охоплюють події до ${newest}, про новіше запитайте «що нового?»:`,
  smallTalk: {
    help: 'Запитуйте мене про мирні переговори Росії та України в Стамбулі своїми словами — наприклад, «Скільки тривав третій раунд?» або «Що сталося на переговорах 2022 року?». /timeline показує події по черзі, /latest — найновіші факти, /sources — статті, на які я посилаюся; кожна відповідь наводить свої джерела.',
    thanks: 'Будь ласка! Запитуйте ще про переговори.',
    greeting: 'Вітаю! Запитайте мене про мирні переговори Росії та України в Стамбулі — наприклад, «Хто очолював російську делегацію?».',
    ack: 'Ще щось? Запитуйте про переговори будь-коли.',
  },
};

const RUSSIAN: AnswerText = {
  declined: 'У меня нет проверенного ответа на это. Я отвечаю только на основе проверенных фактов с источниками о переговорах России и Украины в Стамбуле.',
  ambiguous: 'Я не уверен — вы имели в виду что-то из этого?',
  empty: 'Задайте, пожалуйста, вопрос о переговорах России и Украины в Стамбуле.',
  trimmed: (limit) => `Ваше сообщение длинное, поэтому я прочитал только первые ${limit} символов.`,
  sourcesDiffer: 'Источники расходятся:',
  sourcesHeading: 'Источники:',
  declineSuggestionsLead: 'Можно спросить, например:',
  seeAlsoLead: 'Похожие вопросы:',
  asOf: (date) => `по состоянию на ${date}`,
  newestLead: (asOf) => `Самая свежая проверенная информация, которая у меня есть, — ${asOf}:`,
  mayBeOutdated: 'Этим сведениям больше месяца, так что с тех пор события могли измениться.',
  answeredOne: (part) => `Вы спросили о нескольких вещах; я ответил на «${part}». Остальное спросите отдельно.`,
  suggestionGone: 'Этого вопроса больше нет в базе фактов. Пожалуйста, спросите ещё раз.',
  untranslated: 'Этот ответ ещё не переведён, поэтому привожу его по-английски.',
  olderRound: (round, newest) => `Об этом в последнем раунде (раунд ${newest}) у меня нет проверенного факта; этот ответ — о раунде ${round}.`,
  roundLead: (asOf, newest) => `${upperFirst(asOf)}; мои сведения о переговорах доходят до ${newest}, о более свежем спросите «что нового?»:`,
  smallTalk: {
    help: 'Спрашивайте меня о мирных переговорах России и Украины в Стамбуле своими словами — например, «Сколько длился третий раунд?» или «Что произошло на переговорах 2022 года?». /timeline показывает события по порядку, /latest — самые новые факты, /sources — статьи, на которые я ссылаюсь; в каждом ответе указаны его источники.',
    thanks: 'Пожалуйста! Спрашивайте ещё о переговорах.',
    greeting: 'Здравствуйте! Спросите меня о мирных переговорах России и Украины в Стамбуле — например, «Кто возглавлял российскую делегацию?».',
    ack: 'Что-нибудь ещё? Спрашивайте о переговорах в любое время.',
  },
};

export const ANSWER_TEXT: Readonly<Record<Language, AnswerText>> = Object.freeze({ en: ENGLISH, uk: UKRAINIAN, ru: RUSSIAN });

const LOCALES: Readonly<Record<Language, string>> = { en: 'en-GB', uk: 'uk-UA', ru: 'ru-RU' };

/** "2025-07-23" written as the language writes dates: "23 July 2025", «23 липня 2025 р.», «23 июля 2025 г.». */
export function dateIn(language: Language, iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return formatterFor(language).format(date);
}

const formatters = new Map<Language, Intl.DateTimeFormat>();

/** One formatter a language: making one costs far more than formatting with it. */
function formatterFor(language: Language): Intl.DateTimeFormat {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    formatters.set(language, formatter);
  }
  return formatter;
}

/** The commands' names and descriptions as each platform shows them, per language (Discord names: lower case, no spaces). */
export interface CommandText {
  telegram: Readonly<Record<'ask' | 'help' | 'sources' | 'timeline' | 'latest' | 'start', string>>;
  discord: Readonly<Record<'ask' | 'help' | 'sources' | 'timeline' | 'latest', { name: string; description: string }>>;
}

export const COMMAND_TEXT: Readonly<Record<'uk' | 'ru', CommandText>> = Object.freeze({
  uk: {
    telegram: {
      ask: 'Запитати про переговори в Стамбулі',
      help: 'Як ставити запитання тут і в групах',
      sources: 'Статті, на які посилаються відповіді',
      timeline: 'Події по черзі; можна додати рік чи слово: /timeline 2022',
      latest: 'П’ять найновіших фактів',
      start: 'Вітання і приклади запитань',
    },
    discord: {
      ask: { name: 'запитати', description: 'Запитати про переговори Росії та України в Стамбулі' },
      help: { name: 'довідка', description: 'Що я вмію, з прикладами запитань' },
      sources: { name: 'джерела', description: 'Статті, на які посилаються мої відповіді' },
      timeline: { name: 'хронологія', description: 'Переговори по черзі, від 2022 року до найновіших, з джерелом для кожної події' },
      latest: { name: 'найновіше', description: 'П’ять найновіших фактів у базі' },
    },
  },
  ru: {
    telegram: {
      ask: 'Спросить о переговорах в Стамбуле',
      help: 'Как задавать вопросы здесь и в группах',
      sources: 'Статьи, на которые ссылаются ответы',
      timeline: 'События по порядку; можно добавить год или слово: /timeline 2022',
      latest: 'Пять самых новых фактов',
      start: 'Приветствие и примеры вопросов',
    },
    discord: {
      ask: { name: 'спросить', description: 'Спросить о переговорах России и Украины в Стамбуле' },
      help: { name: 'помощь', description: 'Что я умею, с примерами вопросов' },
      sources: { name: 'источники', description: 'Статьи, на которые ссылаются мои ответы' },
      timeline: { name: 'хронология', description: 'Переговоры по порядку, от 2022 года до самых новых, с источником для каждого события' },
      latest: { name: 'новое', description: 'Пять самых новых фактов в базе' },
    },
  },
});
