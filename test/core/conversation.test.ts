import { describe, expect, it } from 'vitest';
import { CONVERSATION } from '../../src/config/defaults.js';
import { MemoryConversations, type Turn } from '../../src/conversation.js';
import { BotCore } from '../../src/core.js';
import { MESSAGES } from '../../src/messages.js';
import { baseOf, baseOfFiles } from '../helpers.js';
import { CHAT_VOCABULARY, LEADERS, ROUNDS } from '../talks-base.js';

const turn = (question: string, at: number): Turn => ({ question, lang: 'en', at });

describe('remembered conversations', () => {
  it('give back the last turn of a conversation until CONVERSATION.memoryMs has passed since it', () => {
    const store = new MemoryConversations();
    store.remember('c', turn('When was the second round?', 1_000));
    expect(store.recent('c', 1_000 + CONVERSATION.memoryMs)?.question).toBe('When was the second round?');
    expect(store.recent('c', 1_000 + CONVERSATION.memoryMs + 1)).toBeUndefined();
  });

  it('keep only the last turn of a conversation, and each conversation’s apart', () => {
    const store = new MemoryConversations();
    store.remember('a', turn('When was the first round?', 0));
    store.remember('b', turn('Who led the Russian delegation?', 0));
    store.remember('a', turn('and the second?', 10));
    expect(store.recent('a', 20)?.question).toBe('and the second?');
    expect(store.recent('b', 20)?.question).toBe('Who led the Russian delegation?');
    expect(store.recent('c', 20)).toBeUndefined();
  });

  it(`keep at most CONVERSATION.maxKept (${CONVERSATION.maxKept}) conversations, forgetting the one left longest first`, () => {
    const store = new MemoryConversations();
    for (let i = 0; i < CONVERSATION.maxKept; i++) store.remember(`c${i}`, turn(`question ${i}`, 0));
    // c0 speaks again: c1 is now the conversation left longest.
    store.remember('c0', turn('question 0 again', 1));
    store.remember('newcomer', turn('a new question', 2));
    expect(store.recent('c1', 3)).toBeUndefined();
    expect(store.recent('c0', 3)?.question).toBe('question 0 again');
    expect(store.recent('c2', 3)?.question).toBe('question 2');
    expect(store.recent('newcomer', 3)?.question).toBe('a new question');
  });
});

describe('the core in a conversation', () => {
  const base = baseOf([...ROUNDS, ...LEADERS], CHAT_VOCABULARY);
  const FOLLOW_UP = 'where was it held?';
  // The premise of most tests here: on its own, the follow-up is answered with the first round.
  const ALONE = new BotCore(base).answer(FOLLOW_UP);

  /** A core whose clock a test moves by hand. */
  function coreWithClock() {
    const clock = { now: Date.parse('2025-12-01T12:00:00Z') };
    return { core: new BotCore(base, () => new Date(clock.now)), clock };
  }

  it('reads a follow-up with the last question of its conversation', () => {
    expect(ALONE).toMatchObject({ kind: 'answer', factId: 'round-one-venue' });
    const core = new BotCore(base);
    core.answer({ question: 'When was the second round?', conversation: 'c' });
    expect(core.answer({ question: FOLLOW_UP, conversation: 'c' })).toMatchObject({ kind: 'answer', factId: 'round-two-venue' });
  });

  it('reads a follow-up with the last turn only, not one before it', () => {
    const core = new BotCore(base);
    core.answer({ question: 'When was the second round?', conversation: 'c' });
    core.answer({ question: 'Where was the first round held?', conversation: 'c' });
    // With the first turn it would ask when the second round was.
    expect(core.answer({ question: 'and the second?', conversation: 'c' })).toMatchObject({ kind: 'answer', factId: 'round-two-venue' });
  });

  it('reads a question of another conversation, or of none, on its own', () => {
    const core = new BotCore(base);
    core.answer({ question: 'When was the second round?', conversation: 'telegram:42:1001' });
    expect(core.answer({ question: FOLLOW_UP, conversation: 'telegram:42:1002' })).toMatchObject({ factId: 'round-one-venue' });
    expect(core.answer(FOLLOW_UP)).toMatchObject({ factId: 'round-one-venue' });
    expect(core.answer({ question: FOLLOW_UP })).toMatchObject({ factId: 'round-one-venue' });
  });

  it('forgets a conversation CONVERSATION.memoryMs after its last turn, by the core’s own clock', () => {
    const { core, clock } = coreWithClock();
    core.answer({ question: 'When was the second round?', conversation: 'kept' });
    core.answer({ question: 'When was the second round?', conversation: 'forgotten' });
    clock.now += CONVERSATION.memoryMs;
    expect(core.answer({ question: FOLLOW_UP, conversation: 'kept' })).toMatchObject({ factId: 'round-two-venue' });
    clock.now += 1;
    expect(core.answer({ question: FOLLOW_UP, conversation: 'forgotten' })).toMatchObject({ factId: 'round-one-venue' });
  });

  it('keeps the thread through small talk between two questions, the earlier answer included', () => {
    const core = new BotCore(base);
    core.answer({ question: 'When was the second round?', conversation: 'rounds' });
    expect(core.answer({ question: 'thanks!', conversation: 'rounds' }).kind).toBe('chat');
    expect(core.answer({ question: 'ok', conversation: 'rounds' }).kind).toBe('chat');
    expect(core.answer({ question: FOLLOW_UP, conversation: 'rounds' })).toMatchObject({ factId: 'round-two-venue' });
    // "He" is whom the answer before the small talk named.
    core.answer({ question: 'Who led the Russian delegation?', conversation: 'leaders' });
    core.answer({ question: 'thanks!', conversation: 'leaders' });
    expect(core.answer({ question: 'what did he say after the talks?', conversation: 'leaders' })).toMatchObject({ factId: 'medinsky-said' });
  });

  it('remembers a follow-up as it understood it, so the turn after still knows what it was about', () => {
    const core = new BotCore(base);
    core.answer({ question: 'When was the second round?', conversation: 'c' });
    core.answer({ question: FOLLOW_UP, conversation: 'c' });
    expect(core.answer({ question: 'and the date?', conversation: 'c' })).toMatchObject({ kind: 'answer', factId: 'round-two-date' });
  });

  it('takes a pressed suggestion as the turn, its answer included', () => {
    const core = new BotCore(base);
    core.answer({ factId: 'round-two-date', conversation: 'rounds' });
    expect(core.answer({ question: FOLLOW_UP, conversation: 'rounds' })).toMatchObject({ factId: 'round-two-venue' });
    core.answer({ factId: 'russia-lead', conversation: 'leaders' });
    expect(core.answer({ question: 'what did he say after the talks?', conversation: 'leaders' })).toMatchObject({ factId: 'medinsky-said' });
  });

  it('keeps the turn before a pressed suggestion whose fact is gone', () => {
    const core = new BotCore(base);
    core.answer({ question: 'When was the second round?', conversation: 'c' });
    expect(core.answer({ factId: 'ankara-claim', conversation: 'c' })).toMatchObject({ kind: 'declined', text: MESSAGES.suggestionGone });
    expect(core.answer({ question: FOLLOW_UP, conversation: 'c' })).toMatchObject({ factId: 'round-two-venue' });
  });

  it('keeps its conversations in the store it is given, which another core may share', () => {
    const shared = new MemoryConversations();
    new BotCore(base, undefined, shared).answer({ question: 'When was the second round?', conversation: 'c' });
    expect(new BotCore(base, undefined, shared).answer({ question: FOLLOW_UP, conversation: 'c' })).toMatchObject({ factId: 'round-two-venue' });
    expect(shared.recent('c', Date.now())).toMatchObject({ factId: 'round-two-venue' });
  });
});

describe('a question in a conversation that is not worded as a follow-up', () => {
  const base = baseOfFiles({
    summit: [
      { id: 'summit-proposal', asOf: '2025-07-23', questions: ['What did Ukraine propose about a leaders summit?', 'Ukraine summit proposal', 'Did Ukraine propose a leaders summit?'], answer: 'Ukraine proposed a leaders summit by the end of August.' },
      { id: 'summit-reply', asOf: '2025-07-24', questions: ['How did the Kremlin respond to the summit proposal?', 'Kremlin reply to the Ukrainian summit proposal', 'What did the Kremlin say about a leaders summit?'], answer: 'The Kremlin said a summit could only be the final step.' },
    ],
    drafts: [
      { id: 'drafts-reply', asOf: '2022-04-10', questions: ['How did the Kremlin respond?', 'Kremlin response to the drafts', 'What did the Kremlin say about the drafts?'], answer: 'The Kremlin said the drafts were not agreed.' },
    ],
  });

  it('is read with the earlier turn too, and answered so when that keeps to the topic of the earlier answer', () => {
    expect(new BotCore(base).answer('how did the Kremlin respond?'), 'premise: alone it asks of the drafts').toMatchObject({ kind: 'answer', factId: 'drafts-reply' });
    const core = new BotCore(base);
    expect(core.answer({ question: 'What did Ukraine propose about a leaders summit?', conversation: 'c' })).toMatchObject({ factId: 'summit-proposal' });
    expect(core.answer({ question: 'how did the Kremlin respond?', conversation: 'c' })).toMatchObject({ kind: 'answer', factId: 'summit-reply' });
  });

  it('is answered on its own when it leaves the topic, read with the earlier turn or not', () => {
    const core = new BotCore(base);
    core.answer({ question: 'What did the Kremlin say about the drafts?', conversation: 'c' });
    expect(core.answer({ question: 'Ukraine summit proposal', conversation: 'c' })).toMatchObject({ kind: 'answer', factId: 'summit-proposal' });
  });
});

describe('a follow-up the conversation cannot answer', () => {
  const base = baseOfFiles({
    summit: [
      { id: 'summit-proposal', asOf: '2025-07-23', questions: ['What did Ukraine propose about a leaders summit?', 'Ukraine summit proposal', 'Did Ukraine propose a leaders summit?'], answer: 'Ukraine proposed a leaders summit by the end of August.' },
    ],
    trips: [
      { id: 'ankara-trip', asOf: '2025-11-19', questions: ['Where was Zelensky in November?', 'Why did Zelensky go to Ankara?', 'Zelensky Ankara trip'], answer: 'Zelensky was in Ankara on 19 November 2025 to meet Erdogan.' },
    ],
    // Other topics, so that a name held by one fact in many tells as it does in the real base.
    rounds: ROUNDS,
  }, { followUp: { openings: ['and'], anaphora: ['he'], personPronouns: ['he'] }, names: { people: ['zelensky'], places: ['ankara'] } });
  const FOLLOW_UP = 'and was he in Ankara?';

  it('is offered as a "did you mean", not answered, when read alone it lands on another topic', () => {
    expect(new BotCore(base).answer(FOLLOW_UP), 'premise: alone it is answered from the trips').toMatchObject({ kind: 'answer', factId: 'ankara-trip' });
    const core = new BotCore(base);
    expect(core.answer({ question: 'What did Ukraine propose about a leaders summit?', conversation: 'c' })).toMatchObject({ factId: 'summit-proposal' });
    const result = core.answer({ question: FOLLOW_UP, conversation: 'c' });
    expect(result.kind).toBe('ambiguous');
    expect(result.suggestions[0]).toMatchObject({ factId: 'ankara-trip', question: 'Where was Zelensky in November?' });
  });

  it('is told from a short question that does not point back, which is answered on any topic', () => {
    const core = new BotCore(base);
    // With it, the earlier question's year rules the trip out.
    expect(core.answer({ question: 'What did Ukraine propose in 2022?', conversation: 'c' }).kind).not.toBe('answer');
    expect(core.answer({ question: 'Zelensky Ankara trip?', conversation: 'c' })).toMatchObject({ kind: 'answer', factId: 'ankara-trip' });
  });

  it('is offered too after a turn that got no answer, which leaves no topic to keep', () => {
    const core = new BotCore(base);
    expect(core.answer({ question: 'What is the capital of Peru?', conversation: 'c' }).kind).not.toBe('answer');
    const result = core.answer({ question: FOLLOW_UP, conversation: 'c' });
    expect(result.kind).toBe('ambiguous');
    expect(result.suggestions[0]).toMatchObject({ factId: 'ankara-trip' });
  });
});
