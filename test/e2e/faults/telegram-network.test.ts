// Telegram's API failing under the real telegraf: polling outlives 5xx, 429 and cut connections;
// a reply that meets a 5xx or a cut connection is sent again; one that never gets through is logged
// with its chat and update, and the asker gets an apology.
import { afterAll, describe, it } from 'vitest';
import { MESSAGES } from '../../../src/index.js';
import { ALICE, FAST_FLOOD, privateText, startBot, stopBots, type TestBot } from '../telegram/harness.js';

// The polling tests each wait out telegraf's own pause (5 s after a 5xx or a cut connection), so
// they run side by side; each has its own bot and fake, all stopped at the end.
afterAll(stopBots);

const SERVER_ERROR = { error_code: 500, description: 'Internal Server Error' };

/** Asks, with the next getUpdates set to fail by `breakPolling`; then asks again and expects an answer. */
async function askAcrossBrokenPoll(bot: TestBot, breakPolling: () => void) {
  const { fake } = bot;
  breakPolling();
  // The first question ends the poll in progress; the one after it meets the broken one.
  fake.push(privateText('How long did the third round last?'));
  const broken = await fake.waitFor('getUpdates', (c) => c.error !== undefined || c.dropped === true);
  fake.push(privateText('How long did the second round last?'));
  const answer = await fake.waitFor('sendMessage', (c) => String(c.body.text).includes('second round'), 10_000);
  return { broken, answer };
}

describe.concurrent('Telegram polling under failures', () => {
  it('keeps polling after getUpdates answers 500, and answers a later question', async ({ expect }) => {
    const bot = await startBot();
    const { broken, answer } = await askAcrossBrokenPoll(bot, () => bot.fake.failNext('getUpdates', SERVER_ERROR));
    expect(broken.error?.error_code).toBe(500);
    expect(answer.error).toBeUndefined();
  });

  it('keeps polling after the getUpdates connection is cut, and answers a later question', async ({ expect }) => {
    const bot = await startBot();
    const { broken, answer } = await askAcrossBrokenPoll(bot, () => bot.fake.dropNext('getUpdates'));
    expect(broken.dropped).toBe(true);
    expect(answer.error).toBeUndefined();
  });

  it('waits out a 429 on getUpdates for its retry_after, then answers a later question', async ({ expect }) => {
    const bot = await startBot();
    const tooMany = { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } };
    const { broken } = await askAcrossBrokenPoll(bot, () => bot.fake.failNext('getUpdates', tooMany));
    const next = bot.fake.calls.find((c) => c.method === 'getUpdates' && c.at > broken.at);
    expect((next?.at ?? 0) - broken.at).toBeGreaterThanOrEqual(990);
  });
});

describe.concurrent('Telegram replies under failures', () => {
  it('sends a reply again after a 500 and after a cut connection, and it arrives once', async ({ expect }) => {
    const { fake, logs } = await startBot();
    fake.failNext('sendMessage', SERVER_ERROR);
    fake.dropNext('sendMessage');
    fake.push(privateText('How long did the third round last?'));
    const delivered = await fake.waitFor('sendMessage', (c) => c.error === undefined && c.dropped === undefined);
    expect(delivered.body.text).toContain('40 minutes');
    expect(fake.callsTo('sendMessage').map((c) => c.error?.error_code ?? (c.dropped ? 'dropped' : 'ok'))).toEqual([500, 'dropped', 'ok']);
    expect(logs).toEqual([]);
  });

  it('logs a reply that keeps failing with its chat and update id, then apologises', async ({ expect }) => {
    const { fake, logs } = await startBot();
    for (let i = 0; i <= FAST_FLOOD.maxRetries; i++) fake.failNext('sendMessage', SERVER_ERROR);
    const asked = fake.push(privateText('How long did the third round last?', ALICE));
    const apology = await fake.waitFor('sendMessage', (c) => c.body.text === MESSAGES.apology);
    expect(apology.error).toBeUndefined();
    expect(fake.callsTo('sendMessage').filter((c) => c.error?.error_code === 500)).toHaveLength(FAST_FLOOD.maxRetries + 1);
    const failed = logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === 'Telegram update failed');
    expect(failed).toEqual([
      expect.objectContaining({ level: 50, chatId: ALICE.id, updateId: asked.update_id, err: expect.objectContaining({ message: '500: Internal Server Error' }) }),
    ]);
  });
});
