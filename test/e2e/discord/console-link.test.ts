// /console in Discord: a moderator gets a one-time sign-in link to the web console, privately;
// anyone else gets a private refusal and no link.
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySignInLinks, MOD_MESSAGES } from '../../../src/index.js';
import { EPHEMERAL, MANAGE_GUILD } from './fake-discord.js';
import { startHarness, type Harness } from './harness.js';

const CONSOLE_URL = 'https://talks-bot.example.org';
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function start(links: MemorySignInLinks) {
  h = await startHarness({
    moderation: {},
    webConsole: { links },
    env: { CONSOLE_PORT: '8099', CONSOLE_URL, CONSOLE_SESSION_SECRET: 'a-console-session-secret-of-32-chars-or-more' },
  });
  return h;
}

describe('/console in Discord', () => {
  it('gives a moderator a sign-in link that only they see, and that opens the console for them once', async () => {
    const links = new MemorySignInLinks();
    const bot = await start(links);
    const moderator = bot.fake.newMember();
    bot.fake.grant(moderator, { permissions: MANAGE_GUILD });
    const reply = await bot.fake.callbackFor(bot.fake.slash(moderator, 'console', []));
    // Private, and with no link preview: Discord's crawler would open the one-time link first.
    const SUPPRESS_EMBEDS = 4;
    expect(reply.data?.flags).toBe(EPHEMERAL | SUPPRESS_EMBEDS);
    const text = String(reply.data?.embeds?.[0]?.description ?? reply.data?.content);
    const token = new RegExp(`${CONSOLE_URL}/signin\\?token=([\\w-]+)`).exec(text)?.[1];
    expect(token).toBeDefined();
    expect(await links.redeem(token ?? '', Date.now())).toMatchObject({ platform: 'discord', id: moderator.id });
  });

  it('says it in the moderator’s language', async () => {
    const bot = await start(new MemorySignInLinks());
    const moderator = bot.fake.newMember();
    bot.fake.grant(moderator, { permissions: MANAGE_GUILD });
    bot.fake.speaks(moderator, 'uk');
    const reply = await bot.fake.callbackFor(bot.fake.slash(moderator, 'console', []));
    const text = String(reply.data?.embeds?.[0]?.description ?? reply.data?.content);
    expect(text).toMatch(/^Ваше посилання для входу до консолі модераторів/);
    expect(text).toContain(`${CONSOLE_URL}/signin?token=`);
  });

  it('refuses anyone else privately, with no link', async () => {
    const bot = await start(new MemorySignInLinks());
    const member = bot.fake.newMember();
    const reply = await bot.fake.callbackFor(bot.fake.slash(member, 'console', []));
    expect(reply.data?.flags).toBe(EPHEMERAL);
    const text = String(reply.data?.embeds?.[0]?.description ?? reply.data?.content);
    expect(text).toBe(MOD_MESSAGES.notModerator);
    expect(text).not.toContain(CONSOLE_URL);
  });
});
