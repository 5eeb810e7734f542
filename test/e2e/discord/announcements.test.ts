// Announcements end to end: a change to the served fact base, made by a moderator through /fact and
// its form or by a reload, is posted to DISCORD_ANNOUNCE_CHANNEL through the real discord.js.
import { afterEach, describe, expect, it } from 'vitest';
import { ANNOUNCE, MESSAGES, MOD_MESSAGES, type FactBase } from '../../../src/index.js';
import type { Fact } from '../../../src/knowledge/schema.js';
import { loadBase } from '../../helpers.js';
import { storyBase } from '../story-base.js';
import { MANAGE_GUILD, MODAL, NEWS_CHANNEL_ID, type Member, type RecordedRequest } from './fake-discord.js';
import { askOptions, modReply, run, startHarness, submitAndSave, type Harness } from './harness.js';

const ERROR = 50;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The bot with moderation on, announcing what changes in the server's news channel unless `env` says otherwise. */
async function start(env: Record<string, string> = { DISCORD_ANNOUNCE_CHANNEL: NEWS_CHANNEL_ID }): Promise<Harness> {
  h = await startHarness({ moderation: {}, env, announce: true });
  return h;
}

/** A member with the Manage Server permission. */
function moderator(bot: Harness): Member {
  const member = bot.fake.newMember();
  bot.fake.grant(member, { permissions: MANAGE_GUILD });
  return member;
}

/** A subcommand as Discord sends it: type 1, holding its string options. */


/** Opens /fact edit for `id`, and submits its form with `changes` typed over what it showed. */
async function editThroughForm(bot: Harness, member: Member, id: string, changes: Record<string, string>): Promise<string> {
  const form = await bot.fake.callbackFor(run(bot, member, 'fact', 'edit', { id }));
  expect(form.type).toBe(MODAL);
  const components: { component: { custom_id: string; value?: string } }[] = form.data.components;
  const values = Object.fromEntries(components.map(({ component }) => [component.custom_id, changes[component.custom_id] ?? component.value ?? '']));
  return submitAndSave(bot, member, form.data.custom_id, values);
}

/** Every message the bot posted to a channel other than where it was asked, once every announcement asked for is done. */
async function channelPosts(bot: Harness): Promise<RecordedRequest[]> {
  await bot.announcer?.settled();
  return bot.fake.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path));
}

/** The posts to the news channel. */
async function announcements(bot: Harness): Promise<RecordedRequest[]> {
  return (await channelPosts(bot)).filter((r) => r.path === `/channels/${NEWS_CHANNEL_ID}/messages`);
}

function withFact(base: FactBase, id: string, change: Partial<Fact>): FactBase {
  return { ...base, facts: base.facts.map((f) => (f.id === id ? { ...f, ...change } : f)) };
}

const NEW_ANSWER = 'The second round lasted about an hour and a quarter.';

describe('announcements on Discord', () => {
  it('posts a moderator’s edit once to the announcement channel, with the new answer and its citation', async () => {
    const bot = await start();
    expect(await editThroughForm(bot, moderator(bot), 'round-two-duration', { answer: NEW_ANSWER })).toBe(MOD_MESSAGES.edited('round-two-duration'));

    const posted = await announcements(bot);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.status).toBe(200);
    const embed = posted[0]?.body.embeds[0];
    expect(embed.description).toBe(`*${MESSAGES.announced('updated')}*\n\n${NEW_ANSWER}`);
    expect(embed.fields[0].value).toContain('[1] [Second round report — Example News, 2 June 2025](https://example.com/second)');
    expect(embed.footer.text).toBe('as of 2 June 2025');
    // Announcements ping nobody.
    expect(posted[0]?.body.allowed_mentions).toMatchObject({ parse: [] });
  });

  it('posts a fact a moderator adds as new in the fact base', async () => {
    const bot = await start();
    const alice = moderator(bot);
    const form = await bot.fake.callbackFor(run(bot, alice, 'fact', 'add'));
    const typed: Record<string, string> = {
      questions: 'Who chaired the fourth round?\nWho led the fourth meeting\nChair of the fourth round talks',
      answer: 'Türkiye’s foreign minister chaired the fourth round.',
      asof: '2025-12-02',
      url: 'https://example.com/fourth',
      source: 'Fourth round report | Example News | 2025-12-02',
    };
    const components: { component: { custom_id: string } }[] = form.data.components;
    const values = Object.fromEntries(components.map(({ component }) => [component.custom_id, typed[component.custom_id] ?? '']));
    expect(await submitAndSave(bot, alice, form.data.custom_id, values)).toBe(MOD_MESSAGES.added('who-chaired-the-fourth-round'));

    const posted = await announcements(bot);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.body.embeds[0].description).toBe(`*${MESSAGES.announced('added')}*\n\n${typed.answer}`);
    expect(posted[0]?.body.embeds[0].fields[0].value).toContain('(https://example.com/fourth)');
  });

  it('posts nothing when a moderator retires a fact', async () => {
    const bot = await start();
    expect(await modReply(bot, run(bot, moderator(bot), 'fact', 'retire', { id: 'round-three-duration' }))).toBe(MOD_MESSAGES.retired('round-three-duration'));
    expect(bot.core.base.facts.find((f) => f.id === 'round-three-duration')?.status).toBe('retired');
    expect(await channelPosts(bot)).toEqual([]);
  });

  it('posts nothing for an edit that only changes a fact’s phrasings', async () => {
    const bot = await start();
    const questions = ['How long was the second round?', 'Length of the June talks', 'Second round duration'];
    expect(await editThroughForm(bot, moderator(bot), 'round-two-duration', { questions: questions.join('\n') })).toBe(MOD_MESSAGES.edited('round-two-duration'));
    expect(bot.core.base.facts.find((f) => f.id === 'round-two-duration')?.questions).toEqual(questions);
    expect(await channelPosts(bot)).toEqual([]);
  });

  it('posts a change once when it arrives twice: saved by a moderator, then reloaded from the file it was written to', async () => {
    const bot = await start();
    const cited = await modReply(bot, run(bot, moderator(bot), 'fact', 'source', { id: 'round-two-duration', url: 'https://example.com/second-b', title: 'Second report, B' }));
    expect(cited).toBe(MOD_MESSAGES.sourceAdded('round-two-duration'));
    expect(await announcements(bot)).toHaveLength(1);

    // What the file watcher does when it sees the written file, and a reload of an unchanged base.
    bot.core.replace(await loadBase(bot.knowledgeDir));
    bot.core.replace(bot.core.base);
    const posted = await announcements(bot);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.body.embeds[0].fields[0].value).toContain('(https://example.com/second-b)');
  });

  it(`posts at most ${ANNOUNCE.maxPerChange} facts of one change one by one, then one line for the rest`, async () => {
    const bot = await start();
    const story = storyBase();
    const active = story.facts.filter((f) => f.status === 'active');
    // A bulk reload: every fact in it is new.
    bot.core.replace(story);

    const posted = await announcements(bot);
    expect(posted).toHaveLength(ANNOUNCE.maxPerChange + 1);
    posted.slice(0, ANNOUNCE.maxPerChange).forEach((post, i) => {
      expect(post.body.embeds[0].description).toBe(`*${MESSAGES.announced('added')}*\n\n${active[i]?.answer}`);
    });
    expect(posted.at(-1)?.body).toMatchObject({ content: MESSAGES.announcedMore(active.length - ANNOUNCE.maxPerChange), embeds: [] });
  });

  it('posts nothing anywhere without DISCORD_ANNOUNCE_CHANNEL', async () => {
    const bot = await start({});
    expect(await editThroughForm(bot, moderator(bot), 'round-two-duration', { answer: NEW_ANSWER })).toBe(MOD_MESSAGES.edited('round-two-duration'));
    expect(await channelPosts(bot)).toEqual([]);
  });

  it('logs an announcement Discord refuses, and keeps answering questions with the change', async () => {
    const bot = await start();
    const toNews = (r: { method: string; path: string }) => r.method === 'POST' && r.path === `/channels/${NEWS_CHANNEL_ID}/messages`;
    bot.fake.inject(toNews, { status: 403, body: { code: 50013, message: 'Missing Permissions' } });
    const offer = 'Erdoğan offered to host a leaders’ summit, and any further round, in Istanbul.';
    bot.core.replace(withFact(bot.core.base, 'erdogan-host', { answer: offer }));

    const refused = await announcements(bot);
    expect(refused.map((r) => r.status)).toEqual([403]);
    expect(bot.logs).toContainEqual(expect.objectContaining({ level: ERROR, msg: 'could not announce a fact-base change', target: 'discord', fact: 'erdogan-host' }));

    const reply = await bot.fake.callbackFor(bot.fake.slash(bot.fake.newMember(), 'ask', askOptions('What did Erdogan say about hosting the talks?')));
    expect(reply.data.embeds[0].description).toBe(offer);
  });

  it('announces nothing once stopped', async () => {
    const bot = await start();
    await bot.bot.stop();
    bot.core.replace(withFact(bot.core.base, 'round-two-duration', { answer: NEW_ANSWER }));
    expect(await channelPosts(bot)).toEqual([]);
  });
});
