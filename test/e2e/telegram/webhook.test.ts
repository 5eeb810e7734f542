import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { privateText, startBot, stopBots } from './harness.js';

afterEach(stopBots);

const SECRET = 'right-secret_123';

/** A port nothing listens on, for the bot's webhook server. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function startWebhookBot() {
  const port = await freePort();
  const bot = await startBot({
    env: { TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/telegram/updates', TELEGRAM_WEBHOOK_PORT: String(port), TELEGRAM_WEBHOOK_SECRET: SECRET },
  });
  let nextUpdateId = 1;
  /** Posts as Telegram does; `updateId` repeats an earlier update, as Telegram's retry does. */
  const post = (update: object, secret: string, updateId = nextUpdateId++) =>
    fetch(`http://127.0.0.1:${port}/telegram/updates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: JSON.stringify({ update_id: updateId, ...update }),
    });
  return { ...bot, post };
}

describe('the Telegram bot in webhook mode', () => {
  it('registers its webhook with the secret token instead of polling', async () => {
    const { fake } = await startWebhookBot();
    expect(fake.callsTo('setWebhook')[0]?.body).toMatchObject({
      url: 'https://bot.example.com/telegram/updates',
      secret_token: SECRET,
      allowed_updates: ['message', 'inline_query', 'callback_query'],
    });
    expect(fake.callsTo('getUpdates')).toEqual([]);
  });

  it('answers an update posted with the right secret token', async () => {
    const { fake, post } = await startWebhookBot();
    const response = await post(privateText('How long did the third round last?'), SECRET);
    expect(response.status).toBe(200);
    const sent = await fake.waitFor('sendMessage');
    expect(sent.body.text).toContain('40 minutes');
  });

  it('answers Telegram only once the reply is sent, so an update a dying replica took is posted again', async () => {
    const { fake, post } = await startWebhookBot();
    fake.delay('sendMessage', 300);
    const response = await post(privateText('How long did the third round last?'), SECRET);
    expect(response.status).toBe(200);
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
  });

  it('answers an update Telegram posts twice only once', async () => {
    const { fake, adapter, post } = await startWebhookBot();
    const update = privateText('How long did the third round last?');
    const [first, retry] = await Promise.all([post(update, SECRET, 77), post(update, SECRET, 77)]);
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect((await post(update, SECRET, 77)).status).toBe(200);
    await adapter.stop();
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
  });

  it('refuses an update posted with a wrong secret token, and does not answer it', async () => {
    const { fake, adapter, post } = await startWebhookBot();
    const response = await post(privateText('How long did the third round last?'), 'wrong-secret');
    expect(response.status).toBe(403);
    await adapter.stop();
    expect(fake.callsTo('sendMessage')).toEqual([]);
  });
});

describe('the Telegram bot in polling mode', () => {
  it('refuses to start while a webhook is set, instead of silently taking its updates, and says what to do', async () => {
    const start = startBot({ beforeStart: (fake) => (fake.webhookUrl = 'https://bot.example.com/telegram/updates') });
    await expect(start).rejects.toThrow(/a webhook is set \(https:\/\/bot\.example\.com\/telegram\/updates\).*TELEGRAM_WEBHOOK_URL/);
  });
});
