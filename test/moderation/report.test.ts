import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuestionRecord } from '../../src/activity.js';
import { MODERATION } from '../../src/config/defaults.js';
import { createNormalizer, type Normalizer } from '../../src/matching/normalize.js';
import { unansweredGaps, type Gap } from '../../src/moderation/report.js';

const normalizer = createNormalizer({ synonyms: [] });
const since = new Date('2025-01-01T00:00:00Z');

/** Unanswered questions, oldest first as the log holds them, one a second from `since`. */
function log(questions: readonly string[], user = (i: number) => String(i % 7)): QuestionRecord[] {
  return questions.map((question, i) => ({
    at: new Date(since.getTime() + (i + 1) * 1000).toISOString(),
    platform: 'telegram',
    user: user(i),
    question,
    kind: 'declined',
    factId: null,
    confidence: 0,
  }));
}

/** What grouping must give: each question, newest first, compared with every group in turn. */
function groupedOneByOne(records: readonly QuestionRecord[], n: Normalizer): Gap[] {
  const groups: { stems: Set<string>; gap: Gap; users: Set<string> }[] = [];
  const alike = (a: Set<string>, b: Set<string>) => {
    if (a.size === 0 || b.size === 0) return a.size === b.size;
    const shared = [...a].filter((x) => b.has(x)).length;
    return shared / (a.size + b.size - shared) >= MODERATION.groupSimilarity;
  };
  for (const r of [...records].reverse().filter((r) => r.question.trim() !== '')) {
    const stems = new Set(n.stems(r.question));
    const group = groups.find((g) => alike(g.stems, stems));
    if (group) {
      group.gap.count += 1;
      group.users.add(r.user);
    } else groups.push({ stems, users: new Set([r.user]), gap: { example: r.question, count: 1, askers: 0, lastAsked: r.at } });
  }
  return groups.map((g) => ({ ...g.gap, askers: g.users.size })).sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked));
}

describe('grouping unanswered questions', () => {
  it('groups exactly as comparing every question with every group would', () => {
    // Few words, so questions overlap a lot and every size and place of a shared stem occurs.
    const word = fc.constantFrom('truce', 'talks', 'istanbul', 'prisoners', 'grain', 'ships', 'envoy', 'summit', 'the', 'of');
    const question = fc.array(word, { minLength: 0, maxLength: 7 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(question, { maxLength: 60 }), (questions) => {
        const records = log(questions);
        expect(unansweredGaps(records, normalizer, since).gaps).toEqual(groupedOneByOne(records, normalizer));
      }),
      { numRuns: 300 },
    );
  });

  it('compares each of 20,000 questions with a bounded number of groups, not with every group', () => {
    // 2,000 gaps, each asked ten times in three wordings that share its own two words.
    const wordings = [(k: number) => `What happened to zone${k} in sector${k}?`, (k: number) => `zone${k} sector${k} news`, (k: number) => `Tell me about zone${k} and sector${k}`];
    const questions = Array.from({ length: 20_000 }, (_, i) => wordings[i % 3]!(i % 2000));
    const work = { comparisons: 0 };

    const { gaps, truncated } = unansweredGaps(log(questions), normalizer, since, work);

    expect(truncated).toBe(false);
    expect(gaps).toHaveLength(2000);
    expect(gaps.every((g) => g.count === 10)).toBe(true);
    // Every group against every question would be about 20,000 × 2,000 / 2 = 20 million.
    expect(work.comparisons).toBeLessThanOrEqual(2 * questions.length);
  });

  it('groups only the newest questions when there are more than it scans, and says so', () => {
    const questions = Array.from({ length: MODERATION.unansweredScan + 5 }, (_, i) => `zone${i} sector${i}`);
    const { gaps, truncated } = unansweredGaps(log(questions), normalizer, since);
    expect(truncated).toBe(true);
    expect(gaps).toHaveLength(MODERATION.unansweredScan);
    expect(gaps.some((g) => g.example === 'zone0 sector0')).toBe(false);
  });
});
