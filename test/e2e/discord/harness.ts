// Starts the real Discord adapter (startDiscord) against the fake Discord, configured the way a
// user configures it: DISCORD_TOKEN, DISCORD_APPLICATION_ID and DISCORD_API_ROOT.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDiscord } from '../../../adapters/discord/index.js';
import { ActivityLog, BotCore, createLogger, loadConfig, RateLimiter, type RunningAdapter } from '../../../src/index.js';
import { FIXTURE_KNOWLEDGE, loadBase } from '../../helpers.js';
import { APP_ID, FakeDiscord, TOKEN } from './fake-discord.js';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface Harness {
  fake: FakeDiscord;
  bot: RunningAdapter;
  core: BotCore;
  logs: LogLine[];
  /** The activity log's lines in one of its files, parsed. */
  activity(file: 'questions.jsonl' | 'feedback.jsonl'): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export const PINO_ERROR = 50;

export async function startHarness(options: { core?: BotCore; limiter?: RateLimiter } = {}): Promise<Harness> {
  const fake = await FakeDiscord.start();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'discord-e2e-'));
  const config = loadConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_ROOT: fake.apiRoot,
    DATA_DIR: dataDir,
    KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
  });
  const logs: LogLine[] = [];
  const logger = createLogger({ level: 'info', secrets: [TOKEN], destination: { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) } });
  const core = options.core ?? new BotCore(await loadBase(FIXTURE_KNOWLEDGE));
  const deps = { core, config, logger, activity: new ActivityLog(dataDir), limiter: options.limiter ?? new RateLimiter() };
  // Only speed: the built-in 50 requests a second would stall a fast test loop.
  const bot = await startDiscord(deps, { rest: { globalRequestsPerSecond: 10_000 } });
  return {
    fake,
    bot,
    core,
    logs,
    async activity(file) {
      const text = await readFile(path.join(dataDir, file), 'utf8').catch(() => '');
      return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    async close() {
      await bot.stop();
      await fake.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Options of /ask as Discord sends them (3: string, 5: boolean). */
export function askOptions(question: string, isPrivate?: boolean): { name: string; type: number; value: unknown }[] {
  return [{ name: 'question', type: 3, value: question }, ...(isPrivate === undefined ? [] : [{ name: 'private', type: 5, value: isPrivate }])];
}
