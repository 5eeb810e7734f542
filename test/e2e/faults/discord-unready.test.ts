// A Discord gateway that never becomes ready (its address refuses connections, and discord.js
// retries forever): the Discord start fails in time with one line, and a signal still stops the
// platforms that did start, without waiting for the one still starting.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrap } from '../../../adapters/bootstrap.js';
import { startDiscord } from '../../../adapters/discord/index.js';
import { startPlatforms } from '../../../adapters/supervisor.js';
import { HealthBoard } from '../../../src/index.js';
import { FIXTURE_KNOWLEDGE } from '../../helpers.js';
import { APP_ID, FakeDiscord, TOKEN as DISCORD_TOKEN } from '../discord/fake-discord.js';
import { FakeTelegram } from '../telegram/fake-telegram.js';
import { TOKEN as TELEGRAM_TOKEN } from '../telegram/harness.js';
import { freePort, startEntry, stopEntries } from './entry.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await stopEntries();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fake Discord whose REST API works but whose gateway address refuses every connection. */
async function discordWithoutGateway(): Promise<FakeDiscord> {
  const fake = await FakeDiscord.start();
  cleanups.push(() => fake.close());
  const gateway = `ws://127.0.0.1:${await freePort()}`;
  const session = { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 };
  fake.inject((req) => req.path === '/gateway/bot', { status: 200, body: { url: gateway, shards: 1, session_start_limit: session } }, 1000);
  return fake;
}

describe('a Discord gateway that never becomes ready', () => {
  it('fails the Discord start after the time limit, with one line saying the gateway is unreachable', async () => {
    const fake = await discordWithoutGateway();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'faults-e2e-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const lines: string[] = [];
    const env = { DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_ROOT: fake.apiRoot, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, DATA_DIR: dataDir };
    const { deps } = await bootstrap(env, { write: (line: string) => void lines.push(line) });
    const board = new HealthBoard(deps.core);
    const discord = { name: 'discord', variables: 'DISCORD_TOKEN / DISCORD_API_ROOT', start: () => startDiscord(deps, { readyTimeoutMs: 500 }) };

    const startedAt = Date.now();
    expect(await startPlatforms(deps, [discord], board)).toEqual([]);

    expect(Date.now() - startedAt).toBeLessThan(5000);
    expect(board.get('discord')).toBe('failed');
    const errors = lines.map((line) => JSON.parse(line) as { level: number; msg: string }).filter((line) => line.level >= 50);
    expect(errors.map((line) => line.msg)).toEqual(['discord could not start (check DISCORD_TOKEN / DISCORD_API_ROOT): Discord gateway unreachable: not ready after 0.5 s']);
  });

  it('does not hold up a SIGTERM: Telegram, already running, is stopped and the process exits 0', async () => {
    const discord = await discordWithoutGateway();
    const telegram = await FakeTelegram.start(TELEGRAM_TOKEN);
    cleanups.push(() => telegram.close());
    const healthPort = await freePort();
    const bot = await startEntry({
      DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_ROOT: discord.apiRoot,
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      HEALTH_PORT: String(healthPort),
    });
    await telegram.waitFor('getUpdates', undefined, 15_000);

    const signalledAt = Date.now();
    bot.child.kill('SIGTERM');
    const { code, at } = await bot.exited;

    expect(code).toBe(0);
    // Well before the 10 s after which shutdown gives up and exits 1.
    expect(at - signalledAt).toBeLessThan(8000);
    const messages = bot.logs().map((line) => line.msg);
    expect(messages).toContain('discord was still starting at shutdown; exiting without it');
    expect(messages.at(-1)).toBe('stopped');
  });
});
