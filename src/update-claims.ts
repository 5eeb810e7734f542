// One reply per platform update, whichever replica gets it. Telegram posts an update again when its
// webhook call failed or timed out, and behind a load balancer the retry may reach another replica:
// each update is claimed by id before it is handled and marked done after. The core owns the port;
// this process's memory is the default store, PostgreSQL the one replicas share.
import { randomBytes } from 'node:crypto';
import { STORAGE } from './config/defaults.js';

/**
 * mine: handle it. done: already handled, by this replica or another; acknowledge and drop it.
 * busy: another replica is handling it now; it may yet die, so ask again before giving up.
 */
export type Claim = 'mine' | 'done' | 'busy';

export interface UpdateClaims {
  /** Claims the update; a claim not marked done within STORAGE.claimLeaseMs lapses and may be taken again. */
  claim(id: string): Promise<Claim>;
  /** Marks a claimed update handled, so a retry is never answered again. */
  done(id: string): Promise<void>;
}

/** This replica's own name in claims, so a log shows who took what. */
export const REPLICA_ID = `${process.pid}-${randomBytes(3).toString('hex')}`;

/** Claims in this process's memory, the newest few thousand: a single process needs no more. */
export class MemoryUpdateClaims implements UpdateClaims {
  readonly #claims = new Map<string, { at: number; done: boolean }>();

  constructor(
    private readonly leaseMs: number = STORAGE.claimLeaseMs,
    private readonly now: () => number = Date.now,
    private readonly kept = 10_000,
  ) {}

  claim(id: string): Promise<Claim> {
    const held = this.#claims.get(id);
    if (held?.done) return Promise.resolve('done');
    if (held && this.now() - held.at < this.leaseMs) return Promise.resolve('busy');
    this.#claims.delete(id);
    this.#claims.set(id, { at: this.now(), done: false });
    if (this.#claims.size > this.kept) {
      const oldest = this.#claims.keys().next().value;
      if (oldest !== undefined) this.#claims.delete(oldest);
    }
    return Promise.resolve('mine');
  }

  done(id: string): Promise<void> {
    const held = this.#claims.get(id);
    if (held) held.done = true;
    return Promise.resolve();
  }
}

/** How often a replica that found an update busy asks again whether it is done or lapsed. */
const BUSY_RETRY_MS = 250;

/**
 * Runs `handle` for the update unless it was handled already: waits while another replica holds it,
 * and takes it over if that claim lapses. When the claims cannot be read (the database is down),
 * the update is handled anyway: a rare double answer is better than none.
 */
export async function handleOnce(
  claims: UpdateClaims,
  id: string,
  handle: () => Promise<void>,
  onClaimError: (err: unknown) => void,
  leaseMs: number = STORAGE.claimLeaseMs,
): Promise<void> {
  const giveUpAt = Date.now() + leaseMs + BUSY_RETRY_MS * 4;
  for (;;) {
    let claim: Claim;
    try {
      claim = await claims.claim(id);
    } catch (err) {
      onClaimError(err);
      await handle();
      return;
    }
    if (claim === 'done') return;
    if (claim === 'mine') {
      try {
        await handle();
      } finally {
        await claims.done(id).catch(onClaimError);
      }
      return;
    }
    // A safety net: past the lease a claim can be taken over, so only a store that misbehaves gets here.
    if (Date.now() > giveUpAt) return;
    await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
  }
}
