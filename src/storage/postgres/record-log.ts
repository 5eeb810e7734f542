// The activity log's records in one table shared by every replica, so the unanswered report,
// ratings and most-asked counts see every question, not one machine's share. Each record is read
// back through its schema: a row another version wrote in another shape is skipped, not trusted.
import type { z } from 'zod';
import { FeedbackRecordSchema, QuestionRecordSchema, type ActivityRecords, type RecordLog } from '../../activity.js';
import type { Database } from './database.js';

export class PostgresRecordLog<T extends { at: string }> implements RecordLog<T> {
  constructor(
    private readonly db: Database,
    private readonly kind: 'question' | 'feedback',
    private readonly schema: z.ZodType<T>,
  ) {}

  async append(record: T): Promise<void> {
    await this.db.pool.query('INSERT INTO activity (kind, at, record) VALUES ($1, $2, $3)', [this.kind, record.at, JSON.stringify(record)]);
  }

  async readAll(): Promise<T[]> {
    const { rows } = await this.db.pool.query<{ record: unknown }>('SELECT record FROM activity WHERE kind = $1 ORDER BY id', [this.kind]);
    const out: T[] = [];
    for (const { record } of rows) {
      const parsed = this.schema.safeParse(record);
      if (parsed.success) out.push(parsed.data);
    }
    return out;
  }
}

export function activityTables(db: Database): ActivityRecords {
  return {
    questions: new PostgresRecordLog(db, 'question', QuestionRecordSchema),
    feedback: new PostgresRecordLog(db, 'feedback', FeedbackRecordSchema),
  };
}
