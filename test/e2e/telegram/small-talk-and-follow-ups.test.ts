// Small talk and follow-ups, end to end: the real adapter against the fake Bot API, on a base whose
// vocabulary knows small talk, follow-up words and names.
import { afterEach, describe, expect, it } from 'vitest';
import { BotCore, MESSAGES, MemoryRateLimiter } from '../../../src/index.js';
import { baseOf } from '../../helpers.js';
import { CHAT_VOCABULARY, LEADERS, ROUNDS } from '../../talks-base.js';
import { FAKE_BOT, type ApiCall } from './fake-telegram.js';
import { ALICE, BORIS, GROUP, groupText, privateText, startBot, stopBots } from './harness.js';

afterEach(stopBots);

const base = baseOf([...ROUNDS, ...LEADERS], CHAT_VOCABULARY);
const BOT_MESSAGE = { message_id: 1, date: 0, chat: GROUP, from: FAKE_BOT, text: 'The second round was held at Ciragan Palace.' };

/** The id of the message an update carries. */
const idOf = (update: object) => (update as { message: { message_id: number } }).message.message_id;
/** The bot's reply to a group message. */
const replyTo = (messageId: number) => (c: ApiCall) => (c.body.reply_parameters as { message_id?: number } | undefined)?.message_id === messageId;

describe('the Telegram bot at small talk', () => {
  it('answers "hi", "thanks!" and "help" in a private chat with its one line each, and no buttons', async () => {
    const { fake, adapter } = await startBot({ base });
    for (const text of ['hi', 'thanks!', 'help']) fake.push(privateText(text));
    await fake.waitFor('sendMessage', (c) => c.body.text === MESSAGES.smallTalk.help);
    await adapter.stop();

    const sent = fake.callsTo('sendMessage');
    expect(sent.map((c) => c.body.text)).toEqual([MESSAGES.smallTalk.greeting, MESSAGES.smallTalk.thanks, MESSAGES.smallTalk.help]);
    for (const call of sent) expect(call.body.reply_markup).toBeUndefined();
  });

  it('counts no small talk against the rate limit, and logs none of it as a question', async () => {
    const { fake, adapter, records } = await startBot({ base, limiter: new MemoryRateLimiter(2, 60_000) });
    for (const text of ['hi', 'thanks!', 'help', '?', 'ok']) fake.push(privateText(text));
    fake.push(privateText('When was the first round?'));
    fake.push(privateText('When was the second round?'));
    await fake.waitFor('sendMessage', (c) => String(c.body.text).includes('2 June 2025'));
    await adapter.stop();

    const texts = fake.callsTo('sendMessage').map((c) => c.body.text as string);
    expect(texts.slice(0, 5)).toEqual([MESSAGES.smallTalk.greeting, MESSAGES.smallTalk.thanks, MESSAGES.smallTalk.help, MESSAGES.smallTalk.help, MESSAGES.smallTalk.ack]);
    expect(texts.slice(5)).toEqual([expect.stringContaining('16 May 2025'), expect.stringContaining('2 June 2025')]);
    expect(texts).not.toContain(MESSAGES.slowDown);
    expect((await records('questions.jsonl')).map((r) => r.factId)).toEqual(['round-one-date', 'round-two-date']);
  });

  it('in a group, says nothing to a "thanks" or an "ok" in reply to it, but greets back', async () => {
    const { fake, adapter } = await startBot({ base });
    const thanks = fake.push(groupText('thanks!', { replyTo: BOT_MESSAGE }));
    const ok = fake.push(groupText('ok', { replyTo: BOT_MESSAGE, from: BORIS }));
    const hi = fake.push(groupText('@IstanbulTalksBot hi'));
    const question = fake.push(groupText('@IstanbulTalksBot When was the first round?', { from: BORIS }));
    await fake.waitFor('sendMessage', replyTo(idOf(question)));
    await fake.waitFor('sendMessage', replyTo(idOf(hi)));
    await adapter.stop();

    expect(fake.callsTo('sendMessage').filter(replyTo(idOf(thanks)))).toEqual([]);
    expect(fake.callsTo('sendMessage').filter(replyTo(idOf(ok)))).toEqual([]);
    expect(fake.callsTo('sendMessage').find(replyTo(idOf(hi)))?.body.text).toBe(MESSAGES.smallTalk.greeting);
    expect(fake.callsTo('sendMessage')).toHaveLength(2);
  });
});

describe('the Telegram bot following a conversation', () => {
  it('reads a follow-up in a private chat with the question before it', async () => {
    // The premise: on its own, "where was it held?" gets the first round's venue.
    expect(new BotCore(base).answer('where was it held?').text).toContain('Dolmabahce Palace');
    const { fake } = await startBot({ base });
    fake.push(privateText('When was the second round?'));
    const first = await fake.waitFor('sendMessage');
    fake.push(privateText('where was it held?'));
    const followUp = await fake.waitFor('sendMessage', (c) => c !== first);
    expect(followUp.body.text).toContain('The second round was held at Ciragan Palace.');
  });

  it('in a group, reads a member’s follow-up with that member’s question, never with another member’s', async () => {
    const { fake } = await startBot({ base });
    const FOLLOW_UP = 'what did he say after the talks?';
    const alone = new BotCore(base).answer(FOLLOW_UP);
    // The premise: on its own, the follow-up is not about Medinsky.
    expect(alone).toMatchObject({ kind: 'answer' });
    expect(alone.text).not.toContain('Medinsky');

    const asked = fake.push(groupText('@IstanbulTalksBot Who led the Russian delegation?'));
    expect((await fake.waitFor('sendMessage', replyTo(idOf(asked)))).body.text).toContain('Medinsky led the Russian delegation');
    const boris = fake.push(groupText(`@IstanbulTalksBot ${FOLLOW_UP}`, { from: BORIS }));
    const alice = fake.push(groupText(`@IstanbulTalksBot ${FOLLOW_UP}`, { from: ALICE }));

    expect((await fake.waitFor('sendMessage', replyTo(idOf(alice)))).body.text).toContain('Medinsky said Russia was satisfied.');
    const toBoris = (await fake.waitFor('sendMessage', replyTo(idOf(boris)))).body.text;
    expect(toBoris).toContain(alone.text);
    expect(toBoris).not.toContain('Medinsky');
  });
});
