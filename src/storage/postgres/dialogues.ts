// Moderators' open add/edit dialogues in one table, so each reply continues the dialogue on
// whichever replica the load balancer hands it to. Read back through the dialogue's schema.
import { MODERATION } from '../../config/defaults.js';
import { DialogueStateSchema, type DialogueState, type DialogueStore } from '../../moderation/dialogue.js';
import type { Database } from './database.js';

export class PostgresDialogueStore implements DialogueStore {
  constructor(private readonly db: Database) {}

  async get(key: string, now: number): Promise<DialogueState | undefined> {
    const since = new Date(now - MODERATION.dialogueTimeoutMs);
    const { rows } = await this.db.pool.query<{ state: unknown }>('SELECT state FROM dialogues WHERE key = $1 AND at >= $2', [key, since]);
    const parsed = DialogueStateSchema.safeParse(rows[0]?.state);
    return parsed.success ? parsed.data : undefined;
  }

  async put(key: string, state: DialogueState, now: number): Promise<void> {
    // Abandoned dialogues are deleted as others are kept.
    await this.db.pool.query('DELETE FROM dialogues WHERE at < $1', [new Date(now - MODERATION.dialogueTimeoutMs)]);
    await this.db.pool.query(
      'INSERT INTO dialogues (key, state, at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET state = excluded.state, at = excluded.at',
      [key, JSON.stringify(state), new Date(now)],
    );
  }

  async delete(key: string): Promise<void> {
    await this.db.pool.query('DELETE FROM dialogues WHERE key = $1', [key]);
  }
}
