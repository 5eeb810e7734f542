// What members asked and how they rated answers, kept as append-only JSON-lines files in the data
// folder (never in knowledge/), so moderators can see the gaps. No names: user ids are hashed.
import { createHash } from 'node:crypto';
import { appendFile, mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
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
  #queue: Promise<void> = Promise.resolve();
  #checkedTail = false;

  constructor(readonly file: string) {}

  append(record: T): Promise<void> {
    const write = async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      // After a crash the last line may lack its newline: start ours on a fresh line.
      const lead = this.#checkedTail ? '' : await this.#leadAfterTornLine();
      this.#checkedTail = true;
      await appendFile(this.file, `${lead}${JSON.stringify(record)}\n`, 'utf8');
    };
    // Serialised, so concurrent appends never interleave; a failed write does not block the next.
    const next = this.#queue.then(write, write);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async readAll(): Promise<T[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return [];
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

  async #leadAfterTornLine(): Promise<string> {
    let handle: FileHandle | undefined;
    try {
      handle = await open(this.file, 'r');
      const { size } = await handle.stat();
      if (size === 0) return '';
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      return last[0] === 0x0a ? '' : '\n';
    } catch {
      return ''; // no file yet
    } finally {
      await handle?.close();
    }
  }
}

export class ActivityLog {
  readonly questions: JsonLinesFile<QuestionRecord>;
  readonly feedback: JsonLinesFile<FeedbackRecord>;

  constructor(dataDir: string, private readonly now: () => Date = () => new Date()) {
    this.questions = new JsonLinesFile(path.join(dataDir, QUESTIONS_FILE));
    this.feedback = new JsonLinesFile(path.join(dataDir, FEEDBACK_FILE));
  }

  recordQuestion(asker: Asker, result: AnswerResult): Promise<void> {
    return this.questions.append({
      at: this.now().toISOString(),
      platform: asker.platform,
      user: hashUser(asker),
      question: result.question,
      kind: result.kind,
      factId: result.kind === 'answer' ? result.factId : null,
      confidence: Math.round(result.confidence * 1000) / 1000,
    });
  }

  recordFeedback(asker: Asker, factId: string, vote: Vote): Promise<void> {
    return this.feedback.append({ at: this.now().toISOString(), platform: asker.platform, user: hashUser(asker), factId, vote });
  }
}
