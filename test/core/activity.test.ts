import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActivityLog, hashUser, JsonLinesFile } from '../../src/activity.js';
import { BotCore } from '../../src/core.js';
import { FIXTURE_KNOWLEDGE, loadBase } from '../helpers.js';

const tempDir = () => mkdtemp(path.join(tmpdir(), 'activity-'));

describe('the activity log', () => {
  it('records questions and votes with hashed user ids, never the raw id', async () => {
    const dir = await tempDir();
    const log = new ActivityLog(dir, () => new Date('2025-08-01T00:00:00Z'));
    const core = new BotCore(await loadBase(FIXTURE_KNOWLEDGE));
    const asker = { platform: 'telegram' as const, userId: '424242' };
    await log.recordQuestion(asker, core.answer('How long did the third round last?'));
    await log.recordFeedback(asker, 'round-three-duration', 'up');
    const [question] = await log.questions.readAll();
    expect(question).toMatchObject({ kind: 'answer', factId: 'round-three-duration', user: hashUser(asker) });
    expect(await log.feedback.readAll()).toEqual([
      { at: '2025-08-01T00:00:00.000Z', platform: 'telegram', user: hashUser(asker), factId: 'round-three-duration', vote: 'up' },
    ]);
    const raw = await readFile(path.join(dir, 'questions.jsonl'), 'utf8');
    expect(raw).not.toContain('424242');
  });

  it('skips a line torn by a crash and keeps appending on a fresh line', async () => {
    const file = path.join(await tempDir(), 'log.jsonl');
    await writeFile(file, '{"n":1}\n{"n":2,"tor');
    const log = new JsonLinesFile<{ n: number }>(file);
    await log.append({ n: 3 });
    expect(await log.readAll()).toEqual([{ n: 1 }, { n: 3 }]);
  });

  it('never interleaves concurrent appends', async () => {
    const file = path.join(await tempDir(), 'log.jsonl');
    const log = new JsonLinesFile<{ n: number }>(file);
    await Promise.all(Array.from({ length: 50 }, (_, n) => log.append({ n })));
    expect((await log.readAll()).map((r) => r.n)).toEqual(Array.from({ length: 50 }, (_, n) => n));
  });

  it('reads a missing file as an empty log, but lets any other read failure through', async () => {
    const dir = await tempDir();
    expect(await new JsonLinesFile(path.join(dir, 'none-yet.jsonl')).readAll()).toEqual([]);
    await mkdir(path.join(dir, 'folder.jsonl'));
    await expect(new JsonLinesFile(path.join(dir, 'folder.jsonl')).readAll()).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
