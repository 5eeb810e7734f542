// Runs the Discord adapter alone in this process: what each shard process runs under
// DISCORD_SHARDS (see shard.ts), and a way to run only the Discord bot (`npx tsx adapters/discord/run.ts`).
import { ConfigError, KnowledgeError } from '../../src/index.js';
import { bootstrap } from '../bootstrap.js';
import { startDiscord } from './index.js';

async function main(): Promise<void> {
  const { deps, watcher } = await bootstrap();
  watcher.start();
  const adapter = await startDiscord(deps);
  const stop = () => {
    watcher.close();
    adapter.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        deps.logger.error({ err }, 'Discord adapter did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // A shard whose manager has gone must not keep answering on its own.
  process.once('disconnect', stop);
}

main().catch((err: unknown) => {
  const known = err instanceof ConfigError || err instanceof KnowledgeError;
  console.error(known ? err.message : err);
  process.exitCode = 1;
});
