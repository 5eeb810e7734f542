// Keeps the bot inside Telegram's flood limits. telegraf 4 has no throttling and retries failures
// only for its own getUpdates, so this queue does both for every call the bot makes: each chat gets
// its own lane (its messages in order, one a second, 20 a minute in a group), all lanes share the
// global 30 a second, a 429 is waited out for its retry_after, and a 5xx or a dropped connection is
// tried again after a growing wait. A lane waiting never holds up another chat's.
import { TelegramError } from 'telegraf';
import { TELEGRAM } from '../../src/index.js';

/** TELEGRAM.flood by default; tests pass short intervals. */
export interface FloodLimits {
  chatIntervalMs: number;
  groupPerMinute: number;
  globalPerSecond: number;
  maxRetries: number;
  retryMs: number;
}

export interface Destination {
  id: number | string;
  /** Groups have the extra per-minute limit. */
  isGroup: boolean;
}

interface Lane {
  /** Settles when the lane's last queued message has been sent (or has failed). */
  tail: Promise<unknown>;
  /** Messages queued and not yet settled. */
  pending: number;
  lastSentAt: number;
  /** Send times within the last minute, for the group limit. */
  recent: number[];
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SendQueue {
  readonly #lanes = new Map<string, Lane>();
  /** Send times within the last second, across all chats. */
  readonly #recent: number[] = [];
  #sweptAt = 0;

  constructor(private readonly limits: FloodLimits = TELEGRAM.flood) {}

  /** Sends one message to a chat, after that chat's earlier messages and within every limit. */
  toChat<T>(to: Destination, call: () => Promise<T>): Promise<T> {
    const lane = this.#lane(String(to.id));
    const run = () => this.#withRetries(call, () => this.#turn(lane, to.isGroup));
    const sent = lane.tail.then(run, run);
    lane.pending += 1;
    lane.tail = sent.catch(() => undefined).finally(() => (lane.pending -= 1));
    return sent;
  }

  /** A call that posts no chat message (answers to inline queries and button presses, settings). */
  other<T>(call: () => Promise<T>): Promise<T> {
    return this.#withRetries(call, () => this.#turn());
  }

  async #withRetries<T>(call: () => Promise<T>, waitTurn: () => Promise<void>): Promise<T> {
    for (let waits = 0; ; waits += 1) {
      await waitTurn();
      try {
        return await call();
      } catch (err) {
        const wait = this.#retryWait(err, waits);
        if (wait === undefined || waits >= this.limits.maxRetries) throw err;
        await sleep(wait);
      }
    }
  }

  /**
   * How long to wait before trying a failed call again; undefined when trying again cannot help.
   * A message whose connection dropped may have been delivered all the same: a rare duplicate is
   * the price of never losing a reply.
   */
  #retryWait(err: unknown, waits: number): number | undefined {
    if (err instanceof TelegramError && err.code === 429) {
      const retryAfter = err.parameters?.retry_after;
      return retryAfter === undefined ? undefined : retryAfter * SECOND;
    }
    const serverError = err instanceof TelegramError && err.code >= 500;
    // node-fetch's name for a refused, reset or timed-out request, as telegraf's own polling checks it.
    const connectionLost = err instanceof Error && err.name === 'FetchError';
    return serverError || connectionLost ? this.limits.retryMs * 2 ** waits : undefined;
  }

  /** Waits until a send is allowed, then counts it. */
  async #turn(lane?: Lane, isGroup = false): Promise<void> {
    for (;;) {
      const now = Date.now();
      const wait = Math.max(
        windowWait(this.#recent, this.limits.globalPerSecond, SECOND, now),
        lane ? lane.lastSentAt + this.limits.chatIntervalMs - now : 0,
        lane && isGroup ? windowWait(lane.recent, this.limits.groupPerMinute, MINUTE, now) : 0,
      );
      if (wait <= 0) break;
      await sleep(wait);
    }
    const now = Date.now();
    this.#recent.push(now);
    if (lane) {
      lane.lastSentAt = now;
      if (isGroup) lane.recent.push(now);
    }
  }

  #lane(key: string): Lane {
    let lane = this.#lanes.get(key);
    if (!lane) {
      this.#forgetIdleLanes();
      lane = { tail: Promise.resolve(), pending: 0, lastSentAt: -Infinity, recent: [] };
      this.#lanes.set(key, lane);
    }
    return lane;
  }

  /** Drops lanes that no limit depends on any more, at most once a minute, so memory stays bounded. */
  #forgetIdleLanes(): void {
    const now = Date.now();
    if (now - this.#sweptAt < MINUTE) return;
    this.#sweptAt = now;
    for (const [key, lane] of this.#lanes) {
      if (lane.pending === 0 && now - lane.lastSentAt >= MINUTE) this.#lanes.delete(key);
    }
  }
}

/** How long until a sliding window of `windowMs` holds fewer than `limit` sends; forgets older ones. */
function windowWait(times: number[], limit: number, windowMs: number, now: number): number {
  while (times.length > 0 && (times[0] ?? now) <= now - windowMs) times.shift();
  return times.length < limit ? 0 : (times[0] ?? now) + windowMs - now;
}
