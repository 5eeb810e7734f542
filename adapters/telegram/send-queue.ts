// Keeps the bot inside Telegram's flood limits. telegraf 4 has no throttling and retries failures
// only for its own getUpdates, so this queue does both for every call the bot makes: each chat gets
// its own lane (its messages in order), every send passes the flood gate (one a second to a chat, 20
// a minute to a group, 30 a second in all; counted in memory, or in PostgreSQL across replicas), a
// 429 is waited out for its retry_after, and a 5xx or a dropped connection is tried again after a
// growing wait. A lane waiting never holds up another chat's.
import { TelegramError } from 'telegraf';
import { MemoryFloodGate, TELEGRAM, type FloodGate } from '../../src/index.js';

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
}

const SECOND = 1000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SendQueue {
  readonly #lanes = new Map<string, Lane>();
  readonly #gate: FloodGate;

  /** `gate`: where sends are counted; this process's memory, with `limits`, by default. */
  constructor(
    private readonly limits: FloodLimits = TELEGRAM.flood,
    gate?: FloodGate,
  ) {
    this.#gate = gate ?? new MemoryFloodGate(limits);
  }

  /** Sends one message to a chat, after that chat's earlier messages and within every limit. */
  toChat<T>(to: Destination, call: () => Promise<T>): Promise<T> {
    const key = String(to.id);
    const lane = this.#lane(key);
    const run = () => this.#withRetries(call, () => this.#turn(key, to.isGroup));
    const sent = lane.tail.then(run, run);
    lane.pending += 1;
    lane.tail = sent
      .catch(() => undefined)
      .finally(() => {
        lane.pending -= 1;
        // A lane only orders its chat's messages: once none wait, it is forgotten.
        if (lane.pending === 0 && this.#lanes.get(key) === lane) this.#lanes.delete(key);
      });
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

  /** Waits until the gate lets a send through (and counts it). */
  async #turn(chat?: string, isGroup = false): Promise<void> {
    for (;;) {
      const wait = await this.#gate.tryPass(chat, isGroup);
      if (wait <= 0) return;
      await sleep(wait);
    }
  }

  #lane(key: string): Lane {
    let lane = this.#lanes.get(key);
    if (!lane) {
      lane = { tail: Promise.resolve(), pending: 0 };
      this.#lanes.set(key, lane);
    }
    return lane;
  }
}
