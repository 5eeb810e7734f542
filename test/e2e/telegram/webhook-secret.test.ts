// The webhook secret is as sensitive as the token (whoever has it can post updates as Telegram), so
// it must never reach a log line, not even where Telegram's own error message quotes it back.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrap } from '../../../adapters/bootstrap.js';
import { configuredPlatforms, startPlatforms, stopPlatforms } from '../../../adapters/supervisor.js';
import { HealthBoard } from '../../../src/index.js';
import { FIXTURE_KNOWLEDGE } from '../../helpers.js';
import { freePort } from '../faults/entry.js';
import { FakeTelegram } from './fake-telegram.js';
import { privateText, TOKEN } from './harness.js';

const SECRET = 'webhook-secret_0123456789';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Starts Telegram in webhook mode as `npm start` does, logging everything down to trace. */
async function startWebhookMode(fake: FakeTelegram) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'telegram-e2e-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const lines: string[] = [];
  const { deps } = await bootstrap(
    {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/telegram/updates',
      TELEGRAM_WEBHOOK_PORT: String(port),
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'trace',
    },
    { write: (line: string) => void lines.push(line) },
  );
  const board = new HealthBoard(deps.core);
  const running = await startPlatforms(deps, configuredPlatforms(deps.config), board);
  cleanups.push(() => stopPlatforms(running, board, deps.logger));
  const post = (secret: string) =>
    fetch(`http://127.0.0.1:${port}/telegram/updates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: JSON.stringify({ update_id: 1, ...privateText('How long did the third round last?') }),
    });
  return { board, lines, post };
}

describe('the Telegram webhook secret', () => {
  it('never appears in the log, even when Telegram’s refusal of the webhook quotes it', async () => {
    const fake = await FakeTelegram.start(TOKEN);
    cleanups.push(() => fake.close());
    fake.failNext('setWebhook', { error_code: 400, description: `Bad Request: secret_token '${SECRET}' is not allowed here` });

    const { board, lines } = await startWebhookMode(fake);

    expect(board.get('telegram')).toBe('failed');
    expect(lines.find((line) => line.includes('telegram could not start'))).toContain("secret_token '[redacted]'");
    expect(lines.filter((line) => line.includes(SECRET))).toEqual([]);
  });

  it('never appears in the log of a webhook bot serving updates, with the right secret and a wrong one', async () => {
    const fake = await FakeTelegram.start(TOKEN);
    cleanups.push(() => fake.close());

    const { board, lines, post } = await startWebhookMode(fake);
    expect(board.get('telegram')).toBe('running');
    expect((await post(`${SECRET}-wrong`)).status).toBe(403);
    expect((await post(SECRET)).status).toBe(200);
    await fake.waitFor('sendMessage');

    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => line.includes(SECRET))).toEqual([]);
  });
});
