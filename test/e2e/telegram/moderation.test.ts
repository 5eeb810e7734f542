import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DIALOGUE_MESSAGES, MESSAGES, MOD_MESSAGES, MemoryRateLimiter } from '../../../src/index.js';
import { loadBase } from '../../helpers.js';
import { ALICE, BORIS, buttonPress, buttonsOf, GROUP, groupText, privateText, say, startBot, stopBots } from './harness.js';

afterEach(stopBots);

/** Alice moderates; Boris is a member. */
const WITH_MODERATION = { env: { MODERATOR_TELEGRAM_IDS: String(ALICE.id) }, moderation: {} };
const FACTS_FILE = 'facts/rounds.yaml';


describe('moderator commands on Telegram', () => {
  it('lets a moderator add a fact through the /fact add dialogue, and a member\'s next question gets it', async () => {
    const { fake, knowledgeDir } = await startBot(WITH_MODERATION);
    const replies = await say(
      fake,
      ALICE,
      '/fact add',
      'Who chaired the fourth round?\nWho led the fourth meeting | Chair of the fourth round talks',
      'Türkiye’s foreign minister chaired the fourth round.',
      'https://example.com/fourth',
      'Fourth round report',
      'Example News',
      '2025-12-02',
      '2025-12-02',
    );
    expect(replies[0]).toContain(DIALOGUE_MESSAGES.addLead);
    expect(replies[1]).toBe(DIALOGUE_MESSAGES.prompts.answer); // the questions were taken, not answered
    expect(replies.at(-1)).toBe(MOD_MESSAGES.added('who-chaired-the-fourth-round'));

    const [answer] = await say(fake, BORIS, 'Who chaired the fourth round?');
    expect(answer).toContain('Türkiye’s foreign minister chaired the fourth round.');
    expect(answer).toContain('<a href="https://example.com/fourth">Fourth round report — Example News, 2 December 2025</a>');
    expect((await loadBase(knowledgeDir)).facts.map((f) => f.id)).toContain('who-chaired-the-fourth-round');
  });

  it('politely refuses a non-moderator\'s /fact retire, logs the attempt, and changes nothing', async () => {
    const { fake, knowledgeDir, logs } = await startBot(WITH_MODERATION);
    const before = await readFile(path.join(knowledgeDir, FACTS_FILE), 'utf8');

    expect(await say(fake, BORIS, '/fact retire round-three-duration')).toEqual([MOD_MESSAGES.notModerator]);
    const refusal = logs.map((line) => JSON.parse(line) as Record<string, unknown>).find((l) => l.msg === 'refused moderator command from a non-moderator');
    expect(refusal).toMatchObject({ level: 40, userId: BORIS.id, command: '/fact retire round-three-duration' });

    const [answer] = await say(fake, BORIS, 'How long did the third round last?');
    expect(answer).toContain('The third round lasted about 40 minutes.');
    expect(await readFile(path.join(knowledgeDir, FACTS_FILE), 'utf8')).toBe(before);
  });

  it('refuses an invalid edit with a message naming the field, and keeps serving the old answer', async () => {
    const { fake } = await startBot(WITH_MODERATION);
    const [refusal] = await say(fake, ALICE, '/fact source round-two-duration not-a-url');
    expect(refusal).toContain(MOD_MESSAGES.invalid);
    expect(refusal).toContain('sources[1].url: must be a URL');

    const [answer] = await say(fake, BORIS, 'How long did the second round last?');
    expect(answer).toContain('The second round lasted a little over an hour.');
    expect(answer).not.toContain('not-a-url');
  });

  it('reports the fact base on /kb status, and the declined questions and votes on /kb unanswered', async () => {
    const { fake, records } = await startBot(WITH_MODERATION);
    const [status] = await say(fake, ALICE, '/kb status');
    expect(status).toContain(MOD_MESSAGES.statusFacts(4, 3, 4));
    expect(status).toContain(MOD_MESSAGES.statusNoChanges);

    const [answer] = await say(fake, BORIS, 'How long did the third round last?');
    const answered = fake.callsTo('sendMessage').find((c) => c.body.text === answer);
    fake.push(buttonPress(buttonsOf(answered!)[1]!, answered!, BORIS)); // 👎
    await say(fake, BORIS, 'Who won the football match?', 'Who won the football match?');
    await vi.waitFor(async () => {
      expect(await records('questions.jsonl')).toHaveLength(3);
      expect(await records('feedback.jsonl')).toHaveLength(1);
    });

    const [report] = await say(fake, ALICE, '/kb unanswered 30');
    expect(report).toContain(MOD_MESSAGES.gapsLead(30));
    expect(report).toContain(MOD_MESSAGES.gapLine(2, 1, 'Who won the football match?'));
    expect(report).toContain(MOD_MESSAGES.ratingLine('round-three-duration', 0, 1));
  });

  it('sends a moderator in a group to a private chat, without opening a dialogue there', async () => {
    const { fake } = await startBot(WITH_MODERATION);
    fake.push(groupText('/fact add', { from: ALICE }));
    const sent = await fake.waitFor('sendMessage');
    expect(sent.body).toMatchObject({ chat_id: GROUP.id });
    expect(sent.body.text).toBe(MOD_MESSAGES.telegramPrivateOnly('IstanbulTalksBot'));

    const [answer] = await say(fake, ALICE, 'How long did the third round last?');
    expect(answer).toContain('The third round lasted about 40 minutes.');
  });

  it('asks a moderator who runs commands too fast to slow down once, then stays quiet, and still answers questions', async () => {
    const { fake, adapter } = await startBot({ ...WITH_MODERATION, moderation: { limiter: new MemoryRateLimiter(2, 60_000) } });
    for (let i = 0; i < 4; i += 1) fake.push(privateText('/kb status', ALICE));
    fake.push(privateText('How long did the third round last?', ALICE));
    await fake.waitFor('sendMessage', (c) => String(c.body.text).includes('40 minutes'));
    await adapter.stop(); // lets every command's reply finish

    const texts = fake.callsTo('sendMessage').map((c) => c.body.text as string);
    expect(texts.filter((t) => t.includes(MOD_MESSAGES.statusNoChanges))).toHaveLength(2);
    expect(texts.filter((t) => t === MESSAGES.slowDown)).toHaveLength(1);
    expect(texts).toHaveLength(4);
  });

  it('says moderation is not set up when the bot runs without it', async () => {
    const { fake } = await startBot({ env: WITH_MODERATION.env });
    expect(await say(fake, ALICE, '/kb status')).toEqual([MOD_MESSAGES.moderationOff]);
  });
});
