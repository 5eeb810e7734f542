// Announcements end to end: a change to the served fact base, made by a moderator in chat or by a
// reload, is posted to TELEGRAM_ANNOUNCE_CHAT through the real telegraf and the fake Bot API.
import { afterEach, describe, expect, it } from 'vitest';
import { ANNOUNCE, MESSAGES, MOD_MESSAGES, type FactBase } from '../../../src/index.js';
import type { Fact } from '../../../src/knowledge/schema.js';
import { loadBase } from '../../helpers.js';
import { storyBase } from '../story-base.js';
import type { ApiCall } from './fake-telegram.js';
import { ALICE, BORIS, say, startBot, stopBots, type TestBot } from './harness.js';

afterEach(stopBots);

/** A supergroup or channel the bot posts what's new to. */
const ANNOUNCE_CHAT = '-1001234567890';
const MODERATOR = { MODERATOR_TELEGRAM_IDS: String(ALICE.id) };
/** Alice moderates; what changes is announced in ANNOUNCE_CHAT. */
const ANNOUNCING = { env: { ...MODERATOR, TELEGRAM_ANNOUNCE_CHAT: ANNOUNCE_CHAT }, moderation: {}, announce: true };

const NEW_ANSWER = 'The second round lasted about an hour and a quarter.';
const SECOND_ROUND_CITATION = '<a href="https://example.com/second">Second round report — Example News, 2 June 2025</a>';


/** Everything the bot sent to the announcement chat, once every announcement asked for is done. */
async function announcements(bot: TestBot): Promise<ApiCall[]> {
  await bot.announcer?.settled();
  return bot.fake.callsTo('sendMessage').filter((c) => String(c.body.chat_id) === ANNOUNCE_CHAT);
}

/** The base with one fact changed, as a reviewed file would bring it. */
function withFact(base: FactBase, id: string, change: Partial<Fact>): FactBase {
  return { ...base, facts: base.facts.map((f) => (f.id === id ? { ...f, ...change } : f)) };
}

/** Runs the /fact edit dialogue: "keep" keeps a field; `answer` and `questions` replace theirs; then saves. */
function editLines(id: string, change: { questions?: string; answer?: string }): string[] {
  return [`/fact edit ${id}`, change.questions ?? 'keep', change.answer ?? 'keep', 'keep', 'keep', 'keep', 'keep', 'keep', 'save'];
}

describe('announcements on Telegram', () => {
  it('posts a moderator’s edit once to the announcement chat, with the new answer and its citation', async () => {
    const bot = await startBot(ANNOUNCING);
    const replies = await say(bot.fake, ALICE, ...editLines('round-two-duration', { answer: NEW_ANSWER }));
    expect(replies.at(-1)).toBe(MOD_MESSAGES.edited('round-two-duration'));

    const posted = await announcements(bot);
    expect(posted).toHaveLength(1);
    const [post] = posted;
    expect(post?.error).toBeUndefined();
    expect(post?.body).toMatchObject({ parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    expect(post?.body.text).toMatch(new RegExp(`^<i>${MESSAGES.announced('updated')}</i>`));
    expect(post?.body.text).toContain(NEW_ANSWER);
    expect(post?.body.text).not.toContain('a little over an hour');
    expect(post?.body.text).toContain(SECOND_ROUND_CITATION);
    expect(post?.body.text).toMatch(/<i>as of 2 June 2025<\/i>$/);
    // The moderator's chat gets the confirmations, not the announcement.
    expect(bot.fake.callsTo('sendMessage').filter((c) => c.body.chat_id === ALICE.id)).toHaveLength(replies.length);
  });

  it('posts a fact a moderator adds as new in the fact base', async () => {
    const bot = await startBot(ANNOUNCING);
    const replies = await say(
      bot.fake,
      ALICE,
      '/fact add',
      'Who chaired the fourth round?\nWho led the fourth meeting | Chair of the fourth round talks',
      'Türkiye’s foreign minister chaired the fourth round.',
      'https://example.com/fourth',
      'Fourth round report | Example News | 2025-12-02',
      '2025-12-02',
      'skip',
      'skip',
      'save',
    );
    expect(replies.at(-1)).toBe(MOD_MESSAGES.added('who-chaired-the-fourth-round'));

    const posted = await announcements(bot);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.body.text).toMatch(new RegExp(`^<i>${MESSAGES.announced('added')}</i>`));
    expect(posted[0]?.body.text).toContain('Türkiye’s foreign minister chaired the fourth round.');
    expect(posted[0]?.body.text).toContain('<a href="https://example.com/fourth">Fourth round report — Example News, 2 December 2025</a>');
  });

  it('posts nothing when a moderator retires a fact', async () => {
    const bot = await startBot(ANNOUNCING);
    expect(await say(bot.fake, ALICE, '/fact retire round-three-duration')).toEqual([MOD_MESSAGES.retired('round-three-duration')]);
    expect(bot.core.base.facts.find((f) => f.id === 'round-three-duration')?.status).toBe('retired');
    expect(await announcements(bot)).toEqual([]);
  });

  it('posts nothing for an edit that only changes a fact’s phrasings', async () => {
    const bot = await startBot(ANNOUNCING);
    const questions = 'How long was the second round? | Length of the June talks | Second round duration';
    const replies = await say(bot.fake, ALICE, ...editLines('round-two-duration', { questions }));
    expect(replies.at(-1)).toBe(MOD_MESSAGES.edited('round-two-duration'));
    expect(bot.core.base.facts.find((f) => f.id === 'round-two-duration')?.questions).toEqual(questions.split(' | '));
    expect(await announcements(bot)).toEqual([]);
  });

  it('posts nothing for a reload that only changes a fact’s tags, and still answers with the fact', async () => {
    const bot = await startBot(ANNOUNCING);
    bot.core.replace(withFact(bot.core.base, 'erdogan-host', { tags: ['overview', 'turkey', 'summit'] }));
    expect(await announcements(bot)).toEqual([]);
    const [answer] = await say(bot.fake, BORIS, 'What did Erdogan say about hosting the talks?');
    expect(answer).toContain('Erdoğan offered to host a leaders');
  });

  it('posts a change once when it arrives twice: saved by a moderator, then reloaded from the file it was written to', async () => {
    const bot = await startBot(ANNOUNCING);
    const [reply] = await say(bot.fake, ALICE, '/fact source round-two-duration https://example.com/second-b Second report, B');
    expect(reply).toBe(MOD_MESSAGES.sourceAdded('round-two-duration'));
    expect(await announcements(bot)).toHaveLength(1);

    // What the file watcher does when it sees the written file, and a reload of an unchanged base.
    bot.core.replace(await loadBase(bot.knowledgeDir));
    bot.core.replace(bot.core.base);
    const posted = await announcements(bot);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.body.text).toContain('<a href="https://example.com/second-b">');
  });

  it(`posts at most ${ANNOUNCE.maxPerChange} facts of one change one by one, then one line for the rest`, async () => {
    const bot = await startBot(ANNOUNCING);
    const story = storyBase();
    const active = story.facts.filter((f) => f.status === 'active');
    // A bulk reload: every fact in it is new.
    bot.core.replace(story);

    const posted = await announcements(bot);
    expect(posted).toHaveLength(ANNOUNCE.maxPerChange + 1);
    posted.slice(0, ANNOUNCE.maxPerChange).forEach((post, i) => {
      expect(post.body.text).toMatch(new RegExp(`^<i>${MESSAGES.announced('added')}</i>`));
      expect(post.body.text).toContain(active[i]?.answer);
    });
    expect(posted.at(-1)?.body.text).toBe(MESSAGES.announcedMore(active.length - ANNOUNCE.maxPerChange));
    expect(posted.map((p) => p.body.text).join('\n')).not.toContain('ceasefire');
  });

  it('posts nothing anywhere without TELEGRAM_ANNOUNCE_CHAT', async () => {
    const bot = await startBot({ env: MODERATOR, moderation: {}, announce: true });
    const replies = await say(bot.fake, ALICE, ...editLines('round-two-duration', { answer: NEW_ANSWER }));
    expect(replies.at(-1)).toBe(MOD_MESSAGES.edited('round-two-duration'));
    await bot.announcer?.settled();
    expect(bot.fake.callsTo('sendMessage').map((c) => c.body.chat_id)).toEqual(replies.map(() => ALICE.id));
  });

  it('logs an announcement Telegram refuses, and keeps answering questions with the change', async () => {
    const bot = await startBot(ANNOUNCING);
    bot.fake.refuse('sendMessage', (body) => String(body.chat_id) === ANNOUNCE_CHAT, { error_code: 400, description: 'Bad Request: chat not found' });
    const offer = 'Erdoğan offered to host a leaders’ summit, and any further round, in Istanbul.';
    bot.core.replace(withFact(bot.core.base, 'erdogan-host', { answer: offer }));

    const refused = await announcements(bot);
    expect(refused).toHaveLength(1); // a 400 is not retried
    expect(refused[0]?.error?.error_code).toBe(400);
    const logged = bot.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(expect.objectContaining({ level: 50, msg: 'could not announce a fact-base change', target: 'telegram', fact: 'erdogan-host' }));

    const [answer] = await say(bot.fake, BORIS, 'What did Erdogan say about hosting the talks?');
    expect(answer).toContain(offer);
  });

  it('can be stopped straight after it starts, and announces nothing once stopped', async () => {
    const bot = await startBot(ANNOUNCING);
    await bot.adapter.stop();
    bot.core.replace(withFact(bot.core.base, 'round-two-duration', { answer: NEW_ANSWER }));
    expect(await announcements(bot)).toEqual([]);
  });
});
