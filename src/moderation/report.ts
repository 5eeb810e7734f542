// `kb unanswered`: what members asked that the bot could not answer, grouped so that many
// wordings of one gap count as one, biggest gap first; and how members rated each fact.
import type { FeedbackRecord, QuestionRecord } from '../activity.js';
import { MODERATION } from '../config/defaults.js';
import type { Normalizer } from '../matching/normalize.js';

export interface Gap {
  /** The most recent wording, as an example. */
  example: string;
  count: number;
  /** Distinct askers (hashed), so one user repeating a question does not look like a trend. */
  askers: number;
  lastAsked: string;
}

export interface Rating {
  factId: string;
  up: number;
  down: number;
}

export function unansweredGaps(records: readonly QuestionRecord[], normalizer: Normalizer, since: Date): Gap[] {
  const groups: { stems: Set<string>; gap: Gap; users: Set<string> }[] = [];
  const recent = records.filter((r) => r.kind !== 'answer' && new Date(r.at) >= since && r.question.trim() !== '');
  for (const record of [...recent].reverse()) {
    const stems = new Set(normalizer.stems(record.question));
    const group = groups.find((g) => similarity(g.stems, stems) >= MODERATION.groupSimilarity);
    if (group) {
      group.gap.count += 1;
      group.users.add(record.user);
    } else {
      groups.push({ stems, users: new Set([record.user]), gap: { example: record.question, count: 1, askers: 0, lastAsked: record.at } });
    }
  }
  return groups
    .map((g) => ({ ...g.gap, askers: g.users.size }))
    .sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked));
}

export function ratings(records: readonly FeedbackRecord[]): Rating[] {
  const byFact = new Map<string, Rating>();
  // One vote per member and fact: their latest.
  const latest = new Map<string, FeedbackRecord>();
  for (const r of records) latest.set(`${r.user}\0${r.factId}`, r);
  for (const r of latest.values()) {
    const rating = byFact.get(r.factId) ?? { factId: r.factId, up: 0, down: 0 };
    rating[r.vote] += 1;
    byFact.set(r.factId, rating);
  }
  return [...byFact.values()].sort((a, b) => b.down - a.down || b.up - a.up);
}

/** Jaccard overlap of two word sets; two empty sets (questions of only stopwords) are alike. */
function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return shared / (a.size + b.size - shared);
}
