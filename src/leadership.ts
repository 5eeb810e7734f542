// Some work must run in one process only, however many replicas run: Telegram allows one poller
// per bot (a second gets 409 and stops). A replica takes the lead before such work and the others
// wait to take over when it dies. The core owns the port; in one process the lead is always
// this one's, with PostgreSQL it is an advisory lock held on a connection of the leader's own.

export interface Lease {
  /** Settles if the lead is lost without release() (the leader's database connection dropped). */
  lost: Promise<void>;
  release(): Promise<void>;
}

export interface Leadership {
  /** Resolves once this process leads `role`; rejects with an AbortError if `signal` aborts first. */
  acquire(role: string, signal: AbortSignal): Promise<Lease>;
}

/** One process: it always leads. */
export class SoleLeadership implements Leadership {
  acquire(_role: string, signal: AbortSignal): Promise<Lease> {
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    return Promise.resolve({ lost: new Promise<void>(() => {}), release: () => Promise.resolve() });
  }
}
