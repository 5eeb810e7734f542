// A short memory per conversation, so a follow-up ("and the second one?", "where was it held?") is
// read with what was just asked. The core owns the port; this in-process implementation keeps a
// bounded map of recent turns (the default; a shared store is a second implementation of the port).
import { z } from 'zod';
import { CONVERSATION } from './config/defaults.js';
import { LANGUAGES } from './language.js';

/** What a conversation remembers of its last turn; read back through this schema from a shared store. */
export const TurnSchema = z.object({
  /** The question as the bot understood it (a follow-up already read with its context). */
  question: z.string(),
  /** The fact that answered it, if one did. */
  factId: z.string().optional(),
  /** The language it was asked in, which a pressed suggestion keeps. */
  lang: z.enum(LANGUAGES),
  /** Epoch milliseconds. */
  at: z.number(),
});
export type Turn = z.infer<typeof TurnSchema>;

/** Where conversations keep their last turn; keys are opaque ("telegram:42:7"). */
export interface ConversationStore {
  /** The last turn, if it is younger than CONVERSATION.memoryMs at `now`. */
  recent(key: string, now: number): Turn | undefined;
  remember(key: string, turn: Turn): void;
}

/** Conversations in this process's memory: the oldest forgotten first past CONVERSATION.maxKept. */
export class MemoryConversations implements ConversationStore {
  readonly #turns = new Map<string, Turn>();

  recent(key: string, now: number): Turn | undefined {
    const turn = this.#turns.get(key);
    if (!turn) return undefined;
    if (now - turn.at > CONVERSATION.memoryMs) {
      this.#turns.delete(key);
      return undefined;
    }
    return turn;
  }

  remember(key: string, turn: Turn): void {
    // Re-inserted, so the map's order is the order of last use and the first key the stalest.
    this.#turns.delete(key);
    this.#turns.set(key, turn);
    if (this.#turns.size > CONVERSATION.maxKept) {
      const stalest = this.#turns.keys().next().value;
      if (stalest !== undefined) this.#turns.delete(stalest);
    }
  }
}
