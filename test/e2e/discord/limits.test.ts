// A very long answer with many sources, end to end: the fake Discord rejects a message over any
// embed limit with 400, as Discord does, so an answer that arrives is one Discord would accept.
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedLength } from '../../../adapters/discord/format.js';
import { BotCore, DISCORD, type Fact } from '../../../src/index.js';
import { FIXTURE_KNOWLEDGE, loadBase } from '../../helpers.js';
import { BOT_ID, BOT_USER } from './fake-discord.js';
import { askOptions, startHarness, type Harness } from './harness.js';

const SENTENCE = 'The delegations read out a long joint statement on prisoners, ceasefire terms and the next meeting. ';
const LONG: Fact = {
  id: 'joint-statement-text',
  questions: ['What did the joint statement say in full?', 'Full text of the joint statement', 'Wording of the joint statement'],
  answer: SENTENCE.repeat(55).trim(),
  sources: Array.from({ length: 8 }, (_, i) => ({
    title: `A very long headline about the joint statement read out after the talks in Istanbul, part ${i + 1}`,
    publisher: 'An Example Broadcaster With A Long Name',
    published: '2025-07-24',
    url: `https://example.com/statement/${i + 1}`,
  })),
  asOf: '2025-07-24',
  tags: [],
  status: 'active',
};

let h: Harness;
beforeAll(async () => {
  const base = await loadBase(FIXTURE_KNOWLEDGE);
  h = await startHarness({ core: new BotCore({ ...base, facts: [...base.facts, LONG] }) });
});
afterAll(async () => {
  await h?.close();
});

function expectWithinLimits(embed: APIEmbed): void {
  const description = embed.description ?? '';
  expect(LONG.answer.length).toBeGreaterThan(5000);
  expect(description.length).toBeLessThanOrEqual(DISCORD.embedDescription);
  expect(description).toMatch(/\. …$/);
  expect(LONG.answer.startsWith(description.replace(/ …$/, ''))).toBe(true);
  expect(embedLength(embed)).toBeLessThanOrEqual(DISCORD.embedTotal);
  expect(embed.fields?.map((f) => f.value).join('\n')).toContain('(https://example.com/statement/1)');
}

describe('a long answer', () => {
  it('is cut cleanly to fit Discord’s embed limits, and Discord accepts it', async () => {
    const reply = await h.fake.callbackFor(h.fake.slash(h.fake.newMember(), 'ask', askOptions('What did the joint statement say in full?')));
    expectWithinLimits(reply.data.embeds[0]);
  });

  it('fits the same way in a reply to a mention', async () => {
    const messageId = h.fake.post(h.fake.newMember(), `<@${BOT_ID}> What did the joint statement say in full?`, { users: [BOT_USER] });
    const { body } = await h.fake.replyTo(messageId);
    expectWithinLimits(body.embeds[0]);
  });
});
