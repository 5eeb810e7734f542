// Sharding for large bots: Discord requires a bot in more than ~2,500 servers to split its gateway
// connections into shards. With DISCORD_SHARDS set ("auto" or a number), this process becomes a
// discord.js ShardingManager that spawns one child process per shard, each running run.ts.
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import type { AdapterDeps, Config, RunningAdapter } from '../../src/index.js';
import { restOptions } from './client.js';

const SHARD_SCRIPT = fileURLToPath(new URL('./run.ts', import.meta.url));

export async function startShards(deps: AdapterDeps): Promise<RunningAdapter> {
  const { config } = deps;
  const logger = deps.logger.child({ platform: 'discord' });
  const manager = new ShardingManager(SHARD_SCRIPT, {
    token: config.DISCORD_TOKEN,
    totalShards: await shardCount(config),
    // The shard script is TypeScript, run through tsx exactly as `npm start` runs this process.
    execArgv: ['--import', 'tsx'],
    respawn: true,
  });
  let stopping = false;
  manager.on('shardCreate', (shard) => {
    logger.info({ shardId: shard.id, totalShards: manager.totalShards }, 'Discord shard starting');
    shard.on('death', () => {
      if (!stopping) logger.warn({ shardId: shard.id }, 'Discord shard process exited; discord.js respawns it');
    });
    shard.on('error', (err) => logger.error({ err, shardId: shard.id }, 'Discord shard error'));
  });
  const stop = async () => {
    stopping = true;
    // kill() sends SIGTERM: each shard finishes its in-flight replies (run.ts) before it exits.
    await Promise.all(
      [...manager.shards.values()].map((shard) => {
        const child = shard.process;
        const exited = child && child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined;
        shard.kill();
        return exited;
      }),
    );
  };
  try {
    await manager.spawn();
  } catch (err) {
    // Shards that did start must not live on, unmanaged, after a failed start.
    await stop();
    throw err;
  }
  logger.info({ totalShards: manager.totalShards }, 'Discord shards ready');
  return { name: 'discord', stop };
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
