import { describe, expect, it } from 'vitest';
import { CONSOLE_ACCESS } from '../../src/config/defaults.js';
import { MemoryConsoleSessions, MemorySignInLinks, type ConsoleSessions, type SignInLinks } from '../../src/console-access.js';
import { PostgresConsoleSessions, PostgresSignInLinks } from '../../src/storage/postgres/console.js';
import { loadConfig } from '../../src/config/env.js';
import { openPostgresStorage } from '../../src/storage/postgres/storage.js';
import { openStorage } from '../../src/storage/storage.js';
import { dropSchema, freshSchema, HAS_POSTGRES, openTestDatabase, TEST_DATABASE_URL } from './postgres.js';

const mod = { platform: 'telegram', id: '1001', name: 'Alice' };
const NOW = Date.now();

function accessContract(name: string, make: () => Promise<{ links: SignInLinks; sessions: ConsoleSessions }>) {
  describe(`the console access contract: ${name}`, () => {
    it('opens a sign-in link once, for the moderator it was issued to', async () => {
      const { links } = await make();
      const token = await links.issue(mod, NOW);
      expect(await links.redeem(token, NOW + 1_000)).toEqual(mod);
      expect(await links.redeem(token, NOW + 2_000)).toBeUndefined();
    });

    it('refuses a link after CONSOLE_ACCESS.linkValidMs, and a token it never issued', async () => {
      const { links } = await make();
      const token = await links.issue(mod, NOW);
      expect(await links.redeem(token, NOW + CONSOLE_ACCESS.linkValidMs + 1)).toBeUndefined();
      expect(await links.redeem('forged-token', NOW)).toBeUndefined();
    });

    it('keeps a session until it expires or is destroyed', async () => {
      const { sessions } = await make();
      await sessions.set('s1', { moderator: mod }, NOW + 1_000);
      expect(await sessions.get('s1', NOW)).toEqual({ moderator: mod });
      expect(await sessions.get('s1', NOW + 1_001)).toBeUndefined();
      await sessions.set('s2', { moderator: mod }, NOW + 1_000);
      await sessions.destroy('s2');
      expect(await sessions.get('s2', NOW)).toBeUndefined();
    });
  });
}

accessContract('in memory', async () => ({ links: new MemorySignInLinks(), sessions: new MemoryConsoleSessions() }));

describe.runIf(HAS_POSTGRES)('in PostgreSQL', async () => {
  const db = HAS_POSTGRES ? await openTestDatabase('console') : undefined;
  accessContract('in PostgreSQL', async () => ({ links: new PostgresSignInLinks(db!), sessions: new PostgresConsoleSessions(db!) }));

  it('gives a link redeemed on two replicas at once to one of them', async () => {
    const token = await new PostgresSignInLinks(db!).issue(mod, Date.now());
    const results = await Promise.all([new PostgresSignInLinks(db!).redeem(token, Date.now()), new PostgresSignInLinks(db!).redeem(token, Date.now())]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe('the session-cookie key made when CONSOLE_SESSION_SECRET is unset', () => {
  it('is one key for the whole process without a database', async () => {
    const storage = await openStorage(loadConfig({}));
    const key = await storage.consoleSecret();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await (await openStorage(loadConfig({}))).consoleSecret()).toBe(key);
  });
});

describe.runIf(HAS_POSTGRES)('the session-cookie key with a shared database', () => {
  it('is made once and read by every replica', async () => {
    const schema = freshSchema('secret');
    const [a, b] = [await openPostgresStorage(TEST_DATABASE_URL, undefined, { schema }), await openPostgresStorage(TEST_DATABASE_URL, undefined, { schema })];
    try {
      const keys = await Promise.all([a.consoleSecret(), b.consoleSecret(), a.consoleSecret()]);
      expect(new Set(keys).size).toBe(1);
      expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await a.close();
      await b.close();
      await dropSchema(schema);
    }
  });
});
