// Whether a fact can answer a question at all, beyond sharing its words. A word-overlap score
// cannot tell "how many ships carried grain" from the fact that the grain deal ended, nor "what
// happened at the 2022 talks" from the 2025 rounds: both share most of their words. These checks
// read what the question asks for and look for it in the fact's own data (its years, its answer),
// with the words each check needs kept in the vocabulary, never in a list of questions.
import { MATCHING } from './config/defaults.js';
import type { Fact, Vocabulary } from './knowledge/schema.js';
import type { Candidate } from './matching/matcher.js';
import { foldAll, foldText } from './matching/fold.js';

/** Why a fact cannot answer a question; undefined when nothing speaks against it. */
export type Misfit =
  /** The question names a year the fact does not speak of. */
  | 'year'
  /** "How many X" / "how much X": the fact gives no number of X. */
  | 'count'
  /** "How old": the fact gives no age. */
  | 'age'
  /** "How long": the fact gives no length of time. */
  | 'duration'
  /** "At what time": the fact gives no time of day. */
  | 'clock'
  /** The question asks for a view ("was it right", "should"), which the fact does not report. */
  | 'opinion'
  /** The question names a person, place or body the fact does not. */
  | 'name'
  /** The question names a round of talks (the second round) the fact is not about. */
  | 'round'
  /** The question names a day ("on 2 June") the fact is neither of nor names. */
  | 'date'
  /** The question asks for something no fact is for: a hotel, tickets, a translation, another role. */
  | 'off-task';

/** What the checks need of the matcher: its stems, so "servicemen" meets "soldiers", and how common a stem is. */
export interface WordSense {
  stems(text: string): string[];
  /** The share of facts that hold the stem. */
  share(stem: string): number;
  /** True when the fact holds the stem anywhere. */
  holds(factId: string, stem: string): boolean;
}

/**
 * Four-digit years, 1991 to 2099, standing as words of their own: "in 2022", "2022's", "(2024)".
 * Not parts of larger numbers ("12,2022") or of a "1000-for-1000".
 */
const YEAR = /(?<![\d,.])(?:199[1-9]|20\d\d)(?!\d|[,.]\d)/g;

/** How far, in words, a number may stand from the thing it counts: "3,000 bodies of Ukrainian servicemen". */
const COUNT_WINDOW = 5;
/**
 * What is counted is among the first telling words after "how many": the later ones say what was
 * done with it. "How many ships carried grain" counts ships, and a fact that gives tonnes of grain
 * does not answer it.
 */
const COUNTED_WORDS = 2;
/**
 * Words after a span of time that make it date something rather than last ("a week earlier");
 * answers are in English. Not "before" or "after": "lasted two hours before it broke up" lasts.
 */
const OFFSET_WORDS: ReadonlySet<string> = new Set(['earlier', 'later', 'ago', 'previously']);
/** The dative plural of Ukrainian and Russian nouns: «командирам», «пленным», «полоненим». */
const DATIVE_PLURAL = /[\u0400-\u04ff]{2,}(?:ам|ям|им|ым)$/u;
/** Words after "what time" that make it no time of day: "what time limit", «во сколько раз». */
const NOT_CLOCK = /^(?:limit|limits|frame|frames|period|periods|of|span|line|lines|zone|zones|scale|table|раз|рази|разів|обош\p{L}*|обійш\p{L}*)$/u;

/** True when the (padded, folded) question holds the clock phrase as a question of a time of day. */
function asksClock(padded: string, phrase: string): boolean {
  for (let at = padded.indexOf(` ${phrase} `); at >= 0; at = padded.indexOf(` ${phrase} `, at + 1)) {
    const next = padded.slice(at + phrase.length + 2).split(' ', 1)[0] ?? '';
    if (!NOT_CLOCK.test(next)) return true;
  }
  return false;
}

/** A time of day as the facts write it: "20:40", "17:30 Moscow time". */
const CLOCK_TIME = /(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])/;
/** A word held by more than this share of facts ("Russia", "talks") says nothing about what is counted. */
const COMMON_SHARE = 0.2;

/** The years a question names, each once, in order. */
export function yearsNamed(question: string): number[] {
  return [...new Set(Array.from(question.matchAll(YEAR), (m) => Number(m[0])))];
}

/**
 * The years a fact speaks of: its `years` when the curators gave them, else the year it is dated
 * and every year its answer names ("Medinsky, who also led Russia's team in 2022").
 */
export function yearsOf(fact: Fact): readonly number[] {
  return fact.years ?? [Number(fact.asOf.slice(0, 4)), ...yearsNamed(fact.answer)];
}

/** True when every year the question names is one the fact speaks of (and always when it names none). */
export function fitsYears(fact: Fact, years: readonly number[]): boolean {
  if (years.length === 0) return true;
  const own = yearsOf(fact);
  return years.every((y) => own.includes(y));
}

/** A question read once for every candidate fact: what it asks for, and the years it names. */
export interface QuestionNeeds {
  years: number[];
  /** Stems of what "how many/much" counts, when it asks for a number of something in particular. */
  counted?: string[];
  /** It asks "how many/much" of something any number answers ("how many people"). */
  countsAnything: boolean;
  age: boolean;
  /** The stem of the person whose age it asks ("how old is Umerov"), if any: the age must be given in a sentence naming them. */
  ageOf: string[];
  /** It asks the age of someone it does not name ("how old is he?" with no one named before): no fact can be checked to give it. */
  ageOfSomeone: boolean;
  duration: boolean;
  /** It asks a time of day ("at what time", «о котрій»): see CLOCK_TIME. */
  clock: boolean;
  /** The opinion words and phrases it holds (folded). */
  opinion: string[];
  /** It asks for something the bot is not for (the vocabulary's `offTask` phrases). */
  offTask: boolean;
  /** It names whose view it asks about ("according to", "did Peskov say"). */
  attributed: boolean;
  /** The numbered rounds it names ("the second round", "на третьому раунді"), each once. */
  rounds: number[];
  /** The months it names (1 for January), each once: see monthsNamed. */
  months: number[];
  /** The days it names, as "month-day" ("6-2" for 2 June), each once. */
  dates: string[];
  /** Of those, the ones that may be a month and a year as chat writes them ("March 22"): see yearLikeDays. */
  yearLike: string[];
  /** The stems of the words it capitalises inside a sentence: names, whether the base knows them or not. */
  capitalised: string[];
  /** The sides its own words name (names.sides stems): see onOtherSide. */
  sides: string[];
}

/** How many words from a round word its ordinal may stand: "the third Istanbul round", "round one". */
const ORDINAL_BEFORE = 2;
const ORDINAL_AFTER = 1;

/**
 * The rounds a question names by ordinal next to a round word ("the first and the second round"
 * names two). A count between the two speaks of
 * several rounds, not one ("the first two rounds"), so the ordinal before it is not read.
 */
export function roundsNamed(folded: string, fit: Vocabulary['fit']): number[] {
  const words = folded.split(' ');
  const roundWords = new Set(foldAll(fit.roundWords));
  const ordinals = fit.roundOrdinals.map((forms) => new Set(foldAll(forms)));
  const numbers = fit.roundNumbers.map((forms) => new Set(foldAll(forms)));
  const roundOf = (word: string | undefined) => (word === undefined ? -1 : ordinals.findIndex((forms) => forms.has(word)));
  const roundAfter = (word: string | undefined) => (word === undefined ? -1 : Math.max(roundOf(word), numbers.findIndex((forms) => forms.has(word))));
  const named = new Set<number>();
  words.forEach((word, i) => {
    if (!roundWords.has(word)) return;
    // An ordinal found lets the scan go as far again past it: "the first and the second round".
    for (let k = i - 1, end = i - ORDINAL_BEFORE; k >= Math.max(0, end); k--) {
      const round = roundOf(words[k]);
      if (round >= 0) {
        named.add(round + 1);
        end = k - ORDINAL_BEFORE - 1;
      } else if (isNumber(words[k]!, fit.numberWords)) break;
    }
    for (let k = i + 1; k <= i + ORDINAL_AFTER; k++) {
      const round = roundAfter(words[k]);
      if (round >= 0) named.add(round + 1);
    }
  });
  return [...named];
}

/**
 * What a question needs of a fact to be answered by it. `people` are the people's name stems (whose
 * age is asked); `sides`, the sides (names.sides) the question's own words name.
 */
export function needsOf(question: string, fit: Vocabulary['fit'], words: WordSense, people: ReadonlySet<string> = new Set(), sides: readonly string[] = []): QuestionNeeds {
  const folded = foldText(question);
  const padded = ` ${folded} `;
  // A check whose words the vocabulary does not give is not made: a base without them asks nothing.
  const needs: QuestionNeeds = {
    years: yearsNamed(question),
    countsAnything: false,
    age: false,
    duration:
      fit.durationUnits.length + fit.durationWords.length > 0 &&
      foldAll(fit.asksDuration).some((p) => padded.includes(` ${p} `)) &&
      !padded.includes(' how long ago '),
    clock: foldAll(fit.asksClockTime).some((p) => asksClock(padded, p)),
    offTask: foldAll(fit.offTask).some((p) => padded.includes(` ${p} `)),
    attributed: foldAll(fit.attribution).some((p) => padded.includes(` ${p} `)),
    rounds: roundsNamed(folded, fit),
    months: monthsNamed(question, fit.months),
    dates: datesNamed(question, fit.months),
    yearLike: yearLikeDays(question, fit.months),
    capitalised: words.stems(capitalisedWords(question).join(' ')),
    sides: [...new Set(sides)],
    ageOf: [],
    ageOfSomeone: foldAll(fit.asksAgeOfSomeone).some((p) => padded.includes(` ${p} `)),
    // "^should" stands for "should" opening the question ("should Ukraine…"), not inside it ("when should…").
    opinion: fit.opinion.filter((p, i) => (p.startsWith('^') ? padded.startsWith(` ${foldAll(fit.opinion)[i]} `) : padded.includes(` ${foldAll(fit.opinion)[i]} `))),
  };
  // Whose age: the first word after "how old (is)" ("how old is Umerov", "сколько лет Мединскому"),
  // when it is a person's name; "how old were the prisoners Umerov announced" asks the prisoners'.
  // "Сколько лет" and its like ask an age only of a person: «сколько лет консультаций» counts years.
  const asksAny = foldAll(fit.asksAge).find((p) => padded.includes(` ${p} `));
  const asksOfPerson = asksAny === undefined ? foldAll(fit.asksAgeOfPerson).find((p) => padded.includes(` ${p} `)) : undefined;
  const asksAge = asksAny ?? asksOfPerson;
  const ofPerson = asksOfPerson !== undefined;
  if (asksAge !== undefined && fit.ageWords.length > 0) {
    const rest = padded.slice(padded.indexOf(` ${asksAge} `) + asksAge.length + 2);
    const [whose] = words.stems(rest);
    const isPerson = whose !== undefined && people.has(whose);
    // Whose age is told in the dative, which in the plural ends the same in both languages
    // («скільки років було командирам»); a count of years takes the genitive («років консультацій»).
    const toPeople = rest.split(' ').slice(0, 2).some((w) => DATIVE_PLURAL.test(w));
    needs.age = isPerson || toPeople || !ofPerson;
    if (isPerson) needs.ageOf = [whose];
  }
  // What is counted is named right after "how many", before the verb or any date: "how many grain
  // ships were attacked" counts ships (or grain), "how many hours did the 29 March talks last" hours.
  const count = /\bhow (?:many|much)\b(.*)$/.exec(folded);
  if (count) {
    const after = (count[1] ?? '').split(' ').filter(Boolean);
    const end = after.findIndex((w) => /^\d/.test(w) || fit.countStops.includes(w));
    let phrase = after.slice(0, end < 0 ? after.length : end);
    // A measure counts what follows its "of": "how many tonnes of fertiliser" is not answered by
    // tonnes of grain.
    const of = phrase.indexOf('of');
    if (of > 0 && phrase.slice(0, of).some((w) => foldAll(fit.measures).includes(w)) && of < phrase.length - 1) phrase = phrase.slice(of + 1);
    const named = words.stems(phrase.join(' '));
    const counted = named.filter((s) => words.share(s) <= COMMON_SHARE);
    // "How many people…" is answered by any count: the fact may say "390 prisoners" or "303 soldiers".
    // "How many were freed?" names nothing it counts: any count answers it, but one the fact must
    // give. ("How many minutes?" of a fact that says "a little over an hour", where "minutes" is
    // too common in the base to tell, is left unchecked: the count is there in other words.)
    const generic = words.stems(fit.anyCount.join(' '));
    if (named.length === 0 || counted.some((s) => generic.includes(s))) needs.countsAnything = true;
    else if (counted.length > 0) needs.counted = counted.slice(0, COUNTED_WORDS);
  }
  return needs;
}

/** Words between a day and its month, once folded: "2nd of June", "16-го мая" (folded "16 го мая"). */
const DAY_LINKS = new Set(['of', 'го', 'е', 'ого', 'му']);

/**
 * The days a text names, as "month-day": a day number beside a month's name, either way round
 * ("2 June", "June 2nd", "2nd of June", "2 червня", "2 июня"), and "23.07" or "23.07.2025".
 */
export function datesNamed(text: string, months: readonly (readonly string[])[]): string[] {
  if (months.length === 0) return [];
  const found = new Set<string>();
  const words = foldText(text).split(' ');
  const dayOf = (word: string | undefined) => {
    const m = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(word ?? '');
    const day = m ? Number(m[1]) : NaN;
    return day >= 1 && day <= 31 ? day : undefined;
  };
  words.forEach((word, i) => {
    const month = monthIndex(word, months);
    if (month < 0) return;
    // "2nd of June", "16-го мая": a word between the day and the month is passed over.
    const day = dayOf(words[i - 1]) ?? (DAY_LINKS.has(words[i - 1] ?? '') ? dayOf(words[i - 2]) : undefined) ?? dayOf(words[i + 1]);
    if (day !== undefined) found.add(`${month + 1}-${day}`);
  });
  for (const m of text.matchAll(/(?<![\d.,])(\d{1,2})\.(\d{2})(?:\.(?:\d{4}|\d{2}))?(?![\d]|\.\d)/g)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) found.add(`${month}-${day}`);
  }
  return [...found];
}

/** Words before a month that make it a bound of a time rather than the time asked about. */
const BOUNDS = new Set(['before', 'after', 'until', 'till', 'by', 'since', 'до', 'після', 'после', 'перед', 'з', 'с', 'від', 'от']);

/** Words before "may" that make it the month, not the verb ("in May", "early May"). */
const MAY_MONTH_BEFORE = new Set(['in', 'of', 'early', 'late', 'mid', 'during', 'last', 'this', 'next']);

/**
 * The months a text names by name, 1 for January, each once. English "may" counts only where it
 * cannot be the verb: after "in", "early" and the like, or beside a number ("16 May", "May 16").
 */
export function monthsNamed(text: string, months: readonly (readonly string[])[]): number[] {
  const words = foldText(text).split(' ');
  const found = new Set<number>();
  words.forEach((word, i) => {
    const month = monthIndex(word, months);
    if (month < 0) return;
    if (word === 'may' && !MAY_MONTH_BEFORE.has(words[i - 1] ?? '') && !/^\d/.test(words[i - 1] ?? '') && !/^\d/.test(words[i + 1] ?? '')) return;
    // "Before September", «до вересня», «после мая» bound a time, not name it.
    if (BOUNDS.has(words[i - 1] ?? '')) return;
    found.add(month + 1);
  });
  return [...found];
}

/**
 * True when the fact may be of one of the months the question names: its answer names one of
 * them, or names no month at all (a fact about a team that has not changed is of every month).
 */
function fitsMonths(fact: Fact, asked: readonly number[], months: readonly (readonly string[])[]): boolean {
  const own = monthsNamed([fact.answer, fact.caveat ?? ''].join(' '), months);
  return own.length === 0 || asked.some((m) => own.includes(m));
}

/** Which of the vocabulary's months a folded word is a form of, 0 for January; -1 for none. */
function monthIndex(word: string, months: readonly (readonly string[])[]): number {
  return months.findIndex((forms) => foldAll(forms).includes(word));
}

/**
 * The days named as a month then a number from 14 to 29 with no day before the month and no year
 * after the number ("in March 22"), as "month-day": in chat that is March 2022 as often as 22 March.
 * "22 March" and "March 22, 2025" are days.
 */
export function yearLikeDays(text: string, months: readonly (readonly string[])[]): string[] {
  const words = foldText(text).split(' ');
  const found: string[] = [];
  words.forEach((word, i) => {
    const month = monthIndex(word, months);
    const next = words[i + 1] ?? '';
    if (month < 0 || !/^(?:1[4-9]|2\d)$/.test(next) || /^\d/.test(words[i - 1] ?? '') || /^(?:19|20)\d\d$/.test(words[i + 2] ?? '')) return;
    found.push(`${month + 1}-${Number(next)}`);
  });
  return found;
}

/**
 * True when the fact is of every day the question names (its date) or names it; a day that may be
 * a year (yearLike) also fits a fact of that year.
 */
function fitsDates(fact: Fact, dates: readonly string[], yearLike: readonly string[], months: readonly (readonly string[])[]): boolean {
  const own = new Set(datesNamed([fact.answer, fact.caveat ?? ''].join(' '), months));
  const [, month, day] = /^\d{4}-(\d\d)-(\d\d)/.exec(fact.asOf) ?? [];
  if (month !== undefined && day !== undefined) own.add(`${Number(month)}-${Number(day)}`);
  const asYear = (date: string) => yearLike.includes(date) && yearsOf(fact).includes(2000 + Number(date.split('-')[1]));
  return dates.every((d) => own.has(d) || asYear(d));
}

/** Words written with a capital that do not open a sentence: "Did Lula attend…" gives Lula. */
export function capitalisedWords(text: string): string[] {
  // A space not after a sentence's end, then a capital: the first word has no space before it.
  return Array.from(text.matchAll(/(?<![.?!])\s(\p{Lu}[\p{L}'’ʼ-]*)/gu), (m) => m[1]!);
}

/** The stems of the vocabulary's names, for namesMissed(). */
export function nameStemsOf(names: readonly string[], sense: WordSense): ReadonlySet<string> {
  return new Set(names.flatMap((name) => sense.stems(name)));
}

/** True when the candidate lacks a telling name the question holds ("did Lavrov go…" for someone else's trip). */
export function namesMissed(candidate: Candidate, names: ReadonlySet<string>): boolean {
  return candidate.unmatched.some((u) => names.has(u.stem) && u.weight >= MATCHING.nameMinWeight);
}

/**
 * True when the question's own words name one side and the fact is about the other: it names the
 * other side and not this one ("who was on Russia's team in May?" of the Ukrainian delegation's
 * list). A fact that names neither, or a question that names both, is not ruled out.
 */
function onOtherSide(candidate: Candidate, named: readonly string[], sides: ReadonlySet<string>, sense: WordSense): boolean {
  const [side] = named;
  if (named.length !== 1 || side === undefined || !candidate.unmatched.some((u) => u.stem === side)) return false;
  return [...sides].some((other) => other !== side && sense.holds(candidate.fact.id, other));
}

/**
 * True when the candidate may be of one of the rounds: its `round` is one, or, for a fact of
 * another series (which carries none), the phrasing it matched names one or none ("when was the
 * third round in Belarus?" is not answered by a phrasing asking of the second).
 */
function ofRounds(candidate: Candidate, rounds: readonly number[], fit: Vocabulary['fit']): boolean {
  const { round } = candidate.fact;
  if (round !== undefined) return rounds.includes(round);
  const phrased = roundsNamed(foldText(candidate.question), fit);
  return phrased.length === 0 || phrased.some((r) => rounds.includes(r));
}

/** The first reason the candidate cannot answer a question with these needs, if any. */
export function misfitOf(
  needs: QuestionNeeds,
  candidate: Candidate,
  fit: Vocabulary['fit'],
  sense: WordSense,
  names: ReadonlySet<string>,
  sides: ReadonlySet<string> = new Set(),
): Misfit | undefined {
  const { fact } = candidate;
  if (needs.offTask) return 'off-task';
  if (!fitsYears(fact, needs.years)) return 'year';
  if (namesMissed(candidate, names) || onOtherSide(candidate, needs.sides, sides, sense)) return 'name';
  // A name no fact holds ("Did Lula attend the Abu Dhabi talks?") is someone the base knows nothing of.
  if (candidate.unmatched.some((u) => !u.known && needs.capitalised.includes(u.stem))) return 'name';
  if (needs.rounds.length > 0 && !ofRounds(candidate, needs.rounds, fit)) return 'round';
  if (needs.dates.length > 0 && !fitsDates(fact, needs.dates, needs.yearLike, fit.months)) return 'date';
  if (needs.months.length > 0 && !fitsMonths(fact, needs.months, fit.months)) return 'date';
  const text = [fact.answer, fact.caveat ?? ''].join(' ');
  const words = foldText(text).split(' ');
  if (needs.counted && !countsAny(words, needs.counted, fit, sense)) return 'count';
  if (needs.counted === undefined && needs.countsAnything && !words.some((w, i) => isNumber(w, fit.numberWords) && !isDatePart(words, i, fit.months))) return 'count';
  if (needs.ageOfSomeone || (needs.age && !statesAge(text, needs.ageOf, fit, sense))) return 'age';
  if (needs.duration && !statesDuration(words, fit)) return 'duration';
  if (needs.clock && !CLOCK_TIME.test(text)) return 'clock';
  // A view the fact reports is in its answer ("Peskov said a summit should finalise a deal"). A
  // question that opens as a call for a view ("should Ukraine…?") asks the bot's own, unless it
  // names whose view it wants ("…according to Peskov?").
  if (needs.opinion.length > 0) {
    if (needs.opinion.some((p) => p.startsWith('^')) && !needs.attributed) return 'opinion';
    if (!needs.opinion.some((p) => holds(words, foldText(p)))) return 'opinion';
  }
  return undefined;
}

function isNumber(word: string, numberWords: readonly string[]): boolean {
  return /^\d/.test(word) || numberWords.includes(word);
}

/** A number, not part of a date, within COUNT_WINDOW words of one of the counted things. */
function countsAny(words: readonly string[], counted: readonly string[], fit: Vocabulary['fit'], sense: WordSense): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!isNumber(words[i]!, fit.numberWords) || isDatePart(words, i, fit.months)) continue;
    const near = sense.stems(words.slice(Math.max(0, i - COUNT_WINDOW), i + COUNT_WINDOW + 1).join(' '));
    if (counted.some((c) => near.includes(c))) return true;
  }
  return false;
}

/** "2 October 2025", "October 2", "in 2025": a number that dates rather than counts. */
function isDatePart(words: readonly string[], i: number, months: readonly (readonly string[])[]): boolean {
  const word = words[i]!;
  if (/^(?:19|20)\d\d$/.test(word)) return true;
  const isMonth = (w: string | undefined) => w !== undefined && months.some((forms) => forms.includes(w));
  return isMonth(words[i - 1]) || isMonth(words[i + 1]);
}

/**
 * True when the text gives an age (one of the age words), in a sentence naming one of the people
 * when the question asks a person's age: the ages of the prisoners in an exchange Umerov announced
 * are not Umerov's.
 */
function statesAge(text: string, people: readonly string[], fit: Vocabulary['fit'], sense: WordSense): boolean {
  const ageWords = foldAll(fit.ageWords);
  return text.split(/[.;!?](?=\s|$)/).some((sentence) => {
    const words = foldText(sentence).split(' ');
    if (!ageWords.some((w) => holds(words, w))) return false;
    return people.length === 0 || sense.stems(sentence).some((s) => people.includes(s));
  });
}

/**
 * A number next to a unit of time ("40 minutes", "two hours"), or a word that is a span itself
 * ("overnight"), but not a span that dates something else ("a week earlier", "two days later").
 */
function statesDuration(words: readonly string[], fit: Vocabulary['fit']): boolean {
  const spans = foldAll(fit.durationWords).map((w) => w.split(' '));
  for (let i = 0; i < words.length; i++) {
    const span = spans.find((s) => s.every((w, k) => words[i + k] === w));
    if (span && !OFFSET_WORDS.has(words[i + span.length] ?? '')) return true;
  }
  const units = new Set(foldAll(fit.durationUnits));
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!units.has(word) || OFFSET_WORDS.has(words[i + 1] ?? '')) continue;
    const before = words.slice(Math.max(0, i - 3), i);
    if (before.some((w) => isNumber(w, fit.numberWords))) return true;
  }
  return false;
}

/** True when the folded words hold the folded phrase as whole words. */
function holds(words: readonly string[], phrase: string): boolean {
  return ` ${words.join(' ')} `.includes(` ${phrase} `);
}
