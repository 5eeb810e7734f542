import { afterEach, describe, expect, it } from 'vitest';
import { PostgresLeadership } from '../../../src/storage/postgres/leadership.js';
import { HAS_POSTGRES, openTestDatabase } from '../../storage/postgres.js';
import { privateText, startBot, stopBots } from './harness.js';

afterEach(stopBots);

const RETRY_MS = 50;

describe('two pollers of one bot, as Telegram sees them', () => {
  it('cut each other off with 409 when nothing decides which polls (what leadership prevents)', async () => {
    const first = await startBot();
    await startBot({ fake: first.fake });
    await expect.poll(() => first.fake.conflicts, { timeout: 3_000 }).toBeGreaterThan(0);
  });
});

describe.runIf(HAS_POSTGRES)('replicas polling with a shared database', async () => {
  const db = HAS_POSTGRES ? await openTestDatabase('polling') : undefined;

  it('lets one replica poll while the other waits, and the waiting one takes over when the first stops', async () => {
    const leader = await startBot({ leadership: new PostgresLeadership(db!, RETRY_MS) });
    const standby = await startBot({ fake: leader.fake, leadership: new PostgresLeadership(db!, RETRY_MS) });
    const { fake } = leader;
    fake.push(privateText('How long did the third round last?'));
    expect((await fake.waitFor('sendMessage')).body.text).toContain('40 minutes');

    await leader.adapter.stop();
    const before = fake.callsTo('sendMessage').length;
    fake.push(privateText('How long did the second round last?'));
    await expect.poll(() => fake.callsTo('sendMessage').length, { timeout: 3_000 }).toBe(before + 1);
    expect(fake.conflicts).toBe(0);
    await standby.adapter.stop();
  });
});
