import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DIALOGUE_MESSAGES, MESSAGES, MOD_MESSAGES, MemoryRateLimiter, moderatorText } from '../../../src/index.js';
import { loadBase } from '../../helpers.js';
import { ALICE, BORIS, buttonPress, buttonsOf, GROUP, groupText, say, startBot, stopBots } from './harness.js';

afterEach(stopBots);

/** Alice moderates; Boris is a member. */
const WITH_MODERATION = { env: { MODERATOR_TELEGRAM_IDS: String(ALICE.id) }, moderation: {} };
const FACTS_FILE = 'facts/rounds.yaml';


describe('moderator commands on Telegram', () => {
  it('speaks to each moderator in their Telegram app’s language: Ukrainian reports, dialogue, keyboard, words and history; a Russian refusal', async () => {
    /** A moderator whose app is set to Ukrainian, and a member whose app is set to Russian (Telegram sends it as from.language_code). */
    const OKSANA = Object.freeze({ id: 1004, is_bot: false as const, first_name: 'Oksana', language_code: 'uk' });
    const ROMAN = Object.freeze({ id: 1005, is_bot: false as const, first_name: 'Roman', language_code: 'ru' });
    const { fake, core } = await startBot({ ...WITH_MODERATION, env: { MODERATOR_TELEGRAM_IDS: `${ALICE.id},${OKSANA.id}` } });
    const uk = moderatorText('uk');
    const keyboardOf = (text: string | undefined) => fake.callsTo('sendMessage').find((c) => c.body.text === text)?.body.reply_markup;

    const [status] = await say(fake, OKSANA, '/kb status');
    expect(status).toContain(uk.mod.statusFacts(4, 3, 4));
    expect(status).toContain(uk.mod.statusNoChanges);

    const replies = await say(fake, OKSANA, '/fact edit round-two-duration', 'залишити', 'It took about an hour.', 'залишити', 'залишити', 'залишити', 'four', '5', 'залишити');
    expect(replies[0]).toContain(uk.dialogue.stepOf(1, 7));
    expect(replies[0]).toContain(uk.dialogue.prompts.questions.split('\n')[0]);
    expect(replies[0]).toContain(uk.dialogue.keepHow);
    expect(keyboardOf(replies[0])).toEqual({ keyboard: [[{ text: 'залишити' }, { text: 'скасувати' }]], resize_keyboard: true, one_time_keyboard: true });
    expect(replies[1]).toContain(uk.dialogue.prompts.answer);
    // A round that is no number: asked again, the problem in Ukrainian.
    expect(replies[6]).toContain(uk.dialogue.notTaken);
    expect(replies[6]).toContain(`round: ${uk.dialogue.notARound}`);
    const preview = replies.at(-1);
    expect(preview).toContain(uk.dialogue.previewLead('edit', 'round-two-duration'));
    expect(preview).toContain(uk.dialogue.previewChanged(['answer', 'round']));
    expect(preview).toContain(uk.dialogue.previewHow);
    expect(keyboardOf(preview)).toEqual({ keyboard: [[{ text: 'зберегти' }, { text: 'скасувати' }]], resize_keyboard: true, one_time_keyboard: true });

    expect(await say(fake, OKSANA, 'зберегти')).toEqual([uk.mod.edited('round-two-duration')]);
    expect(core.base.facts.find((f) => f.id === 'round-two-duration')).toMatchObject({ answer: 'It took about an hour.', round: 5 });
    const [history] = await say(fake, OKSANA, '/kb history round-two-duration');
    expect(history).toContain(uk.mod.historyLead('round-two-duration'));
    expect(history).toContain(`— Oksana (telegram) — ${uk.mod.actionNames.edit} round-two-duration`);

    expect(await say(fake, ROMAN, '/fact retire round-three-duration')).toEqual([moderatorText('ru').mod.notModerator]);
    // Alice's app sends no language: English, as before.
    expect((await say(fake, ALICE, '/kb status'))[0]).toContain(MOD_MESSAGES.statusLastChange(''));
  });

  it('lets a moderator add a fact through the /fact add dialogue, each field checked as it is typed, and a member\'s next question gets it', async () => {
    const { fake, knowledgeDir } = await startBot(WITH_MODERATION);
    const replies = await say(
      fake,
      ALICE,
      '/fact add',
      'Who chaired the fourth round?\nWho led the fourth meeting | Chair of the fourth round talks',
      'Türkiye’s foreign minister chaired the fourth round.',
      'example.com/fourth', // no https://: asked again, nothing lost
      'https://example.com/fourth',
      'Fourth round report | Example News | 2 December', // a date in the wrong form
      'Fourth round report | Example News | 2025-12-02',
      '2025-12-02',
      '4',
      'fourth-round, chair',
    );
    expect(replies[0]).toContain(DIALOGUE_MESSAGES.addLead);
    expect(replies[1]).toContain(DIALOGUE_MESSAGES.prompts.answer); // the questions were taken, not answered
    expect(replies[3]).toContain(DIALOGUE_MESSAGES.notTaken);
    expect(replies[3]).toContain('sources[0].url: must be a URL (http or https)');
    expect(replies[3]).toContain(DIALOGUE_MESSAGES.prompts.url);
    expect(replies[5]).toContain('sources[0].published: must be a date written YYYY-MM-DD');
    expect(replies[6]).toContain(DIALOGUE_MESSAGES.prompts.asOf);
    expect(replies[7]).toContain(DIALOGUE_MESSAGES.prompts.round);
    // The preview: the answer as members will get it, and nothing saved yet.
    const preview = replies.at(-1) ?? '';
    expect(preview).toContain(DIALOGUE_MESSAGES.previewLead('add', 'who-chaired-the-fourth-round'));
    expect(preview).toContain('<a href="https://example.com/fourth">Fourth round report — Example News, 2 December 2025</a>');
    expect(preview).toContain('round: 4');
    expect(preview).toContain('tags: fourth-round, chair');
    const previewCall = fake.callsTo('sendMessage').find((c) => c.body.text === preview);
    expect(previewCall?.body.reply_markup).toEqual({ keyboard: [[{ text: 'save' }, { text: 'cancel' }]], resize_keyboard: true, one_time_keyboard: true });
    expect((await loadBase(knowledgeDir)).facts.map((f) => f.id)).not.toContain('who-chaired-the-fourth-round');

    const [saved] = await say(fake, ALICE, 'save');
    expect(saved).toBe(MOD_MESSAGES.added('who-chaired-the-fourth-round'));
    expect(fake.callsTo('sendMessage').find((c) => c.body.text === saved)?.body.reply_markup).toEqual({ remove_keyboard: true });

    const [answer] = await say(fake, BORIS, 'Who chaired the fourth round?');
    expect(answer).toContain('Türkiye’s foreign minister chaired the fourth round.');
    expect(answer).toContain('<a href="https://example.com/fourth">Fourth round report — Example News, 2 December 2025</a>');
    expect((await loadBase(knowledgeDir)).facts.find((f) => f.id === 'who-chaired-the-fourth-round')).toMatchObject({ round: 4, tags: ['fourth-round', 'chair'] });
  });

  it('keeps the draft when saving fails, and the moderator\'s next message goes on with it rather than being answered', async () => {
    const { fake } = await startBot(WITH_MODERATION);
    await say(fake, ALICE, '/fact add', 'Who chaired the fourth round?|Who led the fourth meeting|Chair of the fourth round talks', 'A diplomat.', 'https://example.com/fourth', 'skip', '2025-12-02', 'skip', 'skip');
    const [taken] = await say(fake, ALICE, 'id round-two-duration'); // an id another fact has
    expect(taken).toContain(DIALOGUE_MESSAGES.previewBlocked);
    expect(taken).toContain(`id: ${DIALOGUE_MESSAGES.idTaken}`);
    const [notSaved] = await say(fake, ALICE, 'save');
    expect(notSaved).toContain(DIALOGUE_MESSAGES.previewBlocked);
    const [fixed] = await say(fake, ALICE, 'id fourth-round-chair');
    expect(fixed).toContain(DIALOGUE_MESSAGES.previewLead('add', 'fourth-round-chair'));
    expect(await say(fake, ALICE, 'save')).toEqual([MOD_MESSAGES.added('fourth-round-chair')]);
  });

  it('edits one field in one message, and an edit dialogue keeps values with "keep"', async () => {
    const { fake, core } = await startBot(WITH_MODERATION);
    expect(await say(fake, ALICE, '/fact edit round-two-duration answer The second round lasted about an hour.')).toEqual([MOD_MESSAGES.edited('round-two-duration')]);
    expect(await say(fake, ALICE, '/fact edit round-two-duration asOf 2 June')).toEqual([`${MOD_MESSAGES.invalid}\n  • asOf: must be a date written YYYY-MM-DD`]);
    // A fact moved to a newer round becomes "the latest round".
    expect(await say(fake, ALICE, '/fact edit round-two-duration round 4')).toEqual([MOD_MESSAGES.edited('round-two-duration')]);
    expect(core.answer('how long was the latest round')).toMatchObject({ kind: 'answer', factId: 'round-two-duration' });

    const replies = await say(fake, ALICE, '/fact edit round-two-duration', 'keep', 'It took about an hour.', 'keep', 'keep', 'keep', 'keep', 'keep');
    expect(replies[0]).toContain('Now: How long did the second round last?');
    expect(fake.callsTo('sendMessage').find((c) => c.body.text === replies[0])?.body.reply_markup).toMatchObject({ keyboard: [[{ text: 'keep' }, { text: 'cancel' }]] });
    expect(replies.at(-1)).toContain(DIALOGUE_MESSAGES.previewChanged(['answer']));
    expect(await say(fake, ALICE, 'save')).toEqual([MOD_MESSAGES.edited('round-two-duration')]);
    expect(core.base.facts.find((f) => f.id === 'round-two-duration')).toMatchObject({ answer: 'It took about an hour.', round: 4 });
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

  it('refuses a non-moderator\'s command in a group privately, and says nothing in the group when it cannot', async () => {
    const { fake, adapter } = await startBot(WITH_MODERATION);
    fake.push(groupText('/fact show round-two-duration', { from: BORIS }));
    const refused = await fake.waitFor('sendMessage', (c) => c.body.chat_id === BORIS.id);
    expect(refused.body.text).toBe(MOD_MESSAGES.notModerator);

    const carol = { id: 1003, is_bot: false as const, first_name: 'Carol' };
    fake.refuse('sendMessage', (body) => body.chat_id === carol.id, { error_code: 403, description: 'Forbidden: bot can\'t initiate conversation with a user' });
    fake.push(groupText('/kb status', { from: carol }));
    await fake.waitFor('sendMessage', (c) => c.body.chat_id === carol.id);
    await adapter.stop(); // lets every reply finish
    expect(fake.callsTo('sendMessage').filter((c) => c.body.chat_id === GROUP.id)).toEqual([]);
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

  it('limits a moderator\'s changes, not their reading, saying so in its own words, and still answers their questions', async () => {
    const { fake } = await startBot({ ...WITH_MODERATION, moderation: { limiter: new MemoryRateLimiter(2, 60_000) } });
    for (let i = 0; i < 4; i += 1) expect((await say(fake, ALICE, '/kb status'))[0]).toContain(MOD_MESSAGES.statusNoChanges.slice(0, 10));
    expect(await say(fake, ALICE, '/fact retire erdogan-host')).toEqual([MOD_MESSAGES.retired('erdogan-host')]);
    expect(await say(fake, ALICE, '/kb undo erdogan-host')).toEqual([MOD_MESSAGES.undone('erdogan-host')]);
    expect(await say(fake, ALICE, '/fact retire erdogan-host')).toEqual([MOD_MESSAGES.tooManyChanges(2)]);
    expect(await say(fake, ALICE, '/fact show erdogan-host')).toEqual([expect.stringContaining('id: erdogan-host')]);
    expect((await say(fake, ALICE, 'How long did the third round last?'))[0]).toContain('40 minutes');
    expect(fake.callsTo('sendMessage').map((c) => c.body.text)).not.toContain(MESSAGES.slowDown);
  });

  it('answers a mistyped report command in one line, and tells in history what an undo took back', async () => {
    const { fake } = await startBot(WITH_MODERATION);
    expect(await say(fake, ALICE, '/kb unanswered 0')).toEqual([MOD_MESSAGES.badDays('0', 365)]);
    expect(await say(fake, ALICE, '/fact show')).toEqual([MOD_MESSAGES.needsId('fact show')]);
    await say(fake, ALICE, '/fact retire erdogan-host', '/kb undo erdogan-host');
    const [history] = await say(fake, ALICE, '/kb history erdogan-host');
    const lines = (history ?? '').split('\n');
    expect(lines[0]).toBe(MOD_MESSAGES.historyLead('erdogan-host'));
    expect(lines[2]).toMatch(/ — Alice \(telegram\) — undo erdogan-host \(took back the retire by Alice at \d{4}-\d\d-\d\d \d\d:\d\d UTC\)$/);
  });

  it('says moderation is not set up when the bot runs without it', async () => {
    const { fake } = await startBot({ env: WITH_MODERATION.env });
    expect(await say(fake, ALICE, '/kb status')).toEqual([MOD_MESSAGES.moderationOff]);
  });
});
