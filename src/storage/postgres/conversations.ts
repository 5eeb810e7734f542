// Conversations shared by replicas. The core reads a conversation's last turn synchronously while
// it answers, so each replica keeps the turns in its own memory, as one process does, and the
// database carries them between replicas: every turn is written to a table and announced with
// NOTIFY, which each replica applies to its memory; a replica starting, or getting its listening
// connection back, reads the turns still recent from the table. A follow-up reaches another replica
// within milliseconds of the answer, well before a person has typed it.
import { CONVERSATION } from '../../config/defaults.js';
import { MemoryConversations, TurnSchema, type ConversationStore, type Turn } from '../../conversation.js';
import type { Logger } from '../../logger.js';
import type { Database } from './database.js';

const CHANNEL = 'conversations';

export class PostgresConversations implements ConversationStore {
  readonly #memory = new MemoryConversations();
  readonly #writes = new Set<Promise<void>>();
  #unlisten: () => void = () => {};

  private constructor(
    private readonly db: Database,
    private readonly logger: Logger | undefined,
  ) {}

  static async open(db: Database, logger?: Logger, now: () => number = Date.now): Promise<PostgresConversations> {
    const store = new PostgresConversations(db, logger);
    store.#unlisten = await db.listen(
      CHANNEL,
      (payload) => store.#apply(payload),
      () => void store.#catchUp(now()),
    );
    await store.#catchUp(now());
    return store;
  }

  recent(key: string, now: number): Turn | undefined {
    return this.#memory.recent(key, now);
  }

  remember(key: string, turn: Turn): void {
    this.#keep(key, turn);
    // Not awaited: the answer does not wait for it. A failed write costs other replicas one
    // follow-up's context, never the answer.
    const write = this.db.pool
      .query(
        `WITH saved AS (
           INSERT INTO conversations (key, turn, at) VALUES ($1, $2, to_timestamp($3 / 1000.0))
           ON CONFLICT (key) DO UPDATE SET turn = excluded.turn, at = excluded.at WHERE conversations.at <= excluded.at
           RETURNING key
         )
         SELECT pg_notify($4, $5) FROM saved`,
        [key, JSON.stringify(turn), turn.at, CHANNEL, noticeOf(key, turn)],
      )
      .then(
        () => undefined,
        (err: unknown) => this.logger?.warn({ err }, 'could not share a conversation turn with the other replicas'),
      );
    this.#writes.add(write);
    void write.finally(() => this.#writes.delete(write));
  }

  /** Resolves when every turn remembered so far is written (for shutdown and tests). */
  async settled(): Promise<void> {
    while (this.#writes.size > 0) await Promise.all(this.#writes);
  }

  close(): void {
    this.#unlisten();
  }

  /** A newer turn replaces an older one; a late notification of an older turn changes nothing. */
  #keep(key: string, turn: Turn): void {
    const known = this.#memory.recent(key, turn.at);
    if (!known || known.at <= turn.at) this.#memory.remember(key, turn);
  }

  #apply(payload: string): void {
    let message: { key?: unknown; turn?: unknown };
    try {
      message = JSON.parse(payload) as typeof message;
    } catch {
      return; // Not ours: nothing to apply.
    }
    if (typeof message.key !== 'string') return;
    const turn = TurnSchema.safeParse(message.turn);
    if (turn.success) this.#keep(message.key, turn.data);
    // A notice too long to carry its turn names only the conversation: the turn is read from the table.
    else if (message.turn === undefined) void this.#read(message.key);
  }

  async #read(key: string): Promise<void> {
    try {
      const { rows } = await this.db.pool.query<{ turn: unknown }>('SELECT turn FROM conversations WHERE key = $1', [key]);
      const turn = TurnSchema.safeParse(rows[0]?.turn);
      if (turn.success) this.#keep(key, turn.data);
    } catch (err) {
      this.logger?.warn({ err }, 'could not read a conversation turn another replica shared');
    }
  }

  async #catchUp(now: number): Promise<void> {
    const since = new Date(now - CONVERSATION.memoryMs);
    try {
      await this.db.pool.query('DELETE FROM conversations WHERE at < $1', [since]);
      const { rows } = await this.db.pool.query<{ key: string; turn: unknown }>('SELECT key, turn FROM conversations WHERE at >= $1 ORDER BY at', [since]);
      for (const row of rows) {
        const turn = TurnSchema.safeParse(row.turn);
        if (turn.success) this.#keep(row.key, turn.data);
      }
    } catch (err) {
      this.logger?.warn({ err }, 'could not read the recent conversations; follow-ups begun on other replicas may lose their context');
    }
  }
}

/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; a turn that would not fit is read from the table instead. */
const NOTICE_MAX_BYTES = 7_500;

function noticeOf(key: string, turn: Turn): string {
  const whole = JSON.stringify({ key, turn });
  return Buffer.byteLength(whole) <= NOTICE_MAX_BYTES ? whole : JSON.stringify({ key });
}
