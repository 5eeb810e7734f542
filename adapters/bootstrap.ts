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
  DatabaseError,
  KnowledgeWatcher,
  loadConfig,
  loadCore,
  openStorage,
  secretsOf,
  ConfigError,
  TELEGRAM,
  STORAGE,
  type AdapterDeps,
  type BotCore,
  type Config,
  type Logger,
  type Storage,
} from '../src/index.js';

export interface App {
  deps: AdapterDeps & { moderation: NonNullable<AdapterDeps['moderation']> };
  watcher: KnowledgeWatcher;
  /** Where state is kept: files and memory, or PostgreSQL with DATABASE_URL; close it last. */
  storage: Storage;
}

/** `logTo` replaces stderr, for tests that read every line the bot logs. */
export async function bootstrap(env: Record<string, string | undefined> = process.env, logTo?: DestinationStream): Promise<App> {
  const config = loadConfig(env);
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: secretsOf(config), destination: logTo });
  const storage = await openStorageOrExplain(config, logger);
  const knowledge = storage.knowledge(config.KNOWLEDGE_DIR);
  const core = await loadCore(config.KNOWLEDGE_DIR, storage.conversations, knowledge.load);
  const activity = new ActivityLog(storage.activity);
  await countAskedQuestions(activity, core.asked, logger);
  followSharedAskedCounts(storage, core, logger);
  const watcher = new KnowledgeWatcher(config.KNOWLEDGE_DIR, core, logger, undefined, knowledge.load, knowledge.follow);
  const moderation = createModeration(core, knowledge.store, activity, {
    watcher,
    limiter: storage.limiter('moderator', config.MOD_COMMANDS_PER_MINUTE),
    dialogues: storage.dialogues,
  });
  const announcer = new Announcer(logger, (factId) => answered(core.answer({ factId: factId })));
  core.onChange((before, after) => void announcer.changed(before, after));
  logger.info({ version: core.base.version, facts: core.base.facts.length, storage: storage.kind }, 'fact base loaded');
  const limiter = storage.limiter('questions', config.RATE_LIMIT_PER_MINUTE);
  const telegramFlood = storage.floodGate('telegram', TELEGRAM.flood);
  const consoleAccess = config.CONSOLE_PORT
    ? {
        consoleAccess: {
          store: knowledge.store,
          links: storage.signInLinks,
          sessions: storage.consoleSessions,
          secret: config.CONSOLE_SESSION_SECRET ?? (await storage.consoleSecret()),
        },
      }
    : {};
  return { deps: { config, logger, core, activity, limiter, moderation, announcer, claims: storage.claims, telegramFlood, leadership: storage.leadership, ...consoleAccess }, watcher, storage };
}

/** The storage DATABASE_URL names, or one line saying why it cannot be used. */
async function openStorageOrExplain(config: Config, logger: Logger): Promise<Storage> {
  try {
    return await openStorage(config, logger);
  } catch (err) {
    if (err instanceof DatabaseError) throw new ConfigError(err.message);
    throw err;
  }
}

/** With a shared log, the most asked questions are re-counted now and then from every replica's records. */
function followSharedAskedCounts(storage: Storage, core: BotCore, logger: Logger): void {
  const counts = storage.sharedAskedCounts?.bind(storage);
  if (!counts) return;
  const refresh = () =>
    void counts().then(
      (latest) => core.asked.replaceAll(latest),
      (err: unknown) => logger.warn({ err }, 'could not re-count the most asked questions; keeping the counts so far'),
    );
  setInterval(refresh, STORAGE.askedRefreshMs).unref();
}
