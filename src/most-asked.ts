// Which facts members ask about most, so a platform can offer the popular questions first (Telegram's
// empty inline query). Counted from the questions log, the one record of what was asked: seeded from
// what the log already holds when the bot starts, then kept up to date as each question is recorded.
import type { ActivityLog, QuestionRecord } from './activity.js';
import type { Logger } from './logger.js';

export class AskedCounts {
  readonly #counts = new Map<string, number>();

  /** Counts one logged question; only an answered one names a fact. */
  add(record: Pick<QuestionRecord, 'kind' | 'factId'>): void {
    if (record.kind !== 'answer' || !record.factId) return;
    this.#counts.set(record.factId, (this.#counts.get(record.factId) ?? 0) + 1);
  }

  /** Takes the counts of a shared log, which other replicas add to as well; this one's go on adding. */
  replaceAll(counts: ReadonlyMap<string, number>): void {
    this.#counts.clear();
    for (const [factId, n] of counts) this.#counts.set(factId, n);
  }

  /** Every fact id asked so far, most asked first; among equals, the one asked first. */
  ranked(): string[] {
    return [...this.#counts].sort(([, a], [, b]) => b - a).map(([factId]) => factId);
  }
}

/**
 * Feeds `counts` from the questions log: what it holds now, then every question recorded from here
 * on. Run it before any platform starts, so no question is recorded while the log is being read.
 */
export async function countAskedQuestions(activity: ActivityLog, counts: AskedCounts, logger: Logger): Promise<void> {
  try {
    for (const record of await activity.questions.readAll()) counts.add(record);
  } catch (err) {
    // Popular questions are a nicety: a log that cannot be read must not keep the bot from starting.
    logger.warn({ err }, 'Could not read the questions log; the most asked questions are counted from now on');
  }
  activity.onQuestion((record) => counts.add(record));
}
