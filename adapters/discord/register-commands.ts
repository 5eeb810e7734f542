// `npm run discord:commands`: registers every slash command (/ask, /sources, /help, /fact and
// /kb) with Discord. With DISCORD_GUILD_ID they are registered in that one server and show up at
// once; otherwise globally, in every server the bot is in (Discord may take a while to show changes there).
import 'dotenv/config';
import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { ConfigError, loadConfig, type Config } from '../../src/index.js';
import { restOptions, type RestOverrides } from './client.js';
import { commandDefinitions } from './commands/index.js';

/** PUTs the whole command list (replacing what was there); resolves to where it was registered. */
export async function registerCommands(config: Config, overrides: RestOverrides = {}): Promise<string> {
  const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: appId, DISCORD_GUILD_ID: guildId } = config;
  if (!token || !appId) {
    throw new ConfigError('Configuration problem: DISCORD_TOKEN and DISCORD_APPLICATION_ID are needed to register commands. Fix it in .env (see .env.example).');
  }
  const rest = new REST(restOptions(config, overrides)).setToken(token);
  const route = guildId ? Routes.applicationGuildCommands(appId, guildId) : Routes.applicationCommands(appId);
  await rest.put(route, { body: commandDefinitions() });
  return guildId ? `server ${guildId}` : 'all servers (global)';
}

// Run as a script (not when a test imports registerCommands).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  registerCommands(loadConfig()).then(
    (where) => console.log(`Registered ${commandDefinitions().map((c) => `/${c.name}`).join(', ')} for ${where}.`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}
