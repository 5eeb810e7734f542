// Whether a fact can answer a question at all, beyond sharing its words. A word-overlap score
// cannot tell "how many ships carried grain" from the fact that the grain deal ended, nor "what
// happened at the 2022 talks" from the 2025 rounds: both share most of their words. These checks
// read what the question asks for and look for it in the fact's own data (its years, its answer),
// with the words each check needs kept in the vocabulary, never in a list of questions.
import type { Fact, Vocabulary } from './knowledge/schema.js';
import { foldText } from './matching/fold.js';

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
  /** The question asks for a view ("was it right", "should"), which the fact does not report. */
  | 'opinion';

/** Turns text into the matcher's comparable stems, so "servicemen" meets "soldiers". */
export type Stems = (text: string) => string[];

/**
 * Four-digit years, 1991 to 2099, standing as words of their own: "in 2022", "2022's", "(2024)".
 * Not parts of larger numbers ("12,2022") or of a "1000-for-1000".
 */
const YEAR = /(?<![\d,.])(?:199[1-9]|20\d\d)(?![\d,.]\d)/g;

/** How far, in words, a number may stand from the thing it counts: "3,000 bodies of Ukrainian servicemen". */
const COUNT_WINDOW = 5;
/** How many of the words after "how many" may name what is counted ("how many Ukrainian soldiers"). */
const COUNTED_WORDS = 2;

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
  /** Stems of what "how many/much" counts, when it asks for a number. */
  counted?: string[];
  age: boolean;
  duration: boolean;
  /** The opinion words and phrases it holds (folded). */
  opinion: string[];
}

export function needsOf(question: string, fit: Vocabulary['fit'], stems: Stems): QuestionNeeds {
  const folded = foldText(question);
  const padded = ` ${folded} `;
  const needs: QuestionNeeds = {
    years: yearsNamed(question),
    age: /\bhow old\b/.test(folded),
    duration: /\bhow long\b/.test(folded) && !/\bhow long ago\b/.test(folded),
    opinion: fit.opinion.map(foldText).filter((p) => p && padded.includes(` ${p} `)),
  };
  // What is counted is named before any date the question goes on to give: "how many hours did the
  // 29 March talks last" counts hours, not Marches.
  const count = /\bhow (?:many|much)\b(.*?)(?:\b\d.*)?$/.exec(folded);
  if (count) {
    const counted = stems(count[1] ?? '').slice(0, COUNTED_WORDS);
    if (counted.length > 0) needs.counted = counted;
  }
  return needs;
}

/** The first reason the fact cannot answer a question with these needs, if any. */
export function misfitOf(needs: QuestionNeeds, fact: Fact, fit: Vocabulary['fit'], stems: Stems): Misfit | undefined {
  if (!fitsYears(fact, needs.years)) return 'year';
  const text = [fact.answer, fact.caveat ?? ''].join(' ');
  const words = foldText(text).split(' ');
  if (needs.counted && !countsAny(words, needs.counted, fit.numberWords, stems)) return 'count';
  if (needs.age && !fit.ageWords.some((w) => holds(words, foldText(w)))) return 'age';
  if (needs.duration && !statesDuration(words, fit)) return 'duration';
  if (needs.opinion.length > 0 && !needs.opinion.some((p) => holds([...words, ...foldText(fact.questions.join(' ')).split(' ')], p))) return 'opinion';
  return undefined;
}

function isNumber(word: string, numberWords: readonly string[]): boolean {
  return /^\d/.test(word) || numberWords.includes(word);
}

/** A number within COUNT_WINDOW words of one of the counted things. */
function countsAny(words: readonly string[], counted: readonly string[], numberWords: readonly string[], stems: Stems): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!isNumber(words[i]!, numberWords)) continue;
    const near = stems(words.slice(Math.max(0, i - COUNT_WINDOW), i + COUNT_WINDOW + 1).join(' '));
    if (counted.some((c) => near.includes(c))) return true;
  }
  return false;
}

/** A number next to a unit of time ("40 minutes", "two hours"), or a word that is a span itself ("overnight"). */
function statesDuration(words: readonly string[], fit: Vocabulary['fit']): boolean {
  const units = new Set(fit.durationUnits.map(foldText));
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (fit.durationWords.includes(word)) return true;
    if (!units.has(word)) continue;
    const before = words.slice(Math.max(0, i - 3), i);
    if (before.some((w) => isNumber(w, fit.numberWords))) return true;
  }
  return false;
}

/** True when the folded words hold the folded phrase as whole words. */
function holds(words: readonly string[], phrase: string): boolean {
  return ` ${words.join(' ')} `.includes(` ${phrase} `);
}
