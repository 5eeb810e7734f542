// The question sets, scored straight through the core by the rule `npm run eval` uses
// (src/evaluation.ts): a regression in matching fails here before anyone runs the scorer. The
// project's own sets always run; the public set beside the project runs where it is present.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BotCore } from '../../src/core.js';
import type { FactBase } from '../../src/knowledge/parse.js';
import { askOf, parseEvalSet, rates, scoreSet, type Miss } from '../../src/evaluation.js';
import { BUNDLED_KNOWLEDGE, loadBase, ROOT } from '../helpers.js';

/**
 * Each set with the share it must answer right and decline right. The public set and our own extra
 * set hold the 95% / 90% bar. The sets written from the source notes alone, by people who never saw
 * the fact base, are harder (detail questions in their own words): their floors sit just under
 * today's scores, so a change that makes matching worse in general fails here.
 */
const SETS: [file: string, answered: number, refused: number][] = [
  [path.join(ROOT, '../shared/eval/questions.jsonl'), 0.95, 0.9],
  [path.join(ROOT, 'test/eval/extra-questions.jsonl'), 0.95, 0.9],
  [path.join(ROOT, 'test/eval/source-notes-questions.jsonl'), 0.97, 0.85],
  [path.join(ROOT, 'test/eval/unseen-questions.jsonl'), 0.93, 0.84],
  [path.join(ROOT, 'test/eval/batch-2-questions.jsonl'), 0.97, 0.7],
  [path.join(ROOT, 'test/eval/batch-2-unseen.jsonl'), 0.84, 0.84],
  [path.join(ROOT, 'test/eval/chatty-questions.jsonl'), 0.89, 1],
  [path.join(ROOT, 'test/eval/conversations.jsonl'), 0.88, 0.8],
  [path.join(ROOT, 'test/eval/conversations-uk-ru.jsonl'), 0.85, 1],
  [path.join(ROOT, 'test/eval/near-topic-declines.jsonl'), 1, 0.92],
  [path.join(ROOT, 'test/eval/uk-questions.jsonl'), 0.89, 0.88],
  [path.join(ROOT, 'test/eval/uk-unseen.jsonl'), 0.88, 0.96],
  [path.join(ROOT, 'test/eval/ru-questions.jsonl'), 0.9, 0.92],
  [path.join(ROOT, 'test/eval/ru-unseen.jsonl'), 0.82, 0.88],
  // Held back since they were written (3 December 2026): only their totals are read while tuning.
  [path.join(ROOT, 'test/eval/held-out-en.jsonl'), 0.9, 0.88],
  [path.join(ROOT, 'test/eval/held-out-uk.jsonl'), 0.78, 0.95],
  [path.join(ROOT, 'test/eval/held-out-ru.jsonl'), 0.85, 0.85],
  [path.join(ROOT, 'test/eval/held-out-conversations.jsonl'), 0.78, 0.6],
  // Held back since they were written (4 December 2026), by another hand, in the way chat users type.
  [path.join(ROOT, 'test/eval/held-out-2-en.jsonl'), 0.84, 0.75],
  [path.join(ROOT, 'test/eval/held-out-2-uk.jsonl'), 0.76, 0.9],
  [path.join(ROOT, 'test/eval/held-out-2-ru.jsonl'), 0.84, 0.84],
  [path.join(ROOT, 'test/eval/held-out-2-conversations.jsonl'), 0.72, 0.75],
  // Held back since they were written (4 December 2026, late), by a third hand: only their totals are read.
  [path.join(ROOT, 'test/eval/held-out-3-en.jsonl'), 0.7, 0.8],
  [path.join(ROOT, 'test/eval/held-out-3-uk.jsonl'), 0.68, 0.85],
  [path.join(ROOT, 'test/eval/held-out-3-ru.jsonl'), 0.76, 0.85],
  [path.join(ROOT, 'test/eval/held-out-3-conversations.jsonl'), 0.65, 0.75],
  // Held back since they were written (4 December 2026, a later session), by a fourth hand: only their totals are read.
  [path.join(ROOT, 'test/eval/held-out-4-en.jsonl'), 0.86, 0.85],
  [path.join(ROOT, 'test/eval/held-out-4-uk.jsonl'), 0.8, 0.95],
  [path.join(ROOT, 'test/eval/held-out-4-ru.jsonl'), 0.72, 0.85],
  [path.join(ROOT, 'test/eval/held-out-4-conversations.jsonl'), 0.76, 0.75],
  // Held back since they were written (5 December 2026, a later session), by a fifth hand: only their totals are read.
  [path.join(ROOT, 'test/eval/held-out-5-en.jsonl'), 0.8, 0.92],
  [path.join(ROOT, 'test/eval/held-out-5-uk.jsonl'), 0.78, 0.85],
  [path.join(ROOT, 'test/eval/held-out-5-ru.jsonl'), 0.88, 0.85],
  [path.join(ROOT, 'test/eval/held-out-5-conversations.jsonl'), 0.63, 0.75],
  // Written on 4 December 2026 as chat users type, from the facts alone, and tuned on since.
  [path.join(ROOT, 'test/eval/chat-en.jsonl'), 0.59, 0.86],
  [path.join(ROOT, 'test/eval/chat-uk.jsonl'), 0.77, 0.95],
  [path.join(ROOT, 'test/eval/chat-ru.jsonl'), 0.68, 0.86],
  [path.join(ROOT, 'test/eval/chat-conversations.jsonl'), 0.86, 0.8],
  // Written in a later session (4 December 2026) to tune follow-ups on: its misses are read.
  [path.join(ROOT, 'test/eval/dev-conversations.jsonl'), 0.62, 0.72],
];

let base: FactBase;
beforeAll(async () => {
  base = await loadBase(BUNDLED_KNOWLEDGE);
});

function describeMiss({ case: c, why, result }: Miss): string {
  return `${why}: ${c.q} → ${result.kind === 'answer' ? result.factId : result.kind}`;
}

describe.each(SETS)('the question set %s', (file, minAnswered, minRefused) => {
  it.skipIf(!existsSync(file))(`is answered at least ${minAnswered * 100}% right and declined at least ${minRefused * 100}% right`, () => {
    const core = new BotCore(base);
    const score = scoreSet(parseEvalSet(readFileSync(file, 'utf8'), file), (c) => core.answer(askOf(c)));
    const { answered, refused } = rates(score);
    const misses = score.misses.map(describeMiss).join('\n');
    expect(answered, misses).toBeGreaterThanOrEqual(minAnswered);
    expect(refused, misses).toBeGreaterThanOrEqual(minRefused);
  }, 60_000);
});
