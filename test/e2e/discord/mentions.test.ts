// "@bot <question>" in a channel and direct messages, end to end, and that nothing the bot posts pings anyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_ID, BOT_USER, CHANNEL_ID, DM_CHANNEL_ID } from './fake-discord.js';
import { askOptions, startHarness, type Harness } from './harness.js';

const NOBODY = { parse: [], replied_user: false };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('mentions and direct messages', () => {
  it('connects with no privileged intent: only servers, server messages and direct messages', () => {
    const GUILDS = 1 << 0;
    const GUILD_MESSAGES = 1 << 9;
    const DIRECT_MESSAGES = 1 << 12;
    expect(h.fake.identifies).toEqual([expect.objectContaining({ intents: GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES })]);
  });

  it('answers an @mention in a channel as a reply to that message', async () => {
    const messageId = h.fake.post(h.fake.newMember(), `<@${BOT_ID}> How long did the third round last?`, { users: [BOT_USER] });
    const { path, body: reply } = await h.fake.replyTo(messageId);
    expect(path).toBe(`/channels/${CHANNEL_ID}/messages`);
    expect(reply.message_reference.message_id).toBe(messageId);
    expect(reply.embeds[0].title).toBe('How long did the third round last?');
    expect(reply.embeds[0].description).toContain('The third round lasted about 40 minutes.');
    expect(reply.embeds[0].fields[0].value).toContain('(https://example.com/third)');
  });

  it('answers a direct message the same way', async () => {
    const messageId = h.fake.directMessage(h.fake.newMember(), 'How long did the second round last?');
    const { path, body: reply } = await h.fake.replyTo(messageId);
    expect(path).toBe(`/channels/${DM_CHANNEL_ID}/messages`);
    expect(reply.embeds[0].description).toBe('The second round lasted a little over an hour.');
  });

  it('leaves alone channel messages that do not mention it, and messages from bots', async () => {
    const member = h.fake.newMember();
    const chatter = h.fake.post(member, 'How long did the third round last?');
    const fromBot = h.fake.post(h.fake.newMember({ bot: true }), `<@${BOT_ID}> How long did the third round last?`, { users: [BOT_USER] });
    // Events are handled in order: once the last one is answered, the earlier ones were seen.
    await h.fake.replyTo(h.fake.post(member, `<@${BOT_ID}> How long did the second round last?`, { users: [BOT_USER] }));
    expect(h.fake.repliesTo(chatter)).toEqual([]);
    expect(h.fake.repliesTo(fromBot)).toEqual([]);
  });
});

describe('mentions in questions', () => {
  const loud = `@everyone <@&900000000000000099> <@800000000000000555> How long did the third round last?`;

  it('never pings anyone from /ask, even when the question says @everyone or names a role or a member', async () => {
    const reply = await h.fake.callbackFor(h.fake.slash(h.fake.newMember(), 'ask', askOptions(loud)));
    expect(reply.data.allowed_mentions).toEqual(NOBODY);
    expect(reply.data.embeds[0].description).toContain('40 minutes');
  });

  it('never pings anyone from a mention reply either, not even the member it replies to', async () => {
    const messageId = h.fake.post(h.fake.newMember(), `<@${BOT_ID}> ${loud}`, {
      users: [BOT_USER, { id: '800000000000000555', username: 'someone', discriminator: '0', avatar: null }],
      roles: ['900000000000000099'],
      everyone: true,
    });
    const { body: reply } = await h.fake.replyTo(messageId);
    expect(reply.allowed_mentions).toEqual(NOBODY);
  });
});
