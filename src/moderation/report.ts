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

/** What grouping did, so a test can check its work stays near-linear in the questions. */
export interface GroupingWork {
  /** Similarities computed between a question and a group. */
  comparisons: number;
}

export interface GapReport {
  gaps: Gap[];
  /** True when there were more unanswered questions than MODERATION.unansweredScan: only the newest were grouped. */
  truncated: boolean;
}

/**
 * Groups the unanswered questions asked since `since`, newest first: each joins the oldest group
 * whose first question's stems overlap its own at least MODERATION.groupSimilarity (Jaccard).
 * Comparing each question with every group is quadratic (5,000 questions blocked the event loop for
 * seconds), so a question is compared only with groups that can reach the threshold: two sets of
 * sizes a and s alike at least t share at least ⌈t/(1+t)·(a+s)⌉ stems, so, with every set's stems
 * in one order (rarest first), the first few of each must meet ("prefix filtering"). Groups are
 * indexed by their size, and by each of their first stems with its place, which keeps the grouping
 * exactly what comparing with every group gives, at a small, bounded cost per question.
 */
export function unansweredGaps(
  records: readonly QuestionRecord[],
  normalizer: Normalizer,
  since: Date,
  work: GroupingWork = { comparisons: 0 },
): GapReport {
  const t = MODERATION.groupSimilarity;
  const { questions, truncated } = newestUnanswered(records, normalizer, since);
  const rank = rarityRank(questions.map((q) => q.stems));
  const groups: { stems: Set<string>; gap: Gap; users: Set<string> }[] = [];
  /** Group numbers, oldest first, by `size place stem`. */
  const index = new Map<string, number[]>();
  const key = (size: number, place: number, stem: string) => `${size} ${place} ${stem}`;
  let largest = 0;
  /** Questions of only stopwords are alike, and like nothing else. */
  let wordless: number | undefined;

  const oldestAlike = (stems: readonly string[]): number | undefined => {
    const own = new Set(stems);
    const a = stems.length;
    const seen = new Set<number>();
    let found: number | undefined;
    for (let s = Math.max(1, Math.ceil(t * a - EPSILON)); s <= Math.min(largest, Math.floor(a / t + EPSILON)); s++) {
      const overlap = Math.ceil((t / (1 + t)) * (a + s) - EPSILON);
      for (let i = 0; i < Math.min(a, a - overlap + 1); i++) {
        for (let j = 0; j < s - overlap + 1; j++) {
          for (const g of index.get(key(s, j, stems[i] ?? '')) ?? []) {
            if (found !== undefined && g > found) break;
            if (seen.has(g)) continue;
            seen.add(g);
            work.comparisons += 1;
            const group = groups[g];
            if (group && similarity(group.stems, own) >= t) found = g;
          }
        }
      }
    }
    return found;
  };

  for (const { record, stems } of questions) {
    stems.sort((x, y) => (rank.get(x) ?? 0) - (rank.get(y) ?? 0));
    const joined = stems.length === 0 ? wordless : oldestAlike(stems);
    const group = joined === undefined ? undefined : groups[joined];
    if (group) {
      group.gap.count += 1;
      group.users.add(record.user);
      continue;
    }
    const g = groups.push({ stems: new Set(stems), users: new Set([record.user]), gap: { example: record.question, count: 1, askers: 0, lastAsked: record.at } }) - 1;
    if (stems.length === 0) wordless = g;
    largest = Math.max(largest, stems.length);
    // A group is found through its first stems: as many as a question of any size alike enough needs.
    for (let j = 0; j < stems.length - Math.ceil(t * stems.length - EPSILON) + 1; j++) {
      const k = key(stems.length, j, stems[j] ?? '');
      const indexed = index.get(k);
      if (indexed) indexed.push(g);
      else index.set(k, [g]);
    }
  }
  const gaps = groups
    .map((g) => ({ ...g.gap, askers: g.users.size }))
    .sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked));
  return { gaps, truncated };
}

/** Keeps ⌈0.5 · 4⌉ at 2 when floating point makes the product 2.0000000001. */
const EPSILON = 1e-9;

/** The newest unanswered questions since `since`, at most MODERATION.unansweredScan, with their distinct stems. */
function newestUnanswered(records: readonly QuestionRecord[], normalizer: Normalizer, since: Date) {
  const questions: { record: QuestionRecord; stems: string[] }[] = [];
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i];
    if (!record || record.kind === 'answer' || !(new Date(record.at) >= since) || record.question.trim() === '') continue;
    if (questions.length === MODERATION.unansweredScan) return { questions, truncated: true };
    questions.push({ record, stems: [...new Set(normalizer.stems(record.question))] });
  }
  return { questions, truncated: false };
}

/** Every stem's place in one order, rarest first, so the stems sets are compared by start with are the rarest. */
function rarityRank(sets: readonly string[][]): Map<string, number> {
  const count = new Map<string, number>();
  for (const set of sets) for (const stem of set) count.set(stem, (count.get(stem) ?? 0) + 1);
  const order = [...count.keys()].sort((x, y) => (count.get(x) ?? 0) - (count.get(y) ?? 0) || (x < y ? -1 : x > y ? 1 : 0));
  return new Map(order.map((stem, i) => [stem, i]));
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

/** Jaccard overlap of two non-empty word sets. */
function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return shared / (a.size + b.size - shared);
}
