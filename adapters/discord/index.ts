// The Discord adapter: a thin layer that turns Discord events into core calls and core results into
// Discord replies. startDiscord() resolves once the bot is online (or, with DISCORD_SHARDS, once
// every shard process is).
import { Events, RESTEvents } from 'discord.js';
import { ConfigError, type AdapterDeps, type RunningAdapter } from '../../src/index.js';
import { announceTarget, postsAnnouncements } from './announce.js';
import { createClient, type RestOverrides } from './client.js';
import { routeInteraction } from './interactions.js';
import { handleMessage } from './mentions.js';
import { startShards } from './shard.js';

/** discord.js retries an unreachable gateway forever; past this, the start counts as failed. */
export const READY_TIMEOUT_MS = 30_000;

export interface DiscordOptions {
  /** For tests only; see RestOverrides. */
  rest?: RestOverrides;
  /** For tests only: READY_TIMEOUT_MS, shorter. */
  readyTimeoutMs?: number;
}

export async function startDiscord(deps: AdapterDeps, options: DiscordOptions = {}): Promise<RunningAdapter> {
  const { config } = deps;
  if (!config.DISCORD_TOKEN) throw new ConfigError('Configuration problem: DISCORD_TOKEN is not set. Fix it in .env (see .env.example).');
  // discord.js marks the processes its ShardingManager spawns; each of those runs one client.
  if (config.DISCORD_SHARDS && !process.env.SHARDING_MANAGER) return startShards(deps);

  const logger = deps.logger.child({ platform: 'discord' });
  const served: AdapterDeps = { ...deps, logger };
  const client = createClient(config, options.rest);
  const inFlight = new Set<Promise<void>>();
  // Handlers log and apologise themselves; one that still rejects is logged here, never left
  // unhandled (which would end the process for every server).
  const track = (work: Promise<void>) => {
    const settled = work.catch((err: unknown) => logger.error({ err }, 'Discord event handler failed'));
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
  };
  // Settles when Discord has closed the gateway for good: discord.js will not reconnect, so the
  // adapter has stopped serving and says so (the health board then marks it failed).
  let giveUp = () => {};
  const ended = new Promise<void>((resolve) => (giveUp = resolve));

  // Without an 'error' listener, one failed listener would crash the process for every server.
  client.on(Events.Error, (err) => logger.error({ err }, 'Discord client error'));
  client.on(Events.ShardError, (err, shardId) => logger.error({ err, shardId }, 'Discord gateway connection error; discord.js reconnects'));
  client.on(Events.ShardReconnecting, (shardId) => logger.warn({ shardId }, 'Discord gateway connection lost; reconnecting'));
  client.on(Events.ShardResume, (shardId, replayedEvents) => logger.info({ shardId, replayedEvents }, 'Discord gateway session resumed'));
  client.on(Events.ShardDisconnect, ({ code }, shardId) => {
    logger.error({ shardId, code }, 'Discord closed the gateway for good; the bot is offline on Discord (check DISCORD_TOKEN and the intents)');
    giveUp();
  });
  // discord.js 14.28 reports a session it cannot go on with as ShardDisconnect; Invalidated is the
  // client-wide form of the same news in its typings, handled alike should a release emit it.
  client.on(Events.Invalidated, () => {
    logger.error('Discord invalidated the session for good; the bot is offline on Discord (check DISCORD_TOKEN)');
    giveUp();
  });
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'Discord client warning'));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn({ route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global }, 'Discord rate limit: waiting before retrying'),
  );
  client.on(Events.InteractionCreate, (interaction) => track(routeInteraction(interaction, served)));
  client.on(Events.MessageCreate, (message) => track(handleMessage(message, served)));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  const readyTimeoutMs = options.readyTimeoutMs ?? READY_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Discord gateway unreachable: not ready after ${readyTimeoutMs / 1000} s`)), readyTimeoutMs);
  });
  try {
    // login() resolves before the gateway session is ready; the bot is online only at ClientReady.
    await Promise.race([client.login(config.DISCORD_TOKEN).then(() => ready), timedOut]);
  } catch (err) {
    await client.destroy();
    throw err;
  } finally {
    clearTimeout(timer);
  }
  logger.info({ bot: client.user?.tag, guilds: client.guilds.cache.size, shardIds: [...client.ws.shards.keys()] }, 'Discord adapter ready');

  const announceChannel = config.DISCORD_ANNOUNCE_CHANNEL;
  const unannounce =
    announceChannel && deps.announcer && postsAnnouncements(client) ? deps.announcer.add(announceTarget(client, announceChannel)) : () => {};

  let stopped: Promise<void> | undefined;
  const stop = async () => {
    unannounce();
    client.removeAllListeners(Events.InteractionCreate);
    client.removeAllListeners(Events.MessageCreate);
    // Closing the gateway on purpose is no lost connection.
    client.removeAllListeners(Events.ShardReconnecting);
    await Promise.allSettled(inFlight);
    await client.destroy();
    logger.info('Discord adapter stopped');
  };
  // A second stop() (say SIGINT during SIGTERM's shutdown) waits for the first.
  return { name: 'discord', stop: () => (stopped ??= stop()), ended };
}
