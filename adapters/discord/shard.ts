// Sharding for large bots: Discord requires a bot in more than ~2,500 servers to split its gateway
// connections into shards. With DISCORD_SHARDS set ("auto" or a number), this process becomes a
// discord.js ShardingManager that spawns one child process per shard, each running run.ts (run.js
// when this process runs the compiled dist/). With DISCORD_SHARD_LIST as well, only those shards of
// the DISCORD_SHARDS total: the rest run on other machines.
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import type { AdapterDeps, Config, RunningAdapter } from '../../src/index.js';
import { restOptions } from './client.js';

/**
 * The shard script beside the module at `moduleUrl`, and how node must run it: compiled (`npm start`
 * runs dist/), the sibling run.js as plain JavaScript; from source (tsx, the tests), run.ts through tsx.
 */
export function shardScript(moduleUrl: string): { file: string; execArgv: string[] } {
  const compiled = new URL(moduleUrl).pathname.endsWith('.js');
  return compiled
    ? { file: fileURLToPath(new URL('./run.js', moduleUrl)), execArgv: [] }
    : { file: fileURLToPath(new URL('./run.ts', moduleUrl)), execArgv: ['--import', 'tsx'] };
}

export async function startShards(deps: AdapterDeps): Promise<RunningAdapter> {
  const { config } = deps;
  const logger = deps.logger.child({ platform: 'discord' });
  // Each shard runs the way this process does: compiled JavaScript, or TypeScript through tsx.
  const { file, execArgv } = shardScript(import.meta.url);
  const manager = new ShardingManager(file, {
    token: config.DISCORD_TOKEN,
    totalShards: await shardCount(config),
    shardList: config.DISCORD_SHARD_LIST ?? 'auto',
    execArgv,
    // A shard that exits on its own is not started again: one Discord refused (a revoked token, say)
    // would fail the same way, over and over. Its death ends the adapter instead (see below).
    respawn: false,
  });
  let stopping = false;
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      stopping = true;
      // kill() sends SIGTERM: each shard finishes its in-flight replies (run.ts) before it exits.
      await Promise.all(
        [...manager.shards.values()].map((shard) => {
          const child = shard.process;
          // A shard that already died has no process left to stop.
          if (!child) return undefined;
          const exited = child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined;
          shard.kill();
          return exited;
        }),
      );
    })());
  // Settles when a shard dies unasked: the adapter stops its other shards and reports itself ended,
  // so the health board marks Discord failed rather than half-serving.
  let giveUp = () => {};
  const ended = new Promise<void>((resolve) => (giveUp = resolve));
  manager.on('shardCreate', (shard) => {
    logger.info({ shardId: shard.id, totalShards: manager.totalShards }, 'Discord shard starting');
    shard.on('death', () => {
      if (stopping) return;
      logger.error({ shardId: shard.id }, 'Discord shard process exited; stopping the other shards, the bot is offline on Discord');
      void stop().then(giveUp);
    });
    shard.on('error', (err) => logger.error({ err, shardId: shard.id }, 'Discord shard error'));
  });
  try {
    await manager.spawn();
  } catch (err) {
    // Shards that did start must not live on, unmanaged, after a failed start.
    await stop();
    throw err;
  }
  logger.info({ totalShards: manager.totalShards, shards: manager.shardList }, 'Discord shards ready');
  return { name: 'discord', stop, ended };
}

/**
 * "auto" asks Discord for its recommendation. discord.js's own "auto" always asks discord.com,
 * so it is resolved here, through the same REST settings (DISCORD_API_ROOT) as everything else.
 */
async function shardCount(config: Config): Promise<number> {
  if (config.DISCORD_SHARDS !== 'auto') return Number(config.DISCORD_SHARDS);
  const rest = new REST(restOptions(config)).setToken(config.DISCORD_TOKEN ?? '');
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return gateway.shards;
}
