import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ActivityLog } from '../../src/activity.js';
import { BotCore } from '../../src/core.js';
import type { FactBase } from '../../src/knowledge/parse.js';
import { createLogger } from '../../src/logger.js';
import { AskedCounts, countAskedQuestions } from '../../src/most-asked.js';
import { FIXTURE_KNOWLEDGE, loadBase } from '../helpers.js';

let base: FactBase;
beforeAll(async () => {
  base = await loadBase(FIXTURE_KNOWLEDGE);
});

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'most-asked-'));
  dirs.push(dir);
  return dir;
}

const logged: string[] = [];
const logger = createLogger({ level: 'warn', secrets: [], destination: { write: (line: string) => void logged.push(line) } });

const answered = (factId: string) => ({ kind: 'answer' as const, factId });
const asker = { platform: 'telegram' as const, userId: '7' };

describe('counting the most asked facts', () => {
  it('ranks answered facts by how often they were asked, the first asked first among equals, and ignores unanswered questions', () => {
    const counts = new AskedCounts();
    for (const id of ['a', 'b', 'c', 'b', 'c']) counts.add(answered(id));
    counts.add({ kind: 'declined', factId: null });
    counts.add({ kind: 'ambiguous', factId: null });
    expect(counts.ranked()).toEqual(['b', 'c', 'a']);
  });

  it('starts from what the questions log holds, then counts each question as it is recorded', async () => {
    const activity = new ActivityLog(await dataDir());
    const earlier = new BotCore(base);
    await activity.recordQuestion(asker, earlier.answer('How long did the second round last?'));
    await activity.recordQuestion(asker, earlier.answer('What is the GDP of Germany?'));

    const core = new BotCore(base);
    await countAskedQuestions(activity, core.asked, logger);
    expect(core.asked.ranked()).toEqual(['round-two-duration']);

    for (let i = 0; i < 2; i += 1) await activity.recordQuestion(asker, core.answer('How long did the third round last?'));
    expect(core.asked.ranked()).toEqual(['round-three-duration', 'round-two-duration']);
  });

  it('starts from nothing, with a warning, when the questions log cannot be read', async () => {
    const dir = await dataDir();
    // A folder where the file should be: reading it fails, as on a disk error.
    await mkdir(path.join(dir, 'questions.jsonl'));
    const core = new BotCore(base);
    await countAskedQuestions(new ActivityLog(dir), core.asked, logger);
    expect(core.asked.ranked()).toEqual([]);
    expect(logged.join('')).toContain('Could not read the questions log');
  });
});

describe('inline answers', () => {
  it('offer the featured facts for an empty query while nothing has been asked', () => {
    const core = new BotCore(base);
    expect(core.inlineAnswers('', 5).map((a) => a.factId)).toEqual(['erdogan-host', 'round-two-duration', 'round-three-duration']);
  });

  it('offer the most asked facts first for an empty query, skip retired ones, fill up with featured ones and keep to the limit', () => {
    const core = new BotCore(base);
    for (const id of ['old-claim', 'old-claim', 'round-three-duration']) core.asked.add(answered(id));
    expect(core.inlineAnswers('  ', 5).map((a) => a.factId)).toEqual(['round-three-duration', 'erdogan-host', 'round-two-duration']);
    expect(core.inlineAnswers('', 2).map((a) => a.factId)).toEqual(['round-three-duration', 'erdogan-host']);
  });

  it('offer the best match and the facts suggested beside it for a typed query, each once, as full answers', () => {
    const core = new BotCore(base);
    const answers = core.inlineAnswers('How long did the third round last?', 5);
    expect(answers[0]).toMatchObject({ kind: 'answer', factId: 'round-three-duration', text: 'The third round lasted about 40 minutes.' });
    expect(new Set(answers.map((a) => a.factId)).size).toBe(answers.length);
    expect(answers.map((a) => a.factId)).not.toContain('old-claim');
  });
});
