// Runs the Discord adapter alone in this process: what each shard process runs under
// DISCORD_SHARDS (see shard.ts), and a way to run only the Discord bot (`npx tsx adapters/discord/run.ts`).
import { ConfigError, KnowledgeError } from '../../src/index.js';
import { bootstrap } from '../bootstrap.js';
import { logUnhandledRejections } from '../unhandled.js';
import { startDiscord } from './index.js';

async function main(): Promise<void> {
  const { deps, watcher } = await bootstrap();
  logUnhandledRejections(deps.logger);
  watcher.start();
  const adapter = await startDiscord(deps);
  const stop = (exitCode: number) => () => {
    watcher.close();
    adapter.stop().then(
      () => process.exit(exitCode),
      (err: unknown) => {
        deps.logger.error({ err }, 'Discord adapter did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop(0));
  process.once('SIGINT', stop(0));
  // A shard whose manager has gone must not keep answering on its own.
  process.once('disconnect', stop(0));
  // Discord closed the gateway for good: a process that serves nobody exits, so the sharding
  // manager sees this shard die (and a process supervisor, that the bot is down).
  void adapter.ended?.then(stop(1));
}

main().catch((err: unknown) => {
  const known = err instanceof ConfigError || err instanceof KnowledgeError;
  console.error(known ? err.message : err);
  process.exitCode = 1;
});
