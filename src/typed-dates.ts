// Dates and years as chat types them ("16/5", «23.07», "spring 22", «в сентябре 22», «2-го июня»),
// read as the facts write them ("16 May", «23 липня», "spring 2022", «2 июня»). For matching and
// the fit checks only: the question shown back to its asker keeps what they typed. Each rule reads
// a number as a date or a year only where it can be nothing else, since a number misread (a count,
// a fraction, a time, a price) sinks a question the facts answer.
import type { Language } from './language.js';

/** A two-digit year the base could mean: 2014–2029. */
const YEAR = '(1[4-9]|2\\d)';
/** An ordinal ending typed after the figures of a year («24-го», «в 22-м»): with it, the number is a year whatever follows. */
const YEAR_ENDING = '-?(?:го|му|м|ом|ому)';
/**
 * What may follow a two-digit year without an ending: the end or punctuation, or a question or
 * joining word, never a noun it would count ("in May 22 people", «у травні 22 полонених»).
 */
const YEAR_FOLLOWED = '(?=\\s*(?:[?!.,;:)—–]|$)|\\s+(?:who|what|when|where|which|how|why|did|was|were|is|are|and|but|що|хто|коли|де|як|чому|чи|і|й|та|а|что|кто|когда|где|как|почему|ли|и)(?![\\p{L}\\p{N}]))';
const MONTHS_OF_A_DAY = [
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec',
  'січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня',
  'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря',
].join('|');
/** What stands before a two-digit year: a season or a stretch of one, a month in the locative or the nominative (which name no day), a day and its month. */
const BEFORE_YEAR = [
  '(?:spring|summer|autumn|fall|winter|early|late|mid|весной|летом|осенью|зимой|навесні|весною|влітку|улітку|восени|взимку|узимку)[\\s-]+',
  '(?:январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре|січні|лютому|березні|квітні|травні|червні|липні|серпні|вересні|жовтні|листопаді|грудні)\\s+',
  '(?:январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь|січень|лютий|березень|квітень|травень|червень|липень|серпень|вересень|жовтень|листопад|грудень),?\\s+',
  `\\d{1,2}(?:st|nd|rd|th|-го)?\\s+(?:${MONTHS_OF_A_DAY})\\.?,?\\s+`,
  'in\\s+',
].join('|');

const SHORT_YEARS = [
  // "'22", "’22": an apostrophe after a space, the number not part of a word ("'28-point").
  /(?<=^|[\s(])['’]((?:1[4-9]|2\d))(?![\p{L}\p{N}'’‘-])/gu,
  new RegExp(`(?<=(?<![\\p{L}\\p{N}])(?:${BEFORE_YEAR}))${YEAR}(?:${YEAR_ENDING}(?![\\p{L}\\p{N}])|${YEAR_FOLLOWED})`, 'giu'),
  // «в 22-м», «у 23-му» at the end of a clause («в 20-м пункте» is a point of a plan).
  new RegExp(`(?<=(?<![\\p{L}\\p{N}])(?:в|у|во)\\s+)${YEAR}-(?:м|му|ом|ому)(?=\\s*(?:[?!.,;:)—–]|$)|\\s+(?:році|году)(?![\\p{L}\\p{N}]))`, 'giu'),
  // «у 22 році», «з 22 року», «в 22 году»: a count of years takes «роки», «років», «года», «лет».
  new RegExp(`(?<![\\p{L}\\p{N}.,])${YEAR}(?=(?:${YEAR_ENDING})?\\s+(?:році|року|году)(?![\\p{L}\\p{N}]))`, 'giu'),
];

/** A Ukrainian or Russian ordinal's ending typed after its figures: «2-го червня», «3-й раунд», «3-я встреча». */
const CYRILLIC_ORDINAL_ENDING = /(?<=\d)-(?:го|ого|му|ому|м|ом|й|ий|ій|я)(?![\p{L}\p{N}])/gu;

/**
 * A day and month in figures, day first as in Ukraine and Russia: "16/5", "16.05", "23.07.2025",
 * "2/6/25". Not a number with a point and a one-digit part ("1.5 hours"), a price ("$1.05"), a
 * share ("3.05%", "1/5 of", «1.12 млн»), a time («о 10.05»), nor a common fraction ("1/2", "24/7").
 */
const NUMERIC_DATE =
  /(?<![\p{L}\p{N}.,/$€£₴₽:+]|(?:^|\s)(?:о|об|at|около|близько|приблизно)\s(?=\d{1,2}\.))(\d{1,2})(?:\/(\d{1,2})|\.(\d{2}))(?:[./](\d{4}|1[4-9]|2\d))?(?![\p{N}%]|[.,/:]\p{N}|\s*(?:%|of|від|из|із|з|млн|млрд|тис|тыс|million|billion|thousand|раза|разів|times|majority|більшість|большинство)(?![\p{L}]))/giu;
const FRACTIONS = new Set(['1/2', '1/3', '2/3', '1/4', '3/4', '1/5', '24/7']);
const dayMonthFormats = new Map<string, Intl.DateTimeFormat>();

function withDatesInWords(text: string, lang: Language): string {
  if (!/\d[./]\d/.test(text)) return text;
  const locale = lang === 'en' ? 'en-GB' : lang;
  let format = dayMonthFormats.get(locale);
  if (!format) dayMonthFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' })));
  const dayMonth = format;
  return text.replace(NUMERIC_DATE, (whole: string, first: string, slashed: string | undefined, dotted: string | undefined, year: string | undefined) => {
    if (slashed !== undefined && year === undefined && FRACTIONS.has(`${first}/${slashed}`)) return whole;
    const day = Number(first);
    const month = Number(slashed ?? dotted);
    // A leap year, so that 29/2 is a day; a day the month lacks (31/4) is no date.
    const date = new Date(Date.UTC(2024, month - 1, day));
    if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return whole;
    return year === undefined ? dayMonth.format(date) : `${dayMonth.format(date)} ${year.length === 2 ? `20${year}` : year}`;
  });
}

/**
 * The text with its dates in figures written out in `lang` (the language the question was read
 * in), its two-digit years whole, and ordinal endings off its figures.
 */
export function withDatesAsWritten(text: string, lang: Language): string {
  const years = SHORT_YEARS.reduce((out, pattern) => out.replace(pattern, (_, year: string) => `20${year}`), withDatesInWords(text, lang));
  return years.replace(CYRILLIC_ORDINAL_ENDING, '');
}
