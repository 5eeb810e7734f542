// Discord dropping the gateway connection: discord.js reconnects to the resume address READY gave it
// and resumes the session (no new IDENTIFY), the adapter logs both steps, and /ask still works. When
// Discord closes it for good, the adapter reports itself ended and the health board marks it failed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrap } from '../../../adapters/bootstrap.js';
import { configuredPlatforms, startPlatforms, stopPlatforms } from '../../../adapters/supervisor.js';
import { HealthBoard } from '../../../src/index.js';
import { FIXTURE_KNOWLEDGE } from '../../helpers.js';
import { APP_ID, FakeDiscord, TOKEN } from '../discord/fake-discord.js';
import { askOptions, PINO_ERROR, startHarness, type Harness } from '../discord/harness.js';

let h: Harness | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function eventually(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !check(); await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
  }
}

describe('a dropped Discord gateway connection', () => {
  it.each([
    ['closed with 4000 (unknown error)', 4000],
    ['cut without a close frame', undefined],
  ])('is resumed when %s, and /ask is answered afterwards', async (_, code) => {
    h = await startHarness();
    const { fake, logs } = h;
    fake.dropGateway(code);

    await eventually(() => logs.some((l) => l.msg === 'Discord gateway session resumed'), 'the session resumed');
    expect(fake.resumes).toEqual([{ token: TOKEN, session_id: 'fake-session', seq: expect.any(Number) }]);
    expect(fake.resumes[0].seq).toBeGreaterThan(0);
    expect(fake.identifies).toHaveLength(1);
    expect(logs.map((l) => l.msg)).toContain('Discord gateway connection lost; reconnecting');

    const reply = await fake.callbackFor(fake.slash(fake.newMember(), 'ask', askOptions('How long did the third round last?')));
    expect(reply.data.embeds[0].description).toContain('40 minutes');
    expect(logs.filter((l) => l.level >= PINO_ERROR)).toEqual([]);
  });

  it('logs an error naming DISCORD_TOKEN when Discord closes the gateway for good (4004: authentication failed)', async () => {
    h = await startHarness();
    h.fake.dropGateway(4004);
    const logs = h.logs;
    await eventually(() => logs.some((l) => l.level >= PINO_ERROR && l.msg.includes('check DISCORD_TOKEN')), 'the error line');
    expect(logs.find((l) => l.msg.includes('closed the gateway for good'))).toMatchObject({ level: PINO_ERROR, code: 4004 });
    expect(h.fake.resumes).toEqual([]);
  });

  it('marks Discord failed on the health board when Discord closes the gateway for good (4004), with one line saying what to check', async () => {
    const fake = await FakeDiscord.start();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'faults-e2e-'));
    const lines: string[] = [];
    const env = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_ROOT: fake.apiRoot, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, DATA_DIR: dataDir };
    const { deps } = await bootstrap(env, { write: (line: string) => void lines.push(line) });
    const board = new HealthBoard(deps.core);
    const running = await startPlatforms(deps, configuredPlatforms(deps.config), board);
    cleanups.push(async () => {
      await stopPlatforms(running, board, deps.logger);
      await fake.close();
      await rm(dataDir, { recursive: true, force: true });
    });
    expect(await board.report()).toMatchObject({ status: 'ok', adapters: { discord: 'running' } });

    fake.dropGateway(4004);
    await eventually(() => board.get('discord') === 'failed', 'the board marked Discord failed');
    expect(await board.report()).toMatchObject({ status: 'unavailable', adapters: { discord: 'failed' } });
    const errors = lines.map((line) => JSON.parse(line) as { level: number; msg: string }).filter((line) => line.level >= PINO_ERROR);
    expect(errors.map((line) => line.msg)).toContain('discord stopped serving on its own (check DISCORD_TOKEN / DISCORD_API_ROOT); the other platforms keep serving');
  });
});
