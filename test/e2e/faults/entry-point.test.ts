// The real `npm start` entry as its own process: it exits 1, saying why, when no platform can start,
// and on SIGTERM or SIGINT stops polling, delivers the replies it has taken on, and exits 0 in time.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_ID, FakeDiscord } from '../discord/fake-discord.js';
import { FakeTelegram } from '../telegram/fake-telegram.js';
import { ALICE, privateText, TOKEN as TELEGRAM_TOKEN } from '../telegram/harness.js';
import { freePort, startEntry, stopEntries, type BotProcess } from './entry.js';

const fakes: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await stopEntries();
  for (const fake of fakes.splice(0)) await fake.close();
});

/** A port another program already listens on, on every address, as the health server would. */
async function takenPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  fakes.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** Not the fake Discord's token, so it answers 401, as Discord does to a reset token. */
const STALE_DISCORD_TOKEN = 'stale-discord-token-0123456789';

async function healthOf(port: number): Promise<{ status: number; body: Record<string, unknown> } | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  } catch {
    return undefined; // not listening yet
  }
}

/** Polls /healthz until the bot reports it serves. */
async function whenServing(port: number, bot: BotProcess): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const health = await healthOf(port);
    if (health?.status === 200) return health.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the bot never reported it serves; output:\n${bot.output()}`);
}

describe('the entry point', () => {
  it('exits 1 when no platform can start, with one line per platform saying what to check, and no token', async () => {
    const discord = await FakeDiscord.start();
    fakes.push(discord);
    const bot = await startEntry({
      DISCORD_TOKEN: STALE_DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_ROOT: discord.apiRoot,
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${await freePort()}/`,
    });

    const { code } = await bot.exited;
    expect(code).toBe(1);
    const errors = bot.logs().filter((line) => Number(line.level) >= 50).map((line) => line.msg);
    expect(errors.sort()).toEqual([
      'discord could not start (check DISCORD_TOKEN / DISCORD_API_ROOT): An invalid token was provided.',
      'no platform adapter could start; exiting',
      'telegram could not start (check TELEGRAM_BOT_TOKEN / TELEGRAM_API_ROOT): API unreachable (ECONNREFUSED)',
    ]);
    expect(bot.output()).not.toContain(STALE_DISCORD_TOKEN);
    expect(bot.output()).not.toContain(TELEGRAM_TOKEN);
  });

  it('exits 1 with one line naming HEALTH_PORT when that port is taken, instead of hanging', async () => {
    const port = await takenPort();
    const bot = await startEntry({
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${await freePort()}/`,
      HEALTH_PORT: String(port),
    });

    const exit = await Promise.race([bot.exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 10_000))]);
    expect(exit).toMatchObject({ code: 1 });
    const plain = bot.output().split('\n').filter((line) => line.trim() !== '' && !line.startsWith('{'));
    expect(plain).toEqual([expect.stringMatching(new RegExp(`^Configuration problem: HEALTH_PORT ${port} .*in use`))]);
  });

  it('exits 1 with one line naming DATA_DIR when that folder cannot be written, before any platform starts', async () => {
    const telegram = await FakeTelegram.start(TELEGRAM_TOKEN);
    fakes.push(telegram);
    // A folder under a regular file cannot be created, even by root, whom permissions do not stop.
    const scratch = await mkdtemp(path.join(tmpdir(), 'entry-e2e-file-'));
    fakes.push({ close: () => rm(scratch, { recursive: true, force: true }) });
    const file = path.join(scratch, 'a-file');
    await writeFile(file, '');
    const bot = await startEntry({ TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN, TELEGRAM_API_ROOT: telegram.apiRoot, DATA_DIR: path.join(file, 'data') });

    expect((await bot.exited).code).toBe(1);
    const plain = bot.output().split('\n').filter((line) => line.trim() !== '' && !line.startsWith('{'));
    expect(plain).toEqual([expect.stringMatching(/^Configuration problem: DATA_DIR \(.*a-file\/data\) cannot be written \(ENOTDIR\)\. Point DATA_DIR/)]);
    expect(telegram.callsTo('getMe')).toEqual([]);
  });

  it('exits 1 with one line naming DATABASE_URL when the database cannot be reached, without its password', async () => {
    const telegram = await FakeTelegram.start(TELEGRAM_TOKEN);
    fakes.push(telegram);
    const password = 'db-secret-password';
    const bot = await startEntry({
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      DATABASE_URL: `postgres://bot:${password}@127.0.0.1:${await freePort()}/talks`,
    });

    expect((await bot.exited).code).toBe(1);
    const plain = bot.output().split('\n').filter((line) => line.trim() !== '' && !line.startsWith('{'));
    expect(plain).toEqual([expect.stringMatching(/^Database problem: DATABASE_URL connect ECONNREFUSED 127\.0\.0\.1:\d+\. Check that PostgreSQL is running/)]);
    expect(bot.output()).not.toContain(password);
    expect(telegram.callsTo('getMe')).toEqual([]);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s stops polling, still delivers the replies it has taken on, and exits 0 within 10 s',
    async (signal) => {
      const telegram = await FakeTelegram.start(TELEGRAM_TOKEN);
      fakes.push(telegram);
      // Replies take a while to be accepted, so the signal arrives with one on the wire and one queued.
      telegram.delay('sendMessage', 500);
      const healthPort = await freePort();
      const bot = await startEntry({ TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN, TELEGRAM_API_ROOT: telegram.apiRoot, HEALTH_PORT: String(healthPort) });

      const health = await whenServing(healthPort, bot);
      expect(health).toMatchObject({ status: 'ok', adapters: { telegram: 'running' }, knowledge: { version: expect.any(String), facts: 3 } });
      expect(health.uptimeSeconds).toEqual(expect.any(Number));

      telegram.push(privateText('How long did the third round last?', ALICE));
      const second = telegram.push(privateText('How long did the second round last?', ALICE));
      // Both questions taken (the bot has confirmed the second), the first reply on its way.
      await telegram.waitFor('getUpdates', (c) => Number(c.body.offset) > second.update_id);
      await telegram.waitFor('sendMessage');
      const signalledAt = Date.now();
      bot.child.kill(signal);

      const { code, at: exitedAt } = await bot.exited;
      expect(code).toBe(0);
      expect(exitedAt - signalledAt).toBeLessThan(10_000);
      const replies = telegram.callsTo('sendMessage');
      expect(replies.map((c) => c.body.text)).toEqual([expect.stringContaining('40 minutes'), expect.stringContaining('second round')]);
      const lastReply = replies[1]?.at ?? Infinity;
      expect(lastReply).toBeGreaterThan(signalledAt);
      // It waited for Telegram to accept that reply before exiting.
      expect(exitedAt - lastReply).toBeGreaterThanOrEqual(450);
      const messages = bot.logs().map((line) => line.msg);
      expect(messages).toContain('stopping: finishing in-flight replies');
      expect(messages.at(-1)).toBe('stopped');
      expect(bot.logs().filter((line) => Number(line.level) >= 40)).toEqual([]);
      expect(bot.output()).not.toContain(TELEGRAM_TOKEN);
    },
  );

  it('on a SIGTERM while a platform is still starting, lets it finish starting, then stops it and exits 0', async () => {
    const telegram = await FakeTelegram.start(TELEGRAM_TOKEN);
    fakes.push(telegram);
    telegram.delay('setMyCommands', 500);
    const bot = await startEntry({ TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN, TELEGRAM_API_ROOT: telegram.apiRoot });

    await telegram.waitFor('setMyCommands', undefined, 15_000);
    bot.child.kill('SIGTERM');

    expect((await bot.exited).code).toBe(0);
    expect(bot.logs().map((line) => line.msg)).toEqual(expect.arrayContaining(['Telegram bot started', 'stopped']));
  });
});
