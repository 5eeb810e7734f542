// DISCORD_SHARDS=auto end to end: the adapter asks the fake Discord how many shards it recommends
// (through DISCORD_API_ROOT, never discord.com), a real discord.js ShardingManager runs each shard as a
// child process (adapters/discord/run.ts) that answers /ask, and a shard that dies ends the adapter.
// The children read their settings from process.env, as they do in production.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { configuredPlatforms, startPlatforms, stopPlatforms } from '../../../adapters/supervisor.js';
import { ActivityLog, BotCore, createLogger, HealthBoard, loadConfig, MemoryRateLimiter, type AdapterDeps, type RunningAdapter } from '../../../src/index.js';
import { FIXTURE_KNOWLEDGE, loadBase } from '../../helpers.js';
import { APP_ID, FakeDiscord, TOKEN } from './fake-discord.js';
import { askOptions, type LogLine } from './harness.js';

let fake: FakeDiscord;
let dataDir: string;
let board: HealthBoard;
let running: RunningAdapter[];
let deps: AdapterDeps;
const logs: LogLine[] = [];

beforeAll(async () => {
  fake = await FakeDiscord.start();
  dataDir = await mkdtemp(path.join(tmpdir(), 'discord-shards-e2e-'));
  const env = { DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_ROOT: fake.apiRoot, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, DATA_DIR: dataDir };
  // What each shard process inherits; quiet, so the test output stays readable.
  for (const [name, value] of Object.entries({ ...env, LOG_LEVEL: 'fatal' })) vi.stubEnv(name, value);
  const config = loadConfig({ ...env, DISCORD_TOKEN: TOKEN, DISCORD_SHARDS: 'auto' });
  const logger = createLogger({ level: 'info', secrets: [TOKEN], destination: { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) } });
  const core = new BotCore(await loadBase(FIXTURE_KNOWLEDGE));
  deps = { core, config, logger, activity: new ActivityLog(dataDir), limiter: new MemoryRateLimiter() };
  board = new HealthBoard(core);
  running = await startPlatforms(deps, configuredPlatforms(config), board);
}, 60_000);

afterAll(async () => {
  await stopPlatforms(running, board, deps.logger);
  await fake.close();
  await rm(dataDir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('Discord with DISCORD_SHARDS=auto', () => {
  it('runs the shard count the API recommends, each in its own process, and answers /ask from it', async () => {
    expect(board.get('discord')).toBe('running');
    // The manager asked for the recommendation; the shard process then logged in as shard 0 of 1.
    expect(fake.requests.filter((r) => r.method === 'GET' && r.path === '/gateway/bot').length).toBeGreaterThanOrEqual(2);
    expect(fake.identifies).toEqual([expect.objectContaining({ token: TOKEN, shard: [0, 1] })]);
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'Discord shards ready', totalShards: 1 }));

    const reply = await fake.callbackFor(fake.slash(fake.newMember(), 'ask', askOptions('How long did the third round last?')));
    expect(reply.data.embeds[0].description).toContain('The third round lasted about 40 minutes.');
  });

  it('ends when a shard dies (here: Discord closed its gateway for good), and the health board marks Discord failed', async () => {
    fake.dropGateway(4004);
    await vi.waitFor(() => expect(board.get('discord')).toBe('failed'), { timeout: 15_000, interval: 50 });
    expect(logs).toContainEqual(expect.objectContaining({ msg: expect.stringContaining('Discord shard process exited'), shardId: 0 }));
  });
});
