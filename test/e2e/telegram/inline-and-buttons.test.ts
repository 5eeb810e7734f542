import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES, TELEGRAM } from '../../../src/index.js';
import { ALICE, BORIS, buttonPress, buttonsOf, inlineQuery, privateText, startBot, stopBots } from './harness.js';

afterEach(stopBots);

interface Article {
  type: string;
  id: string;
  title: string;
  input_message_content: { message_text: string; parse_mode: string; link_preview_options?: { is_disabled: boolean } };
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
    expect(results[0]?.input_message_content).toMatchObject({ parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    expect(results[0]?.input_message_content.message_text).toContain('<a href="https://example.com/third">');
    expect(results[0]?.reply_markup.inline_keyboard.flat().map((b) => b.callback_data)).toContain('fb:up:round-three-duration');
  });

  it('turns link previews off in every inline article it offers', async () => {
    const { fake } = await startBot();
    fake.push(inlineQuery('third round'));
    const results = (await fake.waitFor('answerInlineQuery')).body.results as Article[];
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.input_message_content.link_preview_options).toEqual({ is_disabled: true });
  });

  it('offers the featured questions for an empty inline query while nobody has asked anything yet', async () => {
    const { fake } = await startBot();
    fake.push(inlineQuery(''));
    const answered = await fake.waitFor('answerInlineQuery');
    const results = answered.body.results as Article[];
    expect(results.map((r) => r.id)).toEqual(['erdogan-host', 'round-two-duration', 'round-three-duration']);
  });

  it('offers the most asked questions for an empty inline query, counted from the questions log it starts with', async () => {
    const asked = (factId: string | null) => ({ at: '2025-08-01T10:00:00.000Z', platform: 'telegram', user: 'abc', question: 'q', kind: factId ? 'answer' : 'declined', factId, confidence: 0.9 });
    const { fake } = await startBot({
      questionsLog: [
        asked('round-two-duration'),
        asked('round-three-duration'),
        asked('round-three-duration'),
        // Retired since: counted, but never offered.
        ...[1, 2, 3].map(() => asked('old-claim')),
        asked(null),
      ],
    });
    fake.push(inlineQuery(' '));
    const results = (await fake.waitFor('answerInlineQuery')).body.results as Article[];
    // The most asked first, then the featured ones not already offered.
    expect(results.map((r) => r.id)).toEqual(['round-three-duration', 'round-two-duration', 'erdogan-host']);
  });

  it('counts each question answered while it runs towards the most asked', async () => {
    const { fake, records } = await startBot();
    fake.push(privateText('How long did the third round last?', BORIS));
    await fake.waitFor('sendMessage');
    await vi.waitFor(async () => expect(await records('questions.jsonl')).toHaveLength(1));
    fake.push(inlineQuery(''));
    const results = (await fake.waitFor('answerInlineQuery')).body.results as Article[];
    expect(results.map((r) => r.id)).toEqual(['round-three-duration', 'erdogan-host', 'round-two-duration']);
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

  it('records a 👍 vote in the feedback log and thanks the voter', async () => {
    const { fake, adapter, records } = await startBot();
    fake.push(privateText('How long did the second round last?'));
    const answer = await fake.waitFor('sendMessage');
    fake.push(buttonPress('fb:up:round-two-duration', answer));
    const thanks = await fake.waitFor('answerCallbackQuery');
    expect(thanks.body.text).toBe(MESSAGES.feedbackThanks);
    await adapter.stop();
    expect(await records('feedback.jsonl')).toMatchObject([{ platform: 'telegram', factId: 'round-two-duration', vote: 'up' }]);
  });

  it('does not thank a voter whose vote could not be recorded: it apologises and logs why', async () => {
    const { fake, dataDir, logs } = await startBot();
    // The feedback log cannot be appended to: a folder stands where the file would be.
    await mkdir(path.join(dataDir, 'feedback.jsonl'));
    fake.push(privateText('How long did the third round last?'));
    const answer = await fake.waitFor('sendMessage');
    fake.push(buttonPress('fb:up:round-three-duration', answer));
    const reply = await fake.waitFor('answerCallbackQuery');
    expect(reply.body.text).toBe(MESSAGES.apology);
    expect(logs.join('')).toContain('Could not record Telegram feedback');
  });

  it('still answers a press on a button it no longer knows, so the button stops spinning', async () => {
    const { fake } = await startBot();
    fake.push(privateText('How long did the third round last?'));
    const answer = await fake.waitFor('sendMessage');
    const stale = fake.push(buttonPress('rate:5:round-three-duration', answer));
    const pressId = (stale.callback_query as { id: string }).id;
    const reply = await fake.waitFor('answerCallbackQuery', (c) => c.body.callback_query_id === pressId);
    expect(reply.body.text).toBe(MESSAGES.staleButton);
    expect(reply.error).toBeUndefined();
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
