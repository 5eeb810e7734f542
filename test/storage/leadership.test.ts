import { afterAll, describe, expect, it } from 'vitest';
import { SoleLeadership, type Lease, type Leadership } from '../../src/leadership.js';
import { lockKeyOf, PostgresLeadership } from '../../src/storage/postgres/leadership.js';
import { HAS_POSTGRES, openTestDatabase } from './postgres.js';

const RETRY_MS = 50;

describe('leading alone', () => {
  it('leads at once, and gives up waiting when told to stop', async () => {
    const lease = await new SoleLeadership().acquire('poller', new AbortController().signal);
    await lease.release();
    await expect(new SoleLeadership().acquire('poller', AbortSignal.abort())).rejects.toThrow();
  });
});

describe.runIf(HAS_POSTGRES)('leading among replicas, in PostgreSQL', async () => {
  const db = HAS_POSTGRES ? await openTestDatabase('leadership') : undefined;
  const leases: Lease[] = [];
  afterAll(async () => {
    for (const lease of leases) await lease.release();
  });
  const replica = (): Leadership => new PostgresLeadership(db!, RETRY_MS);
  const role = () => `poller-${Date.now()}-${Math.random()}`;

  it('lets one replica lead a role while another waits, and hands over when the leader lets go', async () => {
    const name = role();
    const first = await replica().acquire(name, new AbortController().signal);
    let secondLeads = false;
    const second = replica().acquire(name, new AbortController().signal).then((lease) => {
      secondLeads = true;
      leases.push(lease);
      return lease;
    });
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS * 4));
    expect(secondLeads).toBe(false);
    await first.release();
    await second;
    expect(secondLeads).toBe(true);
  });

  it('hands over when the leader’s connection dies without letting go, as when its process is killed', async () => {
    const name = role();
    const leader = await replica().acquire(name, new AbortController().signal);
    let lostNoticed = false;
    void leader.lost.then(() => (lostNoticed = true));
    const waiting = replica().acquire(name, new AbortController().signal);
    // The leader's session ends on the server's side, as it does when its process dies.
    // A 64-bit advisory key shows in pg_locks as its high and low 32 bits.
    const key = BigInt.asUintN(64, BigInt(lockKeyOf(name)));
    const { rowCount } = await db!.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND classid::text = $1 AND objid::text = $2`,
      [String(key >> 32n), String(key & 0xffffffffn)],
    );
    expect(rowCount).toBe(1);
    leases.push(await waiting);
    await expect.poll(() => lostNoticed, { timeout: 2_000 }).toBe(true);
  });

  it('stops waiting when told to', async () => {
    const name = role();
    leases.push(await replica().acquire(name, new AbortController().signal));
    const abort = new AbortController();
    const waiting = replica().acquire(name, abort.signal);
    abort.abort();
    await expect(waiting).rejects.toThrow();
  });
});
