// DISCORD_SHARDS end to end: with "auto" the adapter asks the fake Discord how many shards it
// recommends (through DISCORD_API_ROOT, never discord.com), a real discord.js ShardingManager runs
// each shard as a child process (adapters/discord/run.ts) that answers /ask, and a shard that dies
// ends the adapter; with DISCORD_SHARD_LIST, only the listed shards of the total are run.
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

interface Sharded {
  fake: FakeDiscord;
  board: HealthBoard;
  logs: LogLine[];
  stop(): Promise<void>;
}

/** The Discord adapter under `npm start`'s supervisor with these sharding settings, against a fresh fake. */
async function startSharded(sharding: Record<string, string>): Promise<Sharded> {
  const fake = await FakeDiscord.start();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'discord-shards-e2e-'));
  const logs: LogLine[] = [];
  const env = { DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_ROOT: fake.apiRoot, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, DATA_DIR: dataDir };
  // What each shard process inherits; quiet, so the test output stays readable.
  for (const [name, value] of Object.entries({ ...env, LOG_LEVEL: 'fatal' })) vi.stubEnv(name, value);
  // A ShardingManager marks its own process as managed (SHARDING_MANAGER), which would make the next
  // start here run as a shard: unset until this run is stopped.
  for (const name of ['SHARDING_MANAGER', 'SHARDING_MANAGER_MODE']) vi.stubEnv(name, undefined);
  const config = loadConfig({ ...env, DISCORD_TOKEN: TOKEN, ...sharding });
  const logger = createLogger({ level: 'info', secrets: [TOKEN], destination: { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) } });
  const core = new BotCore(await loadBase(FIXTURE_KNOWLEDGE));
  const deps: AdapterDeps = { core, config, logger, activity: new ActivityLog(dataDir), limiter: new MemoryRateLimiter() };
  const board = new HealthBoard(core);
  const running: RunningAdapter[] = await startPlatforms(deps, configuredPlatforms(config), board);
  const stop = async () => {
    await stopPlatforms(running, board, deps.logger);
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
    vi.unstubAllEnvs();
  };
  return { fake, board, logs, stop };
}

describe('Discord with DISCORD_SHARDS=auto', () => {
  let fake: FakeDiscord;
  let board: HealthBoard;
  let logs: LogLine[];
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ fake, board, logs, stop } = await startSharded({ DISCORD_SHARDS: 'auto' }));
  }, 60_000);
  afterAll(() => stop());

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

describe('Discord with DISCORD_SHARD_LIST', () => {
  let fake: FakeDiscord;
  let board: HealthBoard;
  let logs: LogLine[];
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ fake, board, logs, stop } = await startSharded({ DISCORD_SHARDS: '3', DISCORD_SHARD_LIST: '1' }));
  }, 60_000);
  afterAll(() => stop());

  it('runs only the listed shards of the DISCORD_SHARDS total: shard 1 of 3 logs in, 0 and 2 are left to other machines', () => {
    expect(board.get('discord')).toBe('running');
    expect(fake.identifies).toEqual([expect.objectContaining({ token: TOKEN, shard: [1, 3] })]);
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'Discord shards ready', totalShards: 3, shards: [1] }));
    // Only the shard process asks where the gateway is: given the total, the manager asks for no recommendation.
    expect(fake.requests.filter((r) => r.method === 'GET' && r.path === '/gateway/bot')).toHaveLength(1);
  });
});
