// What members asked and how they rated answers, kept as append-only JSON-lines files in the data
// folder (never in knowledge/), so moderators can see the gaps. No names: user ids are hashed.
import { createHash } from 'node:crypto';
import { appendFile, mkdir, open, readFile, stat, truncate } from 'node:fs/promises';
import path from 'node:path';
import type { AnswerResult } from './answer.js';

export type Platform = 'discord' | 'telegram' | 'console';
export type Vote = 'up' | 'down';

export interface Asker {
  platform: Platform;
  /** The platform's user id; stored only as a hash. */
  userId: string;
}

export interface QuestionRecord {
  at: string;
  platform: Platform;
  user: string;
  question: string;
  kind: AnswerResult['kind'];
  factId: string | null;
  confidence: number;
}

export interface FeedbackRecord {
  at: string;
  platform: Platform;
  user: string;
  factId: string;
  vote: Vote;
}

export const QUESTIONS_FILE = 'questions.jsonl';
export const FEEDBACK_FILE = 'feedback.jsonl';

export function hashUser(asker: Asker): string {
  return createHash('sha256').update(`${asker.platform}:${asker.userId}`).digest('hex').slice(0, 16);
}

/** Appends one JSON object per line; a line torn by a crash is skipped on read, never fatal. */
export class JsonLinesFile<T> {
  #queue: Promise<unknown> = Promise.resolve();
  #checkedTail = false;

  constructor(readonly file: string) {}

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
      try {
        out.push(JSON.parse(line) as T);
      } catch {
        // A torn line from a crash mid-write: skip it.
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

export class ActivityLog {
  readonly questions: JsonLinesFile<QuestionRecord>;
  readonly feedback: JsonLinesFile<FeedbackRecord>;
  readonly #questionListeners: ((record: QuestionRecord) => void)[] = [];

  constructor(dataDir: string, private readonly now: () => Date = () => new Date()) {
    this.questions = new JsonLinesFile(path.join(dataDir, QUESTIONS_FILE));
    this.feedback = new JsonLinesFile(path.join(dataDir, FEEDBACK_FILE));
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
    return this.questions.append(record).then(() => {
      for (const listener of this.#questionListeners) listener(record);
    });
  }

  /** Calls `listener` with each question once it is in the log (so it sees what a restart would read back). */
  onQuestion(listener: (record: QuestionRecord) => void): void {
    this.#questionListeners.push(listener);
  }

  recordFeedback(asker: Asker, factId: string, vote: Vote): Promise<void> {
    return this.feedback.append({ at: this.now().toISOString(), platform: asker.platform, user: hashUser(asker), factId, vote });
  }
}
