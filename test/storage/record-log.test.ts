import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { activityFiles, ActivityLog, QUESTIONS_FILE, type ActivityRecords, type QuestionRecord } from '../../src/activity.js';
import { activityTables } from '../../src/storage/postgres/record-log.js';
import { openPostgresStorage } from '../../src/storage/postgres/storage.js';
import { dropSchema, freshSchema, HAS_POSTGRES, openTestDatabase, TEST_DATABASE_URL } from './postgres.js';

const question = (n: number): QuestionRecord => ({
  at: new Date(Date.UTC(2025, 6, 1, 0, 0, n)).toISOString(),
  platform: 'telegram',
  user: `u${n}`,
  question: `question ${n}`,
  kind: n % 2 ? 'answer' : 'declined',
  factId: n % 2 ? `fact-${n}` : null,
  confidence: 0.5,
});

/** What every store of the activity log promises, files or tables. */
function activityContract(name: string, make: () => Promise<ActivityRecords>) {
  describe(`the activity log contract: ${name}`, () => {
    it('reads back nothing before the first record', async () => {
      const records = await make();
      expect(await records.questions.readAll()).toEqual([]);
    });

    it('reads back every record in the order it was appended, questions apart from feedback', async () => {
      const records = await make();
      const log = new ActivityLog(records, () => new Date('2025-08-01T00:00:00Z'));
      await records.questions.append(question(1));
      await records.questions.append(question(2));
      await log.recordFeedback({ platform: 'discord', userId: '7' }, 'fact-1', 'down');
      expect((await records.questions.readAll()).map((r) => r.question)).toEqual(['question 1', 'question 2']);
      expect(await records.feedback.readAll()).toEqual([expect.objectContaining({ factId: 'fact-1', vote: 'down', platform: 'discord' })]);
    });

    it('loses none of many records appended at once', async () => {
      const records = await make();
      await Promise.all(Array.from({ length: 40 }, (_, n) => records.questions.append(question(n))));
      const read = await records.questions.readAll();
      expect(new Set(read.map((r) => r.question)).size).toBe(40);
    });
  });
}

activityContract('files in a data folder', async () => activityFiles(await mkdtemp(path.join(tmpdir(), 'activity-'))));

describe.runIf(HAS_POSTGRES)('in PostgreSQL', async () => {
  const db = HAS_POSTGRES ? await openTestDatabase('activity') : undefined;
  activityContract('tables in PostgreSQL', async () => {
    await db!.pool.query('TRUNCATE activity');
    return activityTables(db!);
  });

  it('skips a row that does not pass the record schema instead of handing it on as typed', async () => {
    await db!.pool.query('TRUNCATE activity');
    await db!.pool.query(`INSERT INTO activity (kind, at, record) VALUES ('question', now(), '{"question": 42}')`);
    const records = activityTables(db!);
    await records.questions.append(question(1));
    expect(await records.questions.readAll()).toEqual([question(1)]);
  });
});

it('skips a line of the questions file that does not pass the record schema', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'activity-'));
  await writeFile(path.join(dir, QUESTIONS_FILE), `${JSON.stringify({ question: 42 })}\n${JSON.stringify(question(3))}\n`);
  expect(await activityFiles(dir).questions.readAll()).toEqual([question(3)]);
});

describe('an outage of the questions log', () => {
  it('keeps a question it could not write and writes it, in order, before the next one', async () => {
    const written: QuestionRecord[] = [];
    let down = true;
    const questions = {
      append: async (record: QuestionRecord) => {
        if (down) throw new Error('ECONNREFUSED');
        written.push(record);
      },
      readAll: async () => written,
    };
    const log = new ActivityLog({ questions, feedback: { append: async () => {}, readAll: async () => [] } });
    const asked = (question: string) => ({ kind: 'declined' as const, question, confidence: 0 }) as unknown as Parameters<ActivityLog['recordQuestion']>[1];
    await expect(log.recordQuestion({ platform: 'telegram', userId: '1' }, asked('first'))).rejects.toThrow(/1 record\(s\) kept/);
    down = false;
    await log.recordQuestion({ platform: 'telegram', userId: '1' }, asked('second'));
    expect(written.map((r) => r.question)).toEqual(['first', 'second']);
  });
});

describe.runIf(HAS_POSTGRES)('the most asked questions with a shared log', async () => {
  const schema = freshSchema('asked');
  const storage = HAS_POSTGRES ? await openPostgresStorage(TEST_DATABASE_URL, undefined, { schema }) : undefined;
  afterAll(async () => {
    await storage?.close();
    await dropSchema(schema);
  });

  it('are counted from every replica’s answered questions, most asked first', async () => {
    const log = new ActivityLog(storage!.activity);
    const answered = (factId: string) => ({ kind: 'answer', factId, question: factId, confidence: 1 }) as unknown as Parameters<ActivityLog['recordQuestion']>[1];
    for (const factId of ['b', 'a', 'a']) await log.recordQuestion({ platform: 'discord', userId: '1' }, answered(factId));
    await log.recordQuestion({ platform: 'discord', userId: '1' }, { kind: 'declined', question: 'x', confidence: 0 } as unknown as Parameters<ActivityLog['recordQuestion']>[1]);
    expect([...(await storage!.sharedAskedCounts!())]).toEqual([['b', 1], ['a', 2]]);
  });
});
