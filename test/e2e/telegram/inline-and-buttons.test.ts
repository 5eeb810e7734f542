import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGES, TELEGRAM } from '../../../src/index.js';
import { ALICE, buttonPress, buttonsOf, inlineQuery, privateText, startBot, stopBots } from './harness.js';

afterEach(stopBots);

interface Article {
  type: string;
  id: string;
  title: string;
  input_message_content: { message_text: string; parse_mode: string };
  reply_markup: { inline_keyboard: { callback_data: string }[][] };
}

describe('the Telegram bot inline and with buttons', () => {
  it('offers inline answers as articles, each with its citations and vote buttons', async () => {
    const { fake } = await startBot();
    fake.push(inlineQuery('How long did the third round last?'));
    const answered = await fake.waitFor('answerInlineQuery');

    const results = answered.body.results as Article[];
    expect(answered.error).toBeUndefined();
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(TELEGRAM.inlineResults);
    expect(results[0]).toMatchObject({ type: 'article', id: 'round-three-duration', title: 'How long did the third round last?' });
    expect(results[0]?.input_message_content).toMatchObject({ parse_mode: 'HTML' });
    expect(results[0]?.input_message_content.message_text).toContain('<a href="https://example.com/third">');
    expect(results[0]?.reply_markup.inline_keyboard.flat().map((b) => b.callback_data)).toContain('fb:up:round-three-duration');
  });

  it('offers the featured questions for an empty inline query', async () => {
    const { fake } = await startBot();
    fake.push(inlineQuery(''));
    const answered = await fake.waitFor('answerInlineQuery');
    const results = answered.body.results as Article[];
    expect(results.map((r) => r.id)).toEqual(['erdogan-host', 'round-two-duration', 'round-three-duration']);
  });

  it('offers "did you mean" buttons and answers the one pressed', async () => {
    const { fake } = await startBot();
    fake.push(privateText('second round press venue'));
    const didYouMean = await fake.waitFor('sendMessage');
    expect(didYouMean.body.text).toContain(MESSAGES.ambiguous);
    const buttons = buttonsOf(didYouMean);
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.length).toBeLessThanOrEqual(3);
    expect(buttons).toContain('ask:round-two-duration');

    const press = fake.push(buttonPress('ask:round-two-duration', didYouMean));
    const answer = await fake.waitFor('sendMessage', (c) => c !== didYouMean);
    expect(answer.body).toMatchObject({ chat_id: ALICE.id });
    expect(answer.body.text).toContain('The second round lasted a little over an hour.');
    const pressId = (press.callback_query as { id: string }).id;
    await fake.waitFor('answerCallbackQuery', (c) => c.body.callback_query_id === pressId);
  });

  it('records a 👎 vote in the feedback log and thanks the voter', async () => {
    const { fake, adapter, records } = await startBot();
    fake.push(privateText('How long did the third round last?'));
    const answer = await fake.waitFor('sendMessage');
    fake.push(buttonPress('fb:down:round-three-duration', answer));
    const thanks = await fake.waitFor('answerCallbackQuery');
    expect(thanks.body.text).toBe(MESSAGES.feedbackThanks);
    await adapter.stop();
    expect(await records('feedback.jsonl')).toMatchObject([{ platform: 'telegram', factId: 'round-three-duration', vote: 'down' }]);
  });
});
