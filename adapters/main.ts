// `npm start`: the console chat when no platform token is set; otherwise every configured platform,
// each isolated so one failing (a bad token, an unreachable API) leaves the other serving.
import { userInfo } from 'node:os';
import { ConfigError, HealthBoard, KnowledgeError, serveHealth } from '../src/index.js';
import { bootstrap } from './bootstrap.js';
import { runConsole } from './console/chat.js';
import { configuredPlatforms, startPlatforms, stopPlatforms } from './supervisor.js';

/** Shutdown may take this long before the process exits regardless. */
const SHUTDOWN_MS = 10_000;

async function main(): Promise<void> {
  const { deps, watcher } = await bootstrap();
  const { config, logger } = deps;
  watcher.start();

  const platforms = configuredPlatforms(config);
  if (platforms.length === 0) {
    const operator = { platform: 'console', id: userInfo().username, name: userInfo().username };
    await runConsole(deps.core, process.stdin, process.stdout, { moderation: deps.moderation.text, operator });
    watcher.close();
    return;
  }

  const board = new HealthBoard(deps.core);
  const health = config.HEALTH_PORT ? await serveHealth(board, config.HEALTH_PORT) : undefined;
  const starting = startPlatforms(deps, platforms, board);
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
    // A signal during start waits for it: a platform already polling may have taken questions.
    void starting
      .then((running) => stopPlatforms(running, board, logger))
      .then(() => {
        health?.close();
        logger.info('stopped');
        // The destination writes synchronously; flush() is what a buffered one would need before exit.
        logger.flush();
        process.exit(0);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  const running = await starting;
  if (running.length === 0 && !stopping) {
    logger.fatal('no platform adapter could start; exiting');
    health?.close();
    watcher.close();
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  const known = err instanceof ConfigError || err instanceof KnowledgeError;
  console.error(known ? err.message : err);
  process.exitCode = 1;
});
