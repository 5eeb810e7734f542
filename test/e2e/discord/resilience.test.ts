// Failures, end to end: Discord answering with errors or rate limits, the core throwing, members
// flooding. In every case the member hears something, the failure is logged, and the bot goes on.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MESSAGES, MemoryRateLimiter } from '../../../src/index.js';
import { BOT_ID, BOT_USER, EPHEMERAL, type RecordedRequest, type SentInteraction } from './fake-discord.js';
import { askOptions, PINO_ERROR, startHarness, type Harness } from './harness.js';

const QUESTIONS_PER_MINUTE = 3;
const QUESTION = 'How long did the third round last?';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ limiter: new MemoryRateLimiter(QUESTIONS_PER_MINUTE) });
});
afterAll(async () => {
  await h?.close();
});

const isCallbackOf = (sent: SentInteraction) => (r: Pick<RecordedRequest, 'path'>) => r.path === `/interactions/${sent.id}/${sent.token}/callback`;

async function expectStillServing(): Promise<void> {
  const reply = await h.fake.callbackFor(h.fake.slash(h.fake.newMember(), 'ask', askOptions(QUESTION)));
  expect(reply.data.embeds[0].description).toContain('40 minutes');
}

describe('when Discord fails', () => {
  it('apologises privately when Discord keeps failing the answer with 500, logs it, and keeps serving others', async () => {
    const sent = h.fake.slash(h.fake.newMember(), 'ask', askOptions(QUESTION));
    // Every attempt at the answer (discord.js retries a 5xx) fails; the short apology gets through.
    h.fake.inject((r) => isCallbackOf(sent)(r) && r.body?.data?.embeds?.length > 0, { status: 500, body: { message: 'Internal Server Error', code: 0 } }, Infinity);
    const reply = await h.fake.callbackFor(sent);
    expect(reply.data).toMatchObject({ content: MESSAGES.apology, flags: EPHEMERAL });
    expect(h.fake.callbacksTo(sent).filter((r) => r.status === 500).length).toBeGreaterThan(0);
    expect(h.logs).toContainEqual(expect.objectContaining({ level: PINO_ERROR, msg: 'Discord interaction failed', interactionId: sent.id, command: 'ask' }));
    await expectStillServing();
  });

  it('waits out a 429 with retry_after on the answer, then delivers it', async () => {
    const sent = h.fake.slash(h.fake.newMember(), 'ask', askOptions(QUESTION));
    h.fake.rateLimit(isCallbackOf(sent), 0.3);
    const reply = await h.fake.callbackFor(sent);
    expect(reply.data.embeds[0].description).toContain('40 minutes');
    const [limited, delivered] = h.fake.callbacksTo(sent);
    expect(limited?.status).toBe(429);
    expect(delivered?.status).toBe(204);
    expect((delivered?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(300);
    expect(h.logs.filter((l) => l.level >= PINO_ERROR && l.interactionId === sent.id)).toEqual([]);
  });

  it('waits out a 429 on a reply to a mention, then delivers it', async () => {
    const messageId = h.fake.post(h.fake.newMember(), `<@${BOT_ID}> ${QUESTION}`, { users: [BOT_USER] });
    h.fake.rateLimit((r) => r.body?.message_reference?.message_id === messageId, 0.3);
    const { body: reply } = await h.fake.replyTo(messageId);
    expect(reply.embeds[0].description).toContain('40 minutes');
    expect(h.fake.repliesTo(messageId).map((r) => r.status)).toEqual([429, 200]);
  });
});

describe('when the bot itself fails', () => {
  it('apologises privately when the core throws, and logs the failure with its context', async () => {
    vi.spyOn(h.core, 'answer').mockImplementationOnce(() => {
      throw new Error('matcher exploded');
    });
    const sent = h.fake.slash(h.fake.newMember(), 'ask', askOptions(QUESTION));
    const reply = await h.fake.callbackFor(sent);
    expect(reply.data).toMatchObject({ content: MESSAGES.apology, flags: EPHEMERAL });
    const logged = h.logs.find((l) => l.interactionId === sent.id);
    expect(logged).toMatchObject({ level: PINO_ERROR, command: 'ask', err: expect.objectContaining({ message: 'matcher exploded' }) });
    await expectStillServing();
  });

  it('apologises with a reply when a mention cannot be answered', async () => {
    vi.spyOn(h.core, 'answer').mockImplementationOnce(() => {
      throw new Error('matcher exploded');
    });
    const messageId = h.fake.post(h.fake.newMember(), `<@${BOT_ID}> ${QUESTION}`, { users: [BOT_USER] });
    const { body: reply } = await h.fake.replyTo(messageId);
    expect(reply.content).toBe(MESSAGES.apology);
    expect(h.logs).toContainEqual(expect.objectContaining({ level: PINO_ERROR, messageId, msg: 'Discord message reply failed' }));
  });

  it('logs a message it cannot even read, apologises, and keeps serving, leaving no promise rejection unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      // A direct message without its content field: discord.js builds it with content null.
      const messageId = h.fake.directMessage(h.fake.newMember(), null);
      const { body: reply } = await h.fake.replyTo(messageId);
      expect(reply.content).toBe(MESSAGES.apology);
      expect(h.logs).toContainEqual(expect.objectContaining({ level: PINO_ERROR, messageId, msg: 'Discord message reply failed' }));
      await expectStillServing();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('when a member floods', () => {
  it('asks a member who floods /ask to slow down, privately, every time past the limit', async () => {
    const member = h.fake.newMember();
    const replies = [];
    for (let i = 0; i < QUESTIONS_PER_MINUTE + 2; i++) replies.push(await h.fake.callbackFor(h.fake.slash(member, 'ask', askOptions(QUESTION))));
    expect(replies.slice(0, QUESTIONS_PER_MINUTE).every((r) => r.data.embeds.length === 1)).toBe(true);
    for (const reply of replies.slice(QUESTIONS_PER_MINUTE)) expect(reply.data).toMatchObject({ content: MESSAGES.slowDown, flags: EPHEMERAL });
  });

  it('tells a member who floods with mentions to slow down once, then stays quiet while answering others', async () => {
    const member = h.fake.newMember();
    const ids = [];
    for (let i = 0; i < QUESTIONS_PER_MINUTE + 2; i++) ids.push(h.fake.post(member, `<@${BOT_ID}> ${QUESTION}`, { users: [BOT_USER] }));
    await h.fake.replyTo(h.fake.post(h.fake.newMember(), `<@${BOT_ID}> ${QUESTION}`, { users: [BOT_USER] }));
    const replies = ids.map((id) => h.fake.repliesTo(id).map((r) => r.body.content ?? 'answer'));
    expect(replies).toEqual([...Array(QUESTIONS_PER_MINUTE).fill(['answer']), [MESSAGES.slowDown], []]);
  });
});
