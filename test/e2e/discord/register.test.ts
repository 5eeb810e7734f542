// `npm run discord:commands`, against the fake Discord through DISCORD_API_ROOT.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../../adapters/discord/register-commands.js';
import { loadConfig } from '../../../src/index.js';
import { APP_ID, FakeDiscord, GUILD_ID, TOKEN } from './fake-discord.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake?.close();
});

function config(guildId?: string) {
  return loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_ROOT: fake.apiRoot, DISCORD_GUILD_ID: guildId });
}

describe('registering the slash commands', () => {
  it('puts /ask (with autocomplete and private), /sources, /timeline, /latest, /help, /fact, /kb and /console in one server when DISCORD_GUILD_ID is set', async () => {
    await registerCommands(config(GUILD_ID));
    const put = await fake.waitForRequest((r) => r.method === 'PUT', 'command registration');
    expect(put.path).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(put.body.map((c: { name: string }) => c.name)).toEqual(['ask', 'sources', 'timeline', 'latest', 'help', 'fact', 'kb', 'console']);
    const ask = put.body[0];
    expect(ask.options).toEqual([
      expect.objectContaining({ name: 'question', type: 3, required: true, autocomplete: true }),
      expect.objectContaining({ name: 'private', type: 5 }),
    ]);
  });

  it('puts the moderator commands /fact, /kb and /console in servers only, visible to every member so a moderator role suffices', async () => {
    await registerCommands(config(GUILD_ID));
    const put = fake.requests.filter((r) => r.method === 'PUT').at(-1);
    const named = (name: string) => put?.body.find((c: { name: string }) => c.name === name);
    const GUILD_CONTEXT = 0;
    for (const name of ['fact', 'kb', 'console']) {
      expect(named(name)).toMatchObject({ contexts: [GUILD_CONTEXT] });
      // A default permission would hide the command from a configured role without Manage Server.
      expect(named(name).default_member_permissions ?? null).toBeNull();
    }
    expect(named('fact').options.map((o: { name: string }) => o.name)).toEqual(['show', 'add', 'edit', 'retire', 'source']);
    expect(named('kb').options.map((o: { name: string }) => o.name)).toEqual(['status', 'unanswered', 'history', 'undo']);
    expect(named('kb').options[2].options).toEqual([expect.objectContaining({ name: 'id', type: 3, required: true, autocomplete: true })]);
  });

  it('registers them globally without DISCORD_GUILD_ID', async () => {
    await registerCommands(config());
    const puts = fake.requests.filter((r) => r.method === 'PUT');
    expect(puts.at(-1)?.path).toBe(`/applications/${APP_ID}/commands`);
  });
});
