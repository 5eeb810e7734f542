// What members asked and how they rated answers, so moderators can see the gaps. No names: user ids
// are hashed. Kept in the data folder (never in knowledge/) as append-only JSON-lines files by
// default, or in PostgreSQL (src/storage/postgres/record-log.ts) when replicas share one record.
import { createHash } from 'node:crypto';
import { appendFile, mkdir, open, readFile, stat, truncate } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { AnswerResult } from './answer.js';
import { ACTIVITY } from './config/defaults.js';

export type Platform = 'discord' | 'telegram' | 'console';
export type Vote = 'up' | 'down';

export interface Asker {
  platform: Platform;
  /** The platform's user id; stored only as a hash. */
  userId: string;
}

const PlatformSchema = z.enum(['discord', 'telegram', 'console']);

// Records are read back from files and databases that outlive the code that wrote them: each one
// passes its schema, and one that does not is skipped like a torn line, never trusted as typed.
export const QuestionRecordSchema = z.object({
  at: z.string(),
  platform: PlatformSchema,
  user: z.string(),
  question: z.string(),
  kind: z.enum(['answer', 'ambiguous', 'declined', 'chat']),
  factId: z.string().nullable(),
  confidence: z.number(),
});
export type QuestionRecord = z.infer<typeof QuestionRecordSchema>;

export const FeedbackRecordSchema = z.object({
  at: z.string(),
  platform: PlatformSchema,
  user: z.string(),
  factId: z.string(),
  vote: z.enum(['up', 'down']),
});
export type FeedbackRecord = z.infer<typeof FeedbackRecordSchema>;

/** An append-only log of records, oldest first: a file on one machine, a table shared by replicas. */
export interface RecordLog<T> {
  append(record: T): Promise<void>;
  readAll(): Promise<T[]>;
}

/** Where the activity log keeps its two kinds of record. */
export interface ActivityRecords {
  questions: RecordLog<QuestionRecord>;
  feedback: RecordLog<FeedbackRecord>;
}

export const QUESTIONS_FILE = 'questions.jsonl';
export const FEEDBACK_FILE = 'feedback.jsonl';

export function hashUser(asker: Asker): string {
  return createHash('sha256').update(`${asker.platform}:${asker.userId}`).digest('hex').slice(0, 16);
}

/** Appends one JSON object per line; a line torn by a crash is skipped on read, never fatal. */
export class JsonLinesFile<T> implements RecordLog<T> {
  #queue: Promise<unknown> = Promise.resolve();
  #checkedTail = false;

  /** With a schema, a line that does not pass it is skipped as well. */
  constructor(
    readonly file: string,
    private readonly schema?: z.ZodType<T>,
  ) {}

  async append(record: T): Promise<void> {
    await this.#serialised(() => this.#write(record));
  }

  /**
   * Appends a record and returns how to take it back, for a change that must be both recorded and
   * made, or neither: the caller makes the change after recording it, and takes the record back if
   * making it fails.
   */
  appendRevocable(record: T): Promise<() => Promise<void>> {
    return this.#serialised(async () => {
      const size = await this.#write(record);
      return () =>
        this.#serialised(async () => {
          await truncate(this.file, size);
          // The tail may be a torn line again: look before the next append.
          this.#checkedTail = false;
        });
    });
  }

  async readAll(): Promise<T[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      // No file yet is an empty log; any other failure must not pass for one.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const out: T[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        continue; // A torn line from a crash mid-write: skip it.
      }
      if (!this.schema) out.push(value as T);
      else {
        const parsed = this.schema.safeParse(value);
        if (parsed.success) out.push(parsed.data);
      }
    }
    return out;
  }

  /** Appends the record; resolves with the file's size before it. */
  async #write(record: T): Promise<number> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const size = await sizeOf(this.file);
    // After a crash the last line may lack its newline: start ours on a fresh line.
    const lead = this.#checkedTail ? '' : await this.#leadAfterTornLine(size);
    this.#checkedTail = true;
    await appendFile(this.file, `${lead}${JSON.stringify(record)}\n`, 'utf8');
    return size;
  }

  /** Serialised, so concurrent appends never interleave; a failed write does not block the next. */
  #serialised<R>(task: () => Promise<R>): Promise<R> {
    const next = this.#queue.then(task, task);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #leadAfterTornLine(size: number): Promise<string> {
    if (size === 0) return '';
    const handle = await open(this.file, 'r');
    try {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      return last[0] === 0x0a ? '' : '\n';
    } finally {
      await handle.close();
    }
  }
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
}

/** The questions and feedback logs as files in a data folder. */
export function activityFiles(dataDir: string): ActivityRecords {
  return {
    questions: new JsonLinesFile(path.join(dataDir, QUESTIONS_FILE), QuestionRecordSchema),
    feedback: new JsonLinesFile(path.join(dataDir, FEEDBACK_FILE), FeedbackRecordSchema),
  };
}

export class ActivityLog {
  readonly questions: RecordLog<QuestionRecord>;
  readonly feedback: RecordLog<FeedbackRecord>;
  readonly #questionListeners: ((record: QuestionRecord) => void)[] = [];
  /** Questions not yet written, oldest first (see #append). */
  readonly #unsaved: QuestionRecord[] = [];

  /** `records`: a data folder for the files, or the logs themselves (a shared database's). */
  constructor(records: string | ActivityRecords, private readonly now: () => Date = () => new Date()) {
    const logs = typeof records === 'string' ? activityFiles(records) : records;
    this.questions = logs.questions;
    this.feedback = logs.feedback;
  }

  recordQuestion(asker: Asker, result: AnswerResult): Promise<void> {
    const record: QuestionRecord = {
      at: this.now().toISOString(),
      platform: asker.platform,
      user: hashUser(asker),
      question: result.question,
      kind: result.kind,
      factId: result.kind === 'answer' ? result.factId : null,
      confidence: Math.round(result.confidence * 1000) / 1000,
    };
    return this.#append(record);
  }

  /**
   * Appends the questions an earlier failure kept back, then this one. A record that cannot be
   * written (a full disk, the database down) is kept, up to ACTIVITY.unsavedKept, and written
   * before the next one: the unanswered report loses nothing to an outage the bot outlives.
   */
  async #append(record: QuestionRecord): Promise<void> {
    this.#unsaved.push(record);
    while (this.#unsaved.length > ACTIVITY.unsavedKept) this.#unsaved.shift();
    const pending = this.#unsaved.splice(0);
    for (const [i, next] of pending.entries()) {
      try {
        await this.questions.append(next);
      } catch (err) {
        this.#unsaved.unshift(...pending.slice(i));
        throw new Error(`the questions log could not be written (${(err as Error).message}); ${pending.length - i} record(s) kept to write with the next question`, { cause: err });
      }
      for (const listener of this.#questionListeners) listener(next);
    }
  }

  /** Calls `listener` with each question once it is in the log (so it sees what a restart would read back). */
  onQuestion(listener: (record: QuestionRecord) => void): void {
    this.#questionListeners.push(listener);
  }

  recordFeedback(asker: Asker, factId: string, vote: Vote): Promise<void> {
    return this.feedback.append({ at: this.now().toISOString(), platform: asker.platform, user: hashUser(asker), factId, vote });
  }
}
