// "What's the latest?", "are the talks still going on?", "any news?": questions about now. A news
// bot must answer them from its newest fact that fits and say how old that fact is, never present
// a year-old fact in the present tense. Which words ask about now is data (the vocabulary's
// `recency` list), so moderators can extend it.
import { FRESHNESS } from './config/defaults.js';
import { foldAll, foldText } from './matching/fold.js';

/** True when the question holds one of the recency words or phrases ("latest", "right now"). */
export function asksAboutNow(question: string, recency: readonly string[]): boolean {
  const folded = ` ${foldText(question)} `;
  return foldAll(recency).some((p) => p.length > 0 && folded.includes(` ${p} `));
}

/** Whole days from an ISO date to `now`. */
export function daysSince(isoDate: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(`${isoDate}T00:00:00Z`)) / 86_400_000);
}

/** True when news dated `isoDate` is older than the freshness window. */
export function isStale(isoDate: string, now: Date): boolean {
  return daysSince(isoDate, now) > FRESHNESS.staleDays;
}

/** True when news dated `isoDate` is older than the freshness window as seen from a later ISO date. */
export function isStaleBy(isoDate: string, laterIsoDate: string): boolean {
  return laterIsoDate !== '' && isStale(isoDate, new Date(`${laterIsoDate}T00:00:00Z`));
}
