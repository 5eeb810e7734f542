// Where a platform's flood limits are counted: about one message a second to a chat, 20 a minute to
// a group, 30 a second in all (Telegram's). The core owns the port; this process's memory is the
// default, PostgreSQL (src/storage/postgres/flood-gate.ts) the store replicas share, so together
// they stay within the limits that Telegram counts per bot, not per replica.

export interface FloodLimitsWindows {
  chatIntervalMs: number;
  groupPerMinute: number;
  globalPerSecond: number;
}

export interface FloodGate {
  /**
   * Counts one send to `chat` (undefined: a call that posts no chat message) if every limit allows
   * it now, and resolves 0; otherwise counts nothing and resolves how long to wait before asking again.
   */
  tryPass(chat: string | undefined, isGroup: boolean): Promise<number>;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Sliding windows of recent sends in this process's memory. */
export class MemoryFloodGate implements FloodGate {
  /** Send times within the last second, across all chats. */
  readonly #recent: number[] = [];
  readonly #chats = new Map<string, { lastSentAt: number; recent: number[] }>();
  #sweptAt = 0;

  constructor(private readonly limits: FloodLimitsWindows) {}

  tryPass(chat: string | undefined, isGroup: boolean): Promise<number> {
    const now = Date.now();
    const lane = chat === undefined ? undefined : this.#chat(chat, now);
    const wait = Math.max(
      windowWait(this.#recent, this.limits.globalPerSecond, SECOND, now),
      lane ? lane.lastSentAt + this.limits.chatIntervalMs - now : 0,
      lane && isGroup ? windowWait(lane.recent, this.limits.groupPerMinute, MINUTE, now) : 0,
    );
    if (wait > 0) return Promise.resolve(wait);
    this.#recent.push(now);
    if (lane) {
      lane.lastSentAt = now;
      if (isGroup) lane.recent.push(now);
    }
    return Promise.resolve(0);
  }

  #chat(key: string, now: number) {
    let lane = this.#chats.get(key);
    if (!lane) {
      this.#forgetIdle(now);
      lane = { lastSentAt: -Infinity, recent: [] };
      this.#chats.set(key, lane);
    }
    return lane;
  }

  /** Drops chats that no limit depends on any more, at most once a minute, so memory stays bounded. */
  #forgetIdle(now: number): void {
    if (now - this.#sweptAt < MINUTE) return;
    this.#sweptAt = now;
    for (const [key, lane] of this.#chats) if (now - lane.lastSentAt >= MINUTE) this.#chats.delete(key);
  }
}

/** How long until a sliding window of `windowMs` holds fewer than `limit` sends; forgets older ones. */
function windowWait(times: number[], limit: number, windowMs: number, now: number): number {
  while (times.length > 0 && (times[0] ?? now) <= now - windowMs) times.shift();
  return times.length < limit ? 0 : (times[0] ?? now) + windowMs - now;
}
