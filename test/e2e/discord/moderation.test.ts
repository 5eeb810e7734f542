// Moderator commands end to end: /fact and /kb, and the add/edit form, through the real discord.js
// against the fake Discord, writing to a private copy of the fixture knowledge.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DIALOGUE_MESSAGES, MESSAGES, MOD_MESSAGES, MemoryRateLimiter, moderatorText } from '../../../src/index.js';
import { loadBase } from '../../helpers.js';
import { EPHEMERAL, MANAGE_GUILD, MODAL, MODERATOR_ROLE, type Member, type SentInteraction } from './fake-discord.js';
import { askOptions, modMessage, modReply, run, startHarness, submitAndSave, type Harness } from './harness.js';

const REPLY = 4;
const DEFERRED = 5;
const AUTOCOMPLETE_RESULT = 8;
const WARN = 40;
const FACTS_FILE = 'facts/rounds.yaml';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The bot with moderation on; the configured moderator role is named, as a server admin would. */
async function start(options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  h = await startHarness({ moderation: {}, env: { DISCORD_MODERATOR_ROLE: MODERATOR_ROLE.name }, ...options });
  return h;
}

/** A member with the Manage Server permission. */
function serverManager(bot: Harness): Member {
  const member = bot.fake.newMember();
  bot.fake.grant(member, { permissions: MANAGE_GUILD });
  return member;
}

/** A member with the configured moderator role and no special permission. */
function roleModerator(bot: Harness): Member {
  const member = bot.fake.newMember();
  bot.fake.grant(member, { roles: [MODERATOR_ROLE.id] });
  return member;
}

/** A subcommand as Discord sends it: type 1, holding its options (3: string, 4: integer). */


/** The bot's private one-line answer that a command will not run (not set up, slow down, not a moderator). */
async function refusal(bot: Harness, sent: SentInteraction): Promise<string> {
  const callback = await bot.fake.callbackFor(sent);
  expect(callback).toMatchObject({ type: REPLY, data: { flags: EPHEMERAL } });
  return callback.data.content;
}

/** What a member gets for /ask: the answer's embed. */
async function answerTo(bot: Harness, question: string) {
  const reply = await bot.fake.callbackFor(bot.fake.slash(bot.fake.newMember(), 'ask', askOptions(question)));
  return reply.data.embeds[0];
}

/** What Discord sends back from a form the bot showed: every input, as shown, with `changes` typed in. */
function filledIn(modal: { components: { component: { custom_id: string; value?: string } }[] }, changes: Record<string, string> = {}) {
  return Object.fromEntries(modal.components.map(({ component }) => [component.custom_id, changes[component.custom_id] ?? component.value ?? '']));
}

const NEW_FACT = {
  questions: 'Who chaired the fourth round?\nWho led the fourth meeting\nChair of the fourth round talks',
  answer: 'Türkiye’s foreign minister chaired the fourth round.',
  asof: '2025-12-02',
  url: 'https://example.com/fourth',
  source: 'Fourth round report | Example News | 2025-12-02',
};

describe('moderator commands on Discord', () => {
  it('answers each moderator in their Discord client’s language: Russian reports, form, preview, buttons and save; a Ukrainian refusal', async () => {
    const bot = await start();
    const olga = serverManager(bot);
    bot.fake.speaks(olga, 'ru');
    const ru = moderatorText('ru');
    const status = await modReply(bot, run(bot, olga, 'kb', 'status'));
    expect(status).toContain(ru.mod.statusFacts(4, 3, 4));
    expect(status).toContain(ru.mod.statusNoChanges);

    const form = await bot.fake.callbackFor(run(bot, olga, 'fact', 'add'));
    expect(form).toMatchObject({ type: MODAL, data: { custom_id: 'fact:add', title: ru.mod.discordForm.addTitle } });
    expect(form.data.components.map((c: { label: string }) => c.label)).toEqual([
      ru.mod.discordForm.questions,
      ru.mod.discordForm.answer,
      ru.mod.discordForm.asOf,
      ru.mod.discordForm.url,
      ru.mod.discordForm.details,
    ]);
    const preview = await modMessage(bot, bot.fake.submitModal(olga, form.data.custom_id, filledIn(form.data, { ...NEW_FACT, source: 'Fourth round report | Example News | 2 December' })));
    expect(preview.content).toBe(ru.dialogue.previewLead('add', 'who-chaired-the-fourth-round'));
    expect(preview.embeds[0].description).toContain(ru.dialogue.notTakenForm);
    expect(preview.components[0].components.map((b: { label: string }) => b.label)).toEqual([
      ru.mod.discordForm.save,
      ru.mod.discordForm.change,
      ru.mod.discordForm.more,
      ru.mod.discordForm.cancel,
    ]);
    const fixed = await modMessage(bot, bot.fake.submitModal(olga, 'fact:draft', NEW_FACT));
    expect(fixed.content).toBe(ru.dialogue.previewLead('add', 'who-chaired-the-fourth-round'));
    expect(await modReply(bot, bot.fake.press(olga, 'fact:save', { flags: EPHEMERAL }))).toBe(ru.mod.added('who-chaired-the-fourth-round'));
    const history = await modReply(bot, run(bot, olga, 'kb', 'history', { id: 'who-chaired-the-fourth-round' }));
    expect(history).toContain(ru.mod.historyLead('who-chaired-the-fourth-round'));
    expect(history).toContain(`(discord) — ${ru.mod.actionNames.add} who-chaired-the-fourth-round`);

    const taras = bot.fake.newMember();
    bot.fake.speaks(taras, 'uk');
    expect(await refusal(bot, run(bot, taras, 'kb', 'status'))).toBe(moderatorText('uk').mod.notModerator);
    // A client in English, or in a language the bot does not speak, reads English.
    const emma = serverManager(bot);
    bot.fake.speaks(emma, 'de');
    expect(await modReply(bot, run(bot, emma, 'kb', 'status'))).toContain(MOD_MESSAGES.statusFacts(5, 4, 5));
  });

  it('lets a moderator add a fact through /fact add and its form, previewed before it is saved, and a member’s next /ask gets it with its link', async () => {
    const bot = await start();
    const alice = serverManager(bot);
    const form = await bot.fake.callbackFor(run(bot, alice, 'fact', 'add'));
    expect(form).toMatchObject({ type: MODAL, data: { custom_id: 'fact:add' } });

    const preview = await modMessage(bot, bot.fake.submitModal(alice, form.data.custom_id, filledIn(form.data, NEW_FACT)));
    expect(preview.content).toBe(DIALOGUE_MESSAGES.previewLead('add', 'who-chaired-the-fourth-round'));
    // The answer as members will see it, then what else the fact holds.
    expect(preview.embeds[0].description).toBe(NEW_FACT.answer);
    expect(preview.embeds[0].fields[0].value).toContain('[1] [Fourth round report — Example News, 2 December 2025](https://example.com/fourth)');
    expect(preview.embeds[1].description).toContain('round: —');
    expect(preview.components[0].components.map((b: { custom_id: string }) => b.custom_id)).toEqual(['fact:save', 'fact:change', 'fact:more', 'fact:cancel']);
    expect((await loadBase(bot.knowledgeDir)).facts.map((f) => f.id)).not.toContain('who-chaired-the-fourth-round');

    expect(await modReply(bot, bot.fake.press(alice, 'fact:save', { flags: EPHEMERAL }))).toBe(MOD_MESSAGES.added('who-chaired-the-fourth-round'));
    const answer = await answerTo(bot, 'Who chaired the fourth round?');
    expect(answer.description).toBe('Türkiye’s foreign minister chaired the fourth round.');
    expect(answer.fields[0].value).toContain('[1] [Fourth round report — Example News, 2 December 2025](https://example.com/fourth)');
    expect((await loadBase(bot.knowledgeDir)).facts.map((f) => f.id)).toContain('who-chaired-the-fourth-round');
  });

  it('keeps every field of a form with a mistake, reopens it as typed, and takes round, tags and caveat from a second form', async () => {
    const bot = await start();
    const alice = serverManager(bot);
    const typed = { ...NEW_FACT, url: 'example.com/fourth', asof: '2 December' };
    const refused = await modMessage(bot, bot.fake.submitModal(alice, 'fact:add', typed));
    const notice = refused.embeds[0].description;
    expect(notice).toContain(DIALOGUE_MESSAGES.notTakenForm);
    expect(notice).toContain('sources[0].url: must be a URL (http or https)');
    expect(notice).toContain('asOf: must be a date written YYYY-MM-DD');
    expect(refused.components[0].components[0]).toMatchObject({ custom_id: 'fact:save', disabled: true });

    // "Change the form": the same form, every input as it was typed.
    const again = await bot.fake.callbackFor(bot.fake.press(alice, 'fact:change', { flags: EPHEMERAL }));
    expect(again).toMatchObject({ type: MODAL, data: { custom_id: 'fact:draft' } });
    expect(filledIn(again.data)).toEqual(typed);
    const fixed = await modMessage(bot, bot.fake.submitModal(alice, 'fact:draft', filledIn(again.data, { url: NEW_FACT.url, asof: NEW_FACT.asof })));
    expect(fixed.components[0].components[0]).not.toHaveProperty('disabled');

    // "Round, tags, caveat": a second form, then the preview again.
    const more = await bot.fake.callbackFor(bot.fake.press(alice, 'fact:more', { flags: EPHEMERAL }));
    expect(more).toMatchObject({ type: MODAL, data: { custom_id: 'fact:more' } });
    const withRound = await modMessage(bot, bot.fake.submitModal(alice, 'fact:more', { round: '4', tags: 'fourth-round, chair', caveat: '' }));
    expect(withRound.embeds.at(-1).description).toContain('round: 4');
    expect(await modReply(bot, bot.fake.press(alice, 'fact:save', { flags: EPHEMERAL }))).toBe(MOD_MESSAGES.added('who-chaired-the-fourth-round'));
    expect((await loadBase(bot.knowledgeDir)).facts.find((f) => f.id === 'who-chaired-the-fourth-round')).toMatchObject({ round: 4, tags: ['fourth-round', 'chair'], asOf: '2025-12-02' });
    // The draft is closed: a stale button says so.
    expect(await modReply(bot, bot.fake.press(alice, 'fact:save', { flags: EPHEMERAL }))).toBe(MOD_MESSAGES.discordForm.draftGone);
  });

  it('cancels a draft from its preview, saving nothing', async () => {
    const bot = await start();
    const alice = serverManager(bot);
    await modMessage(bot, bot.fake.submitModal(alice, 'fact:add', NEW_FACT));
    expect(await modReply(bot, bot.fake.press(alice, 'fact:cancel', { flags: EPHEMERAL }))).toBe(DIALOGUE_MESSAGES.cancelled);
    expect((await loadBase(bot.knowledgeDir)).facts.map((f) => f.id)).not.toContain('who-chaired-the-fourth-round');
  });

  it('politely refuses a non-moderator’s /fact retire and a forged form, logs the attempt, and changes nothing', async () => {
    const bot = await start();
    const before = await readFile(path.join(bot.knowledgeDir, FACTS_FILE), 'utf8');
    const boris = bot.fake.newMember();

    expect(await refusal(bot, run(bot, boris, 'fact', 'retire', { id: 'round-three-duration' }))).toBe(MOD_MESSAGES.notModerator);
    expect(await refusal(bot, bot.fake.submitModal(boris, 'fact:add', NEW_FACT))).toBe(MOD_MESSAGES.notModerator);
    expect(await refusal(bot, bot.fake.press(boris, 'fact:save', { flags: EPHEMERAL }))).toBe(MOD_MESSAGES.notModerator);
    expect(bot.logs).toContainEqual(
      expect.objectContaining({ level: WARN, msg: 'refused moderator command from a non-moderator', userId: boris.id, command: '/fact retire id:round-three-duration' }),
    );

    expect((await answerTo(bot, 'How long did the third round last?')).description).toContain('The third round lasted about 40 minutes.');
    expect(await readFile(path.join(bot.knowledgeDir, FACTS_FILE), 'utf8')).toBe(before);
  });

  it('refuses an invalid /fact source with a message naming the field, and keeps serving the old answer', async () => {
    const bot = await start();
    const reply = await modReply(bot, run(bot, roleModerator(bot), 'fact', 'source', { id: 'round-two-duration', url: 'not-a-url', title: 'Bad link' }));
    expect(reply).toContain(MOD_MESSAGES.invalid);
    expect(reply).toContain('sources[1].url: must be a URL');

    const answer = await answerTo(bot, 'How long did the second round last?');
    expect(answer.description).toBe('The second round lasted a little over an hour.');
    expect(JSON.stringify(answer)).not.toContain('not-a-url');
  });

  it('reports the fact base on /kb status, and declined questions and votes on /kb unanswered, privately', async () => {
    const bot = await start();
    const carol = roleModerator(bot);
    const status = await modReply(bot, run(bot, carol, 'kb', 'status'));
    expect(status).toContain(MOD_MESSAGES.statusFacts(4, 3, 4));
    expect(status).toContain(MOD_MESSAGES.statusNoChanges);

    const boris = bot.fake.newMember();
    for (let i = 0; i < 2; i += 1) await bot.fake.callbackFor(bot.fake.slash(boris, 'ask', askOptions('Who won the football match?')));
    await bot.fake.callbackFor(bot.fake.press(boris, 'fb:down:round-three-duration'));
    await vi.waitFor(async () => {
      expect(await bot.activity('questions.jsonl')).toHaveLength(2);
      expect(await bot.activity('feedback.jsonl')).toHaveLength(1);
    });

    const report = await modReply(bot, run(bot, carol, 'kb', 'unanswered', { days: 30 }));
    expect(report).toContain(MOD_MESSAGES.gapsLead(30));
    expect(report).toContain(MOD_MESSAGES.gapLine(2, 1, 'Who won the football match?'));
    expect(report).toContain(MOD_MESSAGES.ratingLine('round-three-duration', 0, 1));
  });

  it('opens /fact edit prefilled, saves the edit for members at once, and /kb history and /kb undo see it', async () => {
    const bot = await start();
    const alice = serverManager(bot);
    const form = await bot.fake.callbackFor(run(bot, alice, 'fact', 'edit', { id: 'round-two-duration' }));
    expect(form.type).toBe(MODAL);
    expect(form.data.components[1].component.value).toBe('The second round lasted a little over an hour.');

    const changes = { answer: 'The second round lasted about an hour and a quarter.' };
    const saved = await submitAndSave(bot, alice, form.data.custom_id, filledIn(form.data, changes));
    expect(saved).toBe(MOD_MESSAGES.edited('round-two-duration'));
    expect((await answerTo(bot, 'How long did the second round last?')).description).toBe(changes.answer);

    expect(await modReply(bot, run(bot, alice, 'kb', 'history', { id: 'round-two-duration' }))).toMatch(new RegExp(`${alice.username} \\(discord\\) — edit round-two-duration`));
    expect(await modReply(bot, run(bot, alice, 'kb', 'undo', { id: 'round-two-duration' }))).toBe(MOD_MESSAGES.undone('round-two-duration'));
    expect((await answerTo(bot, 'How long did the second round last?')).description).toBe('The second round lasted a little over an hour.');
  });

  it('refuses an edit from a form opened before someone else changed the fact, naming who, keeps their change, and puts the edit over it only when saved again', async () => {
    const bot = await start();
    const [alice, bob] = [serverManager(bot), roleModerator(bot)];
    const form = await bot.fake.callbackFor(run(bot, alice, 'fact', 'edit', { id: 'round-two-duration' }));
    const cited = await modReply(bot, run(bot, bob, 'fact', 'source', { id: 'round-two-duration', url: 'https://example.com/second-b', title: 'Second report, B' }));
    expect(cited).toBe(MOD_MESSAGES.sourceAdded('round-two-duration'));

    await modMessage(bot, bot.fake.submitModal(alice, form.data.custom_id, filledIn(form.data, { answer: 'Two hours.' })));
    const stale = await modMessage(bot, bot.fake.press(alice, 'fact:save', { flags: EPHEMERAL }));
    expect(stale.embeds[0].description).toContain(`was changed by ${bob.username}`);
    expect(stale.embeds[0].description).toContain(DIALOGUE_MESSAGES.rebased.slice(0, 40));
    const answer = await answerTo(bot, 'How long did the second round last?');
    expect(answer.description).toBe('The second round lasted a little over an hour.');
    expect(answer.fields[0].value).toContain('(https://example.com/second-b)');

    expect(await modReply(bot, bot.fake.press(alice, 'fact:save', { flags: EPHEMERAL }))).toBe(MOD_MESSAGES.edited('round-two-duration'));
    const edited = await answerTo(bot, 'How long did the second round last?');
    expect(edited.description).toBe('Two hours.');
    expect(edited.fields[0].value).toContain('(https://example.com/second-b)');
  });

  it('completes fact ids for moderators, and offers nobody else any', async () => {
    const bot = await start();
    const typing = (member: Member) => bot.fake.callbackFor(bot.fake.autocomplete(member, 'kb', 'id', 'round', 'history'));
    const offered = await typing(roleModerator(bot));
    expect(offered.type).toBe(AUTOCOMPLETE_RESULT);
    expect(offered.data.choices.map((c: { value: string }) => c.value)).toEqual(['round-two-duration', 'round-three-duration']);
    expect(offered.data.choices[0].name).toBe('round-two-duration — How long did the second round last?');
    expect((await typing(bot.fake.newMember())).data.choices).toEqual([]);
  });

  it('limits a moderator’s changes, never their reading, in its own words, and still answers their questions', async () => {
    const bot = await start({ moderation: { limiter: new MemoryRateLimiter(2, 60_000) } });
    const alice = serverManager(bot);
    const callbacks = await Promise.all(Array.from({ length: 4 }, () => bot.fake.callbackFor(run(bot, alice, 'kb', 'status'))));
    expect(callbacks.filter((c) => c.type === DEFERRED)).toHaveLength(4);
    expect(await modReply(bot, run(bot, alice, 'fact', 'retire', { id: 'erdogan-host' }))).toBe(MOD_MESSAGES.retired('erdogan-host'));
    expect(await modReply(bot, run(bot, alice, 'kb', 'undo', { id: 'erdogan-host' }))).toBe(MOD_MESSAGES.undone('erdogan-host'));
    expect(await modReply(bot, run(bot, alice, 'fact', 'retire', { id: 'erdogan-host' }))).toBe(MOD_MESSAGES.tooManyChanges(2));
    expect(await modReply(bot, run(bot, alice, 'fact', 'show', { id: 'erdogan-host' }))).toContain('id: erdogan-host');

    const asked = await bot.fake.callbackFor(bot.fake.slash(alice, 'ask', askOptions('How long did the third round last?')));
    expect(asked.data.embeds[0].description).toContain('40 minutes');
    expect(JSON.stringify(bot.fake.requests.map((r) => r.body))).not.toContain(MESSAGES.slowDown);
  });

  it('tells in /kb history what an undo took back', async () => {
    const bot = await start();
    const alice = serverManager(bot);
    await modReply(bot, run(bot, alice, 'fact', 'retire', { id: 'erdogan-host' }));
    await modReply(bot, run(bot, alice, 'kb', 'undo', { id: 'erdogan-host' }));
    const history = await modReply(bot, run(bot, alice, 'kb', 'history', { id: 'erdogan-host' }));
    expect(history.split('\n')[2]).toMatch(new RegExp(`— ${alice.username} \\(discord\\) — undo erdogan-host \\(took back the retire by ${alice.username} at .* UTC\\)$`));
  });

  it('says moderation is not set up when the bot runs without it', async () => {
    h = await startHarness();
    expect(await refusal(h, run(h, serverManager(h), 'kb', 'status'))).toBe(MOD_MESSAGES.moderationOff);
  });
});
