import { afterAll, describe, expect, it } from 'vitest';
import { CONVERSATION } from '../../src/config/defaults.js';
import { MemoryConversations, type ConversationStore, type Turn } from '../../src/conversation.js';
import { PostgresConversations } from '../../src/storage/postgres/conversations.js';
import { HAS_POSTGRES, openTestDatabase } from './postgres.js';

const NOW = Date.now();
const turn = (question: string, at: number, factId?: string): Turn => ({ question, lang: 'uk', at, ...(factId ? { factId } : {}) });

/** What every conversation store promises, in one process's memory or shared by replicas. */
function conversationContract(name: string, make: () => Promise<ConversationStore>) {
  describe(`the conversation store contract: ${name}`, () => {
    it('gives back the last turn of a conversation until CONVERSATION.memoryMs has passed since it', async () => {
      const store = await make();
      store.remember('c', turn('Коли був другий раунд?', NOW, 'round-two'));
      expect(store.recent('c', NOW + CONVERSATION.memoryMs)).toEqual(turn('Коли був другий раунд?', NOW, 'round-two'));
      expect(store.recent('c', NOW + CONVERSATION.memoryMs + 1)).toBeUndefined();
    });

    it('keeps only the last turn of each conversation, and each conversation apart', async () => {
      const store = await make();
      store.remember('a', turn('first', NOW));
      store.remember('b', turn('other', NOW));
      store.remember('a', turn('second', NOW + 10));
      expect(store.recent('a', NOW + 20)?.question).toBe('second');
      expect(store.recent('b', NOW + 20)?.question).toBe('other');
      expect(store.recent('nobody', NOW + 20)).toBeUndefined();
    });
  });
}

conversationContract('in memory', async () => new MemoryConversations());

describe.runIf(HAS_POSTGRES)('in PostgreSQL', async () => {
  const db = HAS_POSTGRES ? await openTestDatabase('conversations') : undefined;
  const opened: PostgresConversations[] = [];
  const open = async () => {
    const store = await PostgresConversations.open(db!);
    opened.push(store);
    return store;
  };
  afterAll(async () => {
    for (const store of opened) {
      await store.settled();
      store.close();
    }
  });

  conversationContract('in PostgreSQL', open);

  it('carries a turn remembered on one replica to another within moments', async () => {
    const [a, b] = [await open(), await open()];
    a.remember('telegram:1:2', turn('Хто очолював делегацію?', Date.now(), 'delegation-heads'));
    await expect.poll(() => b.recent('telegram:1:2', Date.now())?.factId, { timeout: 2_000, interval: 20 }).toBe('delegation-heads');
  });

  it('carries a turn too long for a NOTIFY payload all the same', async () => {
    const [a, b] = [await open(), await open()];
    const long = `${'Скільки тривав третій раунд переговорів у Стамбулі? '.repeat(120)}`;
    a.remember('telegram:5:6', turn(long, Date.now(), 'round-three'));
    await a.settled();
    await expect.poll(() => b.recent('telegram:5:6', Date.now())?.question, { timeout: 2_000, interval: 20 }).toBe(long);
  });

  it('gives a replica that starts later the conversations still recent', async () => {
    const a = await open();
    a.remember('discord:3:4', turn('Who mediated?', Date.now()));
    await a.settled();
    const late = await open();
    expect(late.recent('discord:3:4', Date.now())?.question).toBe('Who mediated?');
  });

  it('does not let a late notice of an older turn replace a newer one', async () => {
    const a = await open();
    const t = Date.now();
    a.remember('telegram:9:9', turn('newer', t + 5));
    a.remember('telegram:9:9', turn('older', t));
    await a.settled();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(a.recent('telegram:9:9', t + 10)?.question).toBe('newer');
    expect((await open()).recent('telegram:9:9', t + 10)?.question).toBe('newer');
  });
});
