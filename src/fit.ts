// Whether a fact can answer a question at all, beyond sharing its words. A word-overlap score
// cannot tell "what happened at the 2022 talks" from the 2025 rounds: both say "talks". A year the
// question names is a hard constraint, read from the fact's own data (its `years`, or the year of
// its asOf), never from a list of questions.
import type { Fact } from './knowledge/schema.js';

/**
 * Four-digit years, 1991 to 2099, standing as words of their own: "in 2022", "2022's", "(2024)".
 * Not parts of larger numbers ("12,2022") or of a "1000-for-1000".
 */
const YEAR = /(?<![\d,.])(?:199[1-9]|20\d\d)(?![\d,.]\d)/g;

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
