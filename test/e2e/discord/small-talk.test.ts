// Small talk and pressed suggestions whose fact has gone, end to end: the real discord.js against
// the fake Discord, on a base whose vocabulary knows small talk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotCore, MESSAGES, MemoryRateLimiter } from '../../../src/index.js';
import { baseOf } from '../../helpers.js';
import { CHAT_VOCABULARY, LEADERS, ROUNDS } from '../../talks-base.js';
import { BOT_ID, BOT_USER, EPHEMERAL, type Member } from './fake-discord.js';
import { askOptions, startHarness, type Harness } from './harness.js';

const base = baseOf([...ROUNDS, ...LEADERS], CHAT_VOCABULARY);

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ core: new BotCore(base) });
});
afterAll(async () => {
  await h?.close();
});

/** A member's message in the server's channel that mentions the bot. */
const mention = (member: Member, text: string) => h.fake.post(member, `<@${BOT_ID}> ${text}`, { users: [BOT_USER] });

describe('small talk on Discord', () => {
  it('says nothing to a "thanks" or an "ok" that mentions it in a server, but greets back', async () => {
    const member = h.fake.newMember();
    const thanks = mention(member, 'thanks!');
    const ok = mention(member, 'ok');
    const hi = mention(member, 'hi');
    // Events are handled in order: once the last one is answered, the earlier ones were seen.
    await h.fake.replyTo(mention(member, 'When was the first round?'));
    expect((await h.fake.replyTo(hi)).body).toMatchObject({ content: MESSAGES.smallTalk.greeting, embeds: [] });
    expect(h.fake.repliesTo(thanks)).toEqual([]);
    expect(h.fake.repliesTo(ok)).toEqual([]);
  });

  it('answers "hi" and "thanks!" in a direct message with its one line, no embed and no buttons', async () => {
    const member = h.fake.newMember();
    const greeting = await h.fake.replyTo(h.fake.directMessage(member, 'hi'));
    expect(greeting.body).toMatchObject({ content: MESSAGES.smallTalk.greeting, embeds: [], components: [] });
    const thanks = await h.fake.replyTo(h.fake.directMessage(member, 'thanks!'));
    expect(thanks.body).toMatchObject({ content: MESSAGES.smallTalk.thanks, embeds: [], components: [] });
  });

  it('answers small talk in /ask privately, whatever the member chose', async () => {
    const reply = await h.fake.callbackFor(h.fake.slash(h.fake.newMember(), 'ask', askOptions('help', false)));
    expect(reply.data).toMatchObject({ content: MESSAGES.smallTalk.help, flags: EPHEMERAL });
  });

  it('counts no small talk against the rate limit', async () => {
    const limited = await startHarness({ core: new BotCore(base), limiter: new MemoryRateLimiter(1, 60_000) });
    try {
      const member = limited.fake.newMember();
      for (const text of ['hi', 'thanks!', '?']) await limited.fake.replyTo(limited.fake.directMessage(member, text));
      const answer = await limited.fake.replyTo(limited.fake.directMessage(member, 'When was the second round?'));
      expect(answer.body.embeds[0].description).toContain('The second round was on 2 June 2025.');
    } finally {
      await limited.close();
    }
  });
});

describe('a pressed suggestion on Discord', () => {
  it('tells the member privately that its fact has been retired since, even under a public message', async () => {
    const core = new BotCore(base);
    const changed = await startHarness({ core });
    try {
      const before = await changed.fake.callbackFor(changed.fake.press(changed.fake.newMember(), 'ask:round-two-venue', { flags: 0 }));
      expect(before.data.flags ?? 0).toBe(0);
      expect(before.data.embeds[0].description).toBe('The second round was held at Ciragan Palace.');
      core.replace({ ...base, facts: base.facts.map((f) => (f.id === 'round-two-venue' ? { ...f, status: 'retired' as const } : f)) });
      const reply = await changed.fake.callbackFor(changed.fake.press(changed.fake.newMember(), 'ask:round-two-venue', { flags: 0 }));
      expect(reply.data.flags).toBe(EPHEMERAL);
      expect(reply.data.embeds[0].description).toContain(MESSAGES.suggestionGone);
    } finally {
      await changed.close();
    }
  });
});
