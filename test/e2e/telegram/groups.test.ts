import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_BOT } from './fake-telegram.js';
import { GROUP, groupText, startBot, stopBots } from './harness.js';

afterEach(stopBots);

describe('the Telegram bot in a group', () => {
  it('stays quiet at a message that does not mention it, and answers one that does', async () => {
    const { fake, adapter } = await startBot();
    fake.push(groupText('How long did the second round last?'));
    const mention = fake.push(groupText('@IstanbulTalksBot how long did the third round last?'));
    const sent = await fake.waitFor('sendMessage');
    await adapter.stop();

    expect(sent.body.text).toContain('The third round lasted about 40 minutes.');
    expect(sent.body.reply_parameters).toMatchObject({ message_id: (mention.message as { message_id: number }).message_id });
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
  });

  it('answers a reply to one of its own messages', async () => {
    const { fake } = await startBot();
    const botMessage = { message_id: 1, date: 0, chat: GROUP, from: FAKE_BOT, text: 'The second round lasted a little over an hour.' };
    fake.push(groupText('And how long did the third round last?', { replyTo: botMessage }));
    const sent = await fake.waitFor('sendMessage');
    expect(sent.body).toMatchObject({ chat_id: GROUP.id });
    expect(sent.body.text).toContain('40 minutes');
  });

  it('ignores a mention of another bot', async () => {
    const { fake, adapter } = await startBot();
    fake.push(groupText('@SomeOtherBot how long did the third round last?'));
    fake.push(groupText('/ask@IstanbulTalksBot How long did the second round last?'));
    await fake.waitFor('sendMessage');
    await adapter.stop();
    expect(fake.callsTo('sendMessage').map((c) => c.body.text as string)).toEqual([expect.stringContaining('second round')]);
  });

  it('answers /ask with the question after the command', async () => {
    const { fake } = await startBot();
    fake.push(groupText('/ask What did Erdogan say about hosting the talks?'));
    const sent = await fake.waitFor('sendMessage');
    expect(sent.body.text).toContain('Erdoğan offered to host');
  });
});
