// Builds everything an adapter needs from the environment: config, logger, core, logs, limits and
// moderation. Shared by `npm start` and the Discord shard processes so both run the same bot.
import 'dotenv/config';
import type { DestinationStream } from 'pino';
import {
  ActivityLog,
  Announcer,
  answered,
  countAskedQuestions,
  createLogger,
  createModeration,
  KnowledgeWatcher,
  loadConfig,
  loadCore,
  MemoryRateLimiter,
  secretsOf,
  type AdapterDeps,
} from '../src/index.js';

export interface App {
  deps: AdapterDeps & { moderation: NonNullable<AdapterDeps['moderation']> };
  watcher: KnowledgeWatcher;
}

/** `logTo` replaces stderr, for tests that read every line the bot logs. */
export async function bootstrap(env: Record<string, string | undefined> = process.env, logTo?: DestinationStream): Promise<App> {
  const config = loadConfig(env);
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: secretsOf(config), destination: logTo });
  const core = await loadCore(config.KNOWLEDGE_DIR);
  const activity = new ActivityLog(config.DATA_DIR);
  await countAskedQuestions(activity, core.asked, logger);
  const watcher = new KnowledgeWatcher(config.KNOWLEDGE_DIR, core, logger);
  const moderation = createModeration(core, config.KNOWLEDGE_DIR, activity, { watcher, limiter: new MemoryRateLimiter(config.MOD_COMMANDS_PER_MINUTE) });
  const announcer = new Announcer(logger, (factId) => answered(core.answer({ factId: factId })));
  core.onChange((before, after) => void announcer.changed(before, after));
  logger.info({ version: core.base.version, facts: core.base.facts.length }, 'fact base loaded');
  return { deps: { config, logger, core, activity, limiter: new MemoryRateLimiter(config.RATE_LIMIT_PER_MINUTE), moderation, announcer }, watcher };
}
