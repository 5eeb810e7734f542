import { afterEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '../../../src/index.js';
import { ALICE, BORIS, privateText, startBot, stopBots } from './harness.js';

afterEach(stopBots);

const TOO_MANY = { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } };

describe('the Telegram bot under flood limits and failures', () => {
  it('waits out a 429 for its retry_after and still delivers the reply, answering other chats meanwhile', async () => {
    const { fake } = await startBot();
    fake.failNext('sendMessage', TOO_MANY);
    fake.push(privateText('How long did the third round last?', ALICE));
    const refused = await fake.waitFor('sendMessage', (c) => c.error !== undefined);
    fake.push(privateText('How long did the second round last?', BORIS));

    const toBoris = await fake.waitFor('sendMessage', (c) => c.body.chat_id === BORIS.id);
    const toAlice = await fake.waitFor('sendMessage', (c) => c.body.chat_id === ALICE.id && c.error === undefined);
    expect(refused.error?.error_code).toBe(429);
    expect(toAlice.body.text).toContain('40 minutes');
    // A timer may fire a millisecond early; without the wait the retry would follow within a few.
    expect(toAlice.at - refused.at).toBeGreaterThanOrEqual(990);
    expect(toBoris.at).toBeLessThan(toAlice.at);
  });

  it('apologises when a reply fails, logs it, and keeps serving', async () => {
    const { fake, logs } = await startBot();
    fake.failNext('sendMessage', { error_code: 400, description: 'Bad Request: chat not found' });
    fake.push(privateText('How long did the third round last?'));
    const apology = await fake.waitFor('sendMessage', (c) => c.body.text === MESSAGES.apology);
    expect(apology.body).toMatchObject({ chat_id: ALICE.id });
    expect(logs.join('')).toContain('chat not found');

    fake.push(privateText('How long did the second round last?'));
    const next = await fake.waitFor('sendMessage', (c) => String(c.body.text).includes('second round'));
    expect(next.error).toBeUndefined();
  });

  it('apologises when the core throws while answering, logs it, and answers the next question', async () => {
    const { fake, core, logs } = await startBot();
    vi.spyOn(core, 'answer').mockImplementationOnce(() => {
      throw new Error('matcher exploded');
    });
    fake.push(privateText('How long did the third round last?'));
    const apology = await fake.waitFor('sendMessage');
    expect(apology.body).toMatchObject({ chat_id: ALICE.id, text: MESSAGES.apology });
    expect(logs.join('')).toContain('matcher exploded');

    fake.push(privateText('How long did the second round last?'));
    const next = await fake.waitFor('sendMessage', (c) => c !== apology);
    expect(next.body.text).toContain('The second round lasted a little over an hour.');
  });

  it('starts and serves when Telegram refuses its command menu, with only a warning logged', async () => {
    const { fake, logs } = await startBot({
      beforeStart: (f) => f.failNext('setMyCommands', { error_code: 400, description: 'Bad Request: BOT_COMMAND_INVALID' }),
    });
    expect(fake.callsTo('setMyCommands')[0]?.error?.error_code).toBe(400);
    const lines = logs.map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: expect.stringContaining('command menu') })]);

    fake.push(privateText('How long did the third round last?'));
    const answer = await fake.waitFor('sendMessage');
    expect(answer.body.text).toContain('40 minutes');
  });
});
