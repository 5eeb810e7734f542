// `npm start`: the console chat when no platform token is set; otherwise every configured platform,
// each isolated so one failing (a bad token, an unreachable API) leaves the other serving.
import { userInfo } from 'node:os';
import {
  ConfigError,
  HealthBoard,
  KnowledgeError,
  scrub,
  secretsOf,
  serveHealth,
  type AdapterDeps,
  type RunningAdapter,
} from '../src/index.js';
import { bootstrap } from './bootstrap.js';
import { runConsole } from './console/chat.js';
import { startDiscord } from './discord/index.js';
import { startTelegram } from './telegram/index.js';

/** Shutdown may take this long before the process exits regardless. */
const SHUTDOWN_MS = 10_000;

interface Platform {
  name: string;
  /** The settings a start failure most likely points at. */
  variables: string;
  start: (deps: AdapterDeps) => Promise<RunningAdapter>;
}

async function main(): Promise<void> {
  const { deps, watcher } = await bootstrap();
  const { config, logger } = deps;
  watcher.start();

  const platforms: Platform[] = [
    ...(config.DISCORD_TOKEN ? [{ name: 'discord', variables: 'DISCORD_TOKEN / DISCORD_API_ROOT', start: startDiscord }] : []),
    ...(config.TELEGRAM_BOT_TOKEN ? [{ name: 'telegram', variables: 'TELEGRAM_BOT_TOKEN / TELEGRAM_API_ROOT', start: startTelegram }] : []),
  ];
  if (platforms.length === 0) {
    const operator = { platform: 'console', id: userInfo().username, name: userInfo().username };
    await runConsole(deps.core, process.stdin, process.stdout, { moderation: deps.moderation.text, operator });
    watcher.close();
    return;
  }

  const board = new HealthBoard(deps.core);
  const health = config.HEALTH_PORT ? await serveHealth(board, config.HEALTH_PORT) : undefined;
  const running: RunningAdapter[] = [];
  await Promise.all(
    platforms.map(async (platform) => {
      board.set(platform.name, 'starting');
      try {
        running.push(await platform.start(deps));
        board.set(platform.name, 'running');
      } catch (err) {
        board.set(platform.name, 'failed');
        const reason = scrub(err instanceof Error ? err.message : String(err), secretsOf(config));
        logger.error({ platform: platform.name }, `${platform.name} could not start (check ${platform.variables}): ${reason}`);
      }
    }),
  );
  if (running.length === 0) {
    logger.fatal('no platform adapter could start; exiting');
    health?.close();
    watcher.close();
    process.exitCode = 1;
    return;
  }

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
    for (const adapter of running) board.set(adapter.name, 'stopping');
    void Promise.allSettled(running.map((adapter) => adapter.stop())).then((results) => {
      results.forEach((r, i) => {
        if (r.status === 'rejected') logger.error({ err: r.reason, platform: running[i]?.name }, 'adapter did not stop cleanly');
        else board.set(running[i]?.name ?? '', 'stopped');
      });
      health?.close();
      logger.info('stopped');
      logger.flush();
      process.exit(0);
    });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  const known = err instanceof ConfigError || err instanceof KnowledgeError;
  console.error(known ? err.message : err);
  process.exitCode = 1;
});
