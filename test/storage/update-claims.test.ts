import { describe, expect, it } from 'vitest';
import { PostgresUpdateClaims } from '../../src/storage/postgres/update-claims.js';
import { handleOnce, MemoryUpdateClaims, type UpdateClaims } from '../../src/update-claims.js';
import { HAS_POSTGRES, openTestDatabase } from './postgres.js';

const LEASE_MS = 300;
let n = 0;
const fresh = () => `telegram:${Date.now()}-${(n += 1)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What every store of update claims promises; `make` gives two stores on one shared state, as two replicas have. */
function claimsContract(name: string, make: () => Promise<[UpdateClaims, UpdateClaims]>) {
  describe(`the update claims contract: ${name}`, () => {
    it('gives an update to the first who claims it; the other finds it busy, then done', async () => {
      const [a, b] = await make();
      const id = fresh();
      expect(await a.claim(id)).toBe('mine');
      expect(await b.claim(id)).toBe('busy');
      await a.done(id);
      expect(await b.claim(id)).toBe('done');
      expect(await a.claim(id)).toBe('done');
    });

    it('gives exactly one of many claims made at once', async () => {
      const [a, b] = await make();
      const id = fresh();
      const claims = await Promise.all([a, b, a, b, a, b].map((store) => store.claim(id)));
      expect(claims.filter((c) => c === 'mine')).toHaveLength(1);
    });

    it('lets another take over a claim not marked done within the lease, as when its replica died', async () => {
      const [a, b] = await make();
      const id = fresh();
      expect(await a.claim(id)).toBe('mine');
      await sleep(LEASE_MS + 100);
      expect(await b.claim(id)).toBe('mine');
    });
  });
}

describe('handling an update once', () => {
  it('runs the handler once however often the update arrives', async () => {
    const claims = new MemoryUpdateClaims(LEASE_MS);
    let runs = 0;
    const handle = async () => void (runs += 1);
    await Promise.all([1, 2, 3].map(() => handleOnce(claims, 'u1', handle, () => {}, LEASE_MS)));
    await handleOnce(claims, 'u1', handle, () => {}, LEASE_MS);
    expect(runs).toBe(1);
  });

  it('waits while another holds the update, and takes it over when that claim lapses', async () => {
    const claims = new MemoryUpdateClaims(LEASE_MS);
    await claims.claim('u2'); // a replica that took it, then died
    let runs = 0;
    await handleOnce(claims, 'u2', async () => void (runs += 1), () => {}, LEASE_MS);
    expect(runs).toBe(1);
  });

  it('still answers when the claims cannot be read, and says why', async () => {
    const broken: UpdateClaims = { claim: () => Promise.reject(new Error('database down')), done: () => Promise.resolve() };
    const errors: unknown[] = [];
    let runs = 0;
    await handleOnce(broken, 'u3', async () => void (runs += 1), (err) => errors.push(err), LEASE_MS);
    expect(runs).toBe(1);
    expect(errors).toEqual([new Error('database down')]);
  });
});

claimsContract('in memory', async () => {
  const shared = new MemoryUpdateClaims(LEASE_MS);
  return [shared, shared];
});

describe.runIf(HAS_POSTGRES)('in PostgreSQL', async () => {
  const db = HAS_POSTGRES ? await openTestDatabase('claims') : undefined;
  claimsContract('in PostgreSQL', async () => [new PostgresUpdateClaims(db!, LEASE_MS, 'replica-a'), new PostgresUpdateClaims(db!, LEASE_MS, 'replica-b')]);
});
