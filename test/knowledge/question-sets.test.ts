// The question sets, scored by the same rule as ../shared/eval/score.mjs, straight through the
// core: a regression in matching fails here before anyone runs the scorer.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../../src/answer.js';
import { BotCore } from '../../src/core.js';
import { BUNDLED_KNOWLEDGE, loadBase, ROOT } from '../helpers.js';

interface Case {
  q: string;
  expect: string[][] | null;
}

/**
 * Each set with the share it must answer right and refuse right. The public set and our own extra
 * set hold the 95% / 90% bar. The two sets written from the source notes alone, by people who never
 * saw the fact base, are harder (detail questions in their own words): their floors sit just under
 * today's scores, so a change that makes matching worse in general fails here.
 */
const SETS: [file: string, answered: number, refused: number][] = [
  [path.join(ROOT, '../shared/eval/questions.jsonl'), 0.95, 0.9],
  [path.join(ROOT, 'test/eval/extra-questions.jsonl'), 0.95, 0.9],
  [path.join(ROOT, 'test/eval/source-notes-questions.jsonl'), 0.88, 0.95],
  [path.join(ROOT, 'test/eval/unseen-questions.jsonl'), 0.9, 0.9],
];

let core: BotCore;
beforeAll(async () => {
  core = new BotCore(await loadBase(BUNDLED_KNOWLEDGE));
});

function score(file: string) {
  const cases = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Case);
  const misses: string[] = [];
  let answerable = 0, right = 0, unanswerable = 0, refused = 0;
  for (const c of cases) {
    const result = core.answer(c.q);
    const text = plainText(result).toLowerCase();
    if (c.expect === null) {
      unanswerable += 1;
      if (result.kind !== 'answer') refused += 1;
      else misses.push(`should refuse: ${c.q}`);
    } else {
      answerable += 1;
      if (result.kind === 'answer' && c.expect.every((g) => g.some((k) => text.includes(k.toLowerCase())))) right += 1;
      else misses.push(`wrong: ${c.q}`);
    }
  }
  return { answered: right / answerable, refused: refused / unanswerable, misses };
}

describe.each(SETS)('the question set %s', (file, minAnswered, minRefused) => {
  it.skipIf(!existsSync(file))(`is answered at least ${minAnswered * 100}% right and refused at least ${minRefused * 100}% right`, () => {
    const { answered, refused, misses } = score(file);
    expect(answered, misses.join('\n')).toBeGreaterThanOrEqual(minAnswered);
    expect(refused, misses.join('\n')).toBeGreaterThanOrEqual(minRefused);
  });
});
