import { describe, expect, it } from 'vitest';
import { CONSOLE_ACCESS } from '../../src/config/defaults.js';
import { MemoryConsoleSessions, MemorySignInLinks, type ConsoleSessions, type SignInLinks } from '../../src/console-access.js';
import { PostgresConsoleSessions, PostgresSignInLinks } from '../../src/storage/postgres/console.js';
import { HAS_POSTGRES, openTestDatabase } from './postgres.js';

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
