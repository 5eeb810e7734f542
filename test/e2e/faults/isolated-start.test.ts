// Both platforms configured, one refusing the bot's token: the supervisor that `npm start` uses keeps
// the other serving, the health board tells them apart, and one log line says what to check.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrap } from '../../../adapters/bootstrap.js';
import { configuredPlatforms, startPlatforms, stopPlatforms } from '../../../adapters/supervisor.js';
import { HealthBoard } from '../../../src/index.js';
import { FIXTURE_KNOWLEDGE } from '../../helpers.js';
import { APP_ID, FakeDiscord, TOKEN as DISCORD_TOKEN } from '../discord/fake-discord.js';
import { askOptions } from '../discord/harness.js';
import { FakeTelegram } from '../telegram/fake-telegram.js';
import { ALICE, privateText, TOKEN as TELEGRAM_TOKEN } from '../telegram/harness.js';

const QUESTION = 'How long did the third round last?';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Starts both platforms as `npm start` does, against the fakes, with every log line kept. */
async function superviseBoth(tokens: { discord: string; telegram: string }) {
  const discord = await FakeDiscord.start();
  const telegram = await FakeTelegram.start(TELEGRAM_TOKEN);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'faults-e2e-'));
  const lines: string[] = [];
  const { deps } = await bootstrap(
    {
      DISCORD_TOKEN: tokens.discord,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_ROOT: discord.apiRoot,
      TELEGRAM_BOT_TOKEN: tokens.telegram,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
    },
    { write: (line: string) => void lines.push(line) },
  );
  const board = new HealthBoard(deps.core);
  const running = await startPlatforms(deps, configuredPlatforms(deps.config), board);
  cleanups.push(async () => {
    await stopPlatforms(running, board, deps.logger);
    await Promise.all([discord.close(), telegram.close()]);
    await rm(dataDir, { recursive: true, force: true });
  });
  const errors = () => lines.map((line) => JSON.parse(line) as { level: number; msg: string }).filter((line) => line.level >= 50);
  return { discord, telegram, board, lines, errors };
}

describe('one platform refusing the token', () => {
  it('a bad Telegram token stops only Telegram: Discord keeps answering /ask, and one line names TELEGRAM_BOT_TOKEN', async () => {
    const badToken = '999999:not-the-bots-token';
    const { discord, board, lines, errors } = await superviseBoth({ discord: DISCORD_TOKEN, telegram: badToken });

    expect(await board.report()).toMatchObject({ status: 'unavailable', adapters: { discord: 'running', telegram: 'failed' } });
    const reply = await discord.callbackFor(discord.slash(discord.newMember(), 'ask', askOptions(QUESTION)));
    expect(reply.data.embeds[0].description).toContain('40 minutes');
    expect(errors().map((line) => line.msg)).toEqual(['telegram could not start (check TELEGRAM_BOT_TOKEN / TELEGRAM_API_ROOT): 401: Unauthorized']);
    for (const secret of [badToken, DISCORD_TOKEN]) expect(lines.filter((line) => line.includes(secret))).toEqual([]);
  });

  it('a bad Discord token stops only Discord: Telegram keeps answering, and one line names DISCORD_TOKEN', async () => {
    const badToken = 'reset-discord-token-abcdefghij';
    const { telegram, board, lines, errors } = await superviseBoth({ discord: badToken, telegram: TELEGRAM_TOKEN });

    expect(await board.report()).toMatchObject({ status: 'unavailable', adapters: { discord: 'failed', telegram: 'running' } });
    telegram.push(privateText(QUESTION, ALICE));
    const reply = await telegram.waitFor('sendMessage', (c) => c.body.chat_id === ALICE.id);
    expect(reply.body.text).toContain('40 minutes');
    expect(errors().map((line) => line.msg)).toEqual(['discord could not start (check DISCORD_TOKEN / DISCORD_API_ROOT): An invalid token was provided.']);
    for (const secret of [badToken, TELEGRAM_TOKEN]) expect(lines.filter((line) => line.includes(secret))).toEqual([]);
  });

  it('a Telegram token revoked while running marks only Telegram failed, with one line, and Discord keeps answering', async () => {
    const { discord, telegram, board, errors } = await superviseBoth({ discord: DISCORD_TOKEN, telegram: TELEGRAM_TOKEN });
    telegram.failNext('getUpdates', { error_code: 401, description: 'Unauthorized' });
    // Ends the poll under way, so the next one meets the refusal.
    telegram.push(privateText(QUESTION, ALICE));
    await until(() => board.get('telegram') === 'failed');

    expect(await board.report()).toMatchObject({ status: 'unavailable', adapters: { discord: 'running', telegram: 'failed' } });
    expect(errors().map((line) => line.msg)).toContain(
      'telegram stopped serving on its own (check TELEGRAM_BOT_TOKEN / TELEGRAM_API_ROOT); the other platforms keep serving',
    );
    const reply = await discord.callbackFor(discord.slash(discord.newMember(), 'ask', askOptions(QUESTION)));
    expect(reply.data.embeds[0].description).toContain('40 minutes');
  });
});

async function until(check: () => boolean, ms = 8000): Promise<void> {
  for (const end = Date.now() + ms; !check(); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() > end) throw new Error('timed out');
  }
}
