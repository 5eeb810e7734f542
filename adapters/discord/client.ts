// The discord.js client and REST settings, built from the same config a user sets in .env.
import { Client, GatewayIntentBits, Partials, type RESTOptions } from 'discord.js';
import type { Config } from '../../src/index.js';
import { NO_MENTIONS } from './format.js';

/** For tests: REST tuning a user never needs (e.g. a higher global request rate against a local fake). */
export type RestOverrides = Partial<RESTOptions>;

/** REST options honouring DISCORD_API_ROOT; discord.js appends the API version (/v10) itself. */
export function restOptions(config: Config, overrides: RestOverrides = {}): Partial<RESTOptions> {
  const api = config.DISCORD_API_ROOT?.replace(/\/+$/, '');
  return { ...(api ? { api } : {}), ...overrides };
}

export function createClient(config: Config, overrides: RestOverrides = {}): Client {
  return new Client({
    // No privileged intent: Discord still delivers the content of messages that mention the bot
    // and of direct messages, which is all the bot reads.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // A DM channel is not cached before its first message arrives; without this the message is lost.
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    rest: restOptions(config, overrides),
  });
}
