// The console's sign-in against what links meet on the way: link checkers, odd queries, forged
// forwarding headers. Plain HTTP, no browser needed.
import { afterEach, describe, expect, it } from 'vitest';
import { CONSOLE_ACCESS, MemorySignInLinks } from '../../../src/index.js';
import { freePort } from '../faults/entry.js';
import { ALICE, startBot, stopBots } from '../telegram/harness.js';

afterEach(stopBots);

async function start() {
  const port = await freePort();
  const links = new MemorySignInLinks();
  await startBot({ env: { CONSOLE_PORT: String(port), MODERATOR_TELEGRAM_IDS: String(ALICE.id) }, webConsole: { links } });
  const alice = { platform: 'telegram', id: String(ALICE.id), name: 'Alice' };
  return { base: `http://127.0.0.1:${port}`, issue: () => links.issue(alice, Date.now()) };
}

describe('signing in to the console', () => {
  it('does not use up a link when a link checker only asks for its headers (HEAD)', async () => {
    const { base, issue } = await start();
    const token = await issue();
    expect((await fetch(`${base}/signin?token=${token}`, { method: 'HEAD' })).status).not.toBe(303);
    expect((await fetch(`${base}/signin?token=${token}`, { redirect: 'manual' })).status).toBe(303);
  });

  it('refuses a token sent twice in one address as it refuses any bad link, without an error', async () => {
    const { base, issue } = await start();
    const token = await issue();
    expect((await fetch(`${base}/signin?token=${token}&token=${token}`, { redirect: 'manual' })).status).toBe(403);
  });

  it('counts sign-in attempts by connection, whatever X-Forwarded-For a client sends', async () => {
    const { base } = await start();
    const statuses: number[] = [];
    for (let i = 0; i <= CONSOLE_ACCESS.signInsPerMinute; i += 1) {
      statuses.push((await fetch(`${base}/signin?token=guess-${i}`, { headers: { 'x-forwarded-for': `6.6.6.${i}` } })).status);
    }
    expect(statuses.at(-1)).toBe(429);
  });
});
