// `npm start`: the console chat when no platform token is set; otherwise every configured platform,
// each isolated so one failing (a bad token, an unreachable API) leaves the other serving.
import type { Server } from 'node:http';
import { userInfo } from 'node:os';
import {
  ConfigError,
  dataDirProblem,
  factBaseCheck,
  HealthBoard,
  KnowledgeError,
  requireWritableDataDir,
  scrub,
  secretsOf,
  serveHealth,
  type RunningAdapter,
} from '../src/index.js';
import { bootstrap } from './bootstrap.js';
import { runConsole } from './console/chat.js';
import { configuredPlatforms, startPlatforms, stopPlatforms } from './supervisor.js';
import { logUnhandledRejections } from './unhandled.js';

/** Shutdown may take this long before the process exits regardless. */
const SHUTDOWN_MS = 10_000;
/** At shutdown, a platform still starting gets this long to come up and be stopped; then the process exits without it. */
const STILL_STARTING_MS = 5_000;

async function main(): Promise<void> {
  const { deps, watcher, storage } = await bootstrap();
  const { config, logger } = deps;
  logUnhandledRejections(logger);

  const platforms = configuredPlatforms(config);
  if (platforms.length === 0) {
    const operator = { platform: 'console', id: userInfo().username, name: userInfo().username };
    watcher.start();
    try {
      await runConsole(deps.core, process.stdin, process.stdout, { moderation: deps.moderation.text, operator });
    } finally {
      watcher.close();
      // An open database pool would keep the process from ever exiting.
      await storage.close();
    }
    return;
  }

  const board = new HealthBoard(deps.core);
  // Before any platform takes a question it could not record. With DATABASE_URL the records go to
  // PostgreSQL and DATA_DIR is not used.
  if (storage.kind === 'files') {
    await requireWritableDataDir(config.DATA_DIR);
    board.addCheck('data folder', () => dataDirProblem(config.DATA_DIR));
  }
  board.addCheck('fact base', factBaseCheck(watcher, deps.core));
  if (storage.kind === 'postgres') board.addCheck('database', () => storage.writeProblem());
  const health = config.HEALTH_PORT ? await serveHealthOn(board, config.HEALTH_PORT) : undefined;
  // Only now: a watcher started before a failed start would keep the process from ever exiting.
  watcher.start();
  const up: RunningAdapter[] = [];
  const starting = startPlatforms(deps, platforms, board, up);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing in-flight replies');
    // Whatever hangs, the process is gone within SHUTDOWN_MS.
    setTimeout(() => {
      logger.error('shutdown took too long; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_MS).unref();
    watcher.close();
    // Those up stop now. One still starting is waited for a while, then stopped too, since once up it
    // may take questions; but a start that never ends (a gateway never ready) must not hold up the rest.
    const upNow = [...up];
    const late = starting.then((running) => stopPlatforms(running.filter((adapter) => !upNow.includes(adapter)), board, logger));
    const givenUp = new Promise<void>((resolve) => setTimeout(resolve, STILL_STARTING_MS).unref()).then(() => {
      for (const { name } of platforms) if (board.get(name) === 'starting') logger.warn(`${name} was still starting at shutdown; exiting without it`);
    });
    void Promise.all([stopPlatforms(upNow, board, logger), Promise.race([late, givenUp])])
      // Last, once no adapter can write: what is still being written (a conversation turn) is finished.
      .then(() => storage.close().catch((err: unknown) => logger.warn({ err }, 'could not close the database connections cleanly')))
      .then(() => {
        health?.close();
        logger.info('stopped');
        // The destination writes synchronously; flush() is what a buffered one would need before exit.
        logger.flush();
        process.exit(0);
      });
  };
  // `on`, not `once`: under `npm start` one Ctrl+C arrives twice, from the terminal and forwarded by
  // npm, and a second signal with no handler left would kill the process mid-shutdown.
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  const running = await starting;
  if (running.length === 0 && !stopping) {
    logger.fatal('no platform adapter could start; exiting');
    health?.close();
    watcher.close();
    await storage.close();
    process.exitCode = 1;
  }
}

/** The health server, or one line saying why HEALTH_PORT cannot be used. */
async function serveHealthOn(board: HealthBoard, port: number): Promise<Server> {
  try {
    return await serveHealth(board, port);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? 'is already in use by another program' : `cannot be listened on (${code ?? String(err)})`;
    throw new ConfigError(`Configuration problem: HEALTH_PORT ${port} ${why}. Choose another port in .env (see .env.example).`);
  }
}

main().catch((err: unknown) => {
  const known = err instanceof ConfigError || err instanceof KnowledgeError;
  // Not through the logger, which may not exist yet; a library's error may still quote a token.
  const text = known ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
  console.error(scrub(text, secretsOf(process.env)));
  process.exitCode = 1;
});
