import { describe, expect, it } from 'vitest';
import { answered, quietInGroups } from '../../src/answer.js';
import { LIMITS, READING } from '../../src/config/defaults.js';
import { BotCore } from '../../src/core.js';
import { MESSAGES } from '../../src/messages.js';
import { cleanMessage, readMessage } from '../../src/reading.js';
import { baseOf } from '../helpers.js';
import { CHAT_VOCABULARY, ROUNDS } from '../talks-base.js';

// Two rounds phrased alike: a blend of two questions about them finds one that was not asked.
const base = baseOf(ROUNDS, CHAT_VOCABULARY);
const read = (message: string) => readMessage(message, base.vocabulary);
/** The texts of the parts a message is tried as, in order. */
const partsOf = (message: string) => read(message).parts.map((p) => p.text);
const core = new BotCore(base);

describe('cleaning a message', () => {
  it('joins a word that a zero-width or direction mark sits inside, never splitting it', () => {
    expect(cleanMessage('Wh\u200bo le\u200fd the te\u2060am?')).toBe('Who led the team?');
  });

  it('turns control characters into spaces between words', () => {
    expect(cleanMessage('third\u0000round\tlast\u0007?')).toBe('third round last ?');
  });

  it('drops @mentions and emoji, but keeps an e-mail address', () => {
    expect(cleanMessage('@istanbul_bot 🕊️ when was the first round? 🇺🇦👨‍👩‍👧 (@Someone)')).toBe('when was the first round? ( )');
    expect(cleanMessage('write to talks@example.com')).toBe('write to talks@example.com');
  });

  it('leaves dates and numbers as they were typed, for the question shown back', () => {
    expect(cleanMessage("what happened on 16/5 in spring 22, the '28-point' plan?")).toBe("what happened on 16/5 in spring 22, the '28-point' plan?");
  });

  it('writes a word typed in two alphabets in Cyrillic, its Latin look-alikes turned into their twins', () => {
    // A Ukrainian "і" typed on a Russian layout is the Latin "i"; "ТАСC" ends in a Latin C.
    expect(cleanMessage('Скiльки тривав третiй раунд у Стамбулi? ТАСC')).toBe('Скільки тривав третій раунд у Стамбулі? ТАСС');
  });

  it('writes a mostly Latin word with a Cyrillic look-alike in it in Latin', () => {
    expect(cleanMessage('Istаnbul and Ukrаine')).toBe('Istanbul and Ukraine');
  });

  it('leaves words in one alphabet as they are, Latin words among Cyrillic ones too', () => {
    expect(cleanMessage('Хто такий Medinsky? Çırağan, iPhone, НАТО NATO')).toBe('Хто такий Medinsky? Çırağan, iPhone, НАТО NATO');
  });
});

describe('reading a message', () => {
  it('tries the question after a preamble, after a comma, a colon, a dash or "and"', () => {
    for (const message of [
      'My cousin was in Istanbul, where was the first round held?',
      'It got me wondering: where was the first round held?',
      'Quick one - where was the first round held?',
      'Quick one — where was the first round held?',
      'I read the news and where was the first round held?',
    ]) {
      expect(partsOf(message), message).toContain('where was the first round held?');
    }
  });

  it('tries each question of a message on its own, then the whole message', () => {
    const message = 'When was the first round? Where was the second round held?';
    expect(partsOf(message)).toEqual(['When was the first round?', 'Where was the second round held?', message]);
  });

  it('remembers, for each question, the question the message asked before it', () => {
    const message = 'When was the first round? How long did it last, and who chaired it?';
    expect(read(message).parts.slice(0, 3)).toEqual([
      { text: 'When was the first round?' },
      { text: 'How long did it last', after: 'When was the first round?' },
      { text: 'who chaired it?', after: 'How long did it last' },
    ]);
  });

  it('remembers the preamble a question clause follows, when no question came before it', () => {
    expect(read('The Zurich conference last spring: who attended?').parts).toContainEqual({ text: 'who attended?', after: 'The Zurich conference last spring' });
  });

  it('reads a question after a lone joining word with the question before it', () => {
    expect(read('When was the first round?? And where').parts).toContainEqual({ text: 'where', after: 'When was the first round??' });
  });

  it('reads a short question after a statement with it, marked as one that may also stand alone', () => {
    expect(read('Trump gave Putin a deadline. How many days?').parts).toContainEqual({ text: 'How many days?', after: 'Trump gave Putin a deadline.', stated: true });
    // After a question, with it only; and a remark between two questions leaves the first as context.
    expect(read('When was the first round? How long?').parts).toContainEqual({ text: 'How long?', after: 'When was the first round?' });
    expect(read('When was the first round? I read about it. How long?').parts).toContainEqual({ text: 'How long?', after: 'When was the first round?' });
  });

  it('ends a sentence at "?" wherever it stands, as in a quoted question', () => {
    expect(partsOf('He asked "how long did the third round last?", and nobody knew.')[0]).toBe('He asked "how long did the third round last?');
  });

  it('ends a sentence at a stop before a space, never inside a date or after a lone initial', () => {
    for (const message of ['What happened in Geneva on 23.11.2025?', 'What did the U.S. side propose?', 'What did J. D. Vance say?']) {
      expect(partsOf(message), message).toEqual([message]);
    }
  });

  it('tries what ends in "?" before what only starts like a question', () => {
    expect(partsOf('What a week. When did the talks start? Thanks')[0]).toBe('When did the talks start?');
  });

  it('tries a question with a bracketed aside, then without it', () => {
    expect(partsOf('Where was the first round (the one in May) held?')).toEqual([
      'Where was the first round (the one in May) held?',
      'Where was the first round held?',
    ]);
  });

  it('reads hedges out of every part it tries', () => {
    expect(partsOf('Is it true that the first round was in May?')).toEqual(['the first round was in May?']);
    expect(partsOf('Correct me if I’m wrong but the first round was in May?')).toEqual(['the first round was in May?']);
  });

  it('reads a filler phrase spelt without its apostrophe as typed with one, straight or curly', () => {
    for (const message of ["The first round was in May, isn't it?", 'The first round was in May, isn’t it?', 'The first round was in May, ISN’T IT?']) {
      const [first] = partsOf(message);
      expect(first, message).toMatch(/^The first round was in May\b/);
      expect(first, message).not.toMatch(/isn.t/i);
    }
  });

  it('leaves no stray comma where a tag question was read out', () => {
    // The part is what an answer reports as its question, and Discord shows it as the title.
    expect(partsOf("The second round was at Ciragan, isn't it?")[0]).toBe('The second round was at Ciragan?');
  });

  it('reads a filler phrase out only as whole words', () => {
    expect(partsOf('What did Delhi think of the talks?')).toEqual(['What did Delhi think of the talks?']);
  });

  it('finds a question past the length limit, and reports the message cut to that limit', () => {
    const message = `${'Some unrelated chat first. '.repeat(40)}Where was the first round held?`;
    const reading = read(message);
    expect(reading.parts[0]?.text).toBe('Where was the first round held?');
    expect([...reading.question].length).toBeLessThanOrEqual(LIMITS.questionChars);
    expect(message.startsWith(reading.question)).toBe(true);
  });

  it(`reads no further than READING.messageChars (${READING.messageChars}) characters`, () => {
    const message = `${'Chat. '.repeat(Math.ceil(READING.messageChars / 'Chat. '.length))}Where was the first round held?`;
    expect(partsOf(message).join(' ')).not.toContain('Where');
  });

  it(`tries at most READING.maxParts (${READING.maxParts}) parts, the first questions first`, () => {
    const questions = Array.from({ length: READING.maxParts + 2 }, (_, i) => `Was round ${i + 1} long?`);
    const reading = read(questions.join(' '));
    expect(reading.parts.map((p) => p.text)).toEqual(questions.slice(0, READING.maxParts));
    expect(reading.questionParts).toBe(READING.maxParts + 2);
  });

  it('counts the questions a message asks', () => {
    expect(read('When was the first round? Where was the second round held?').questionParts).toBe(2);
    expect(read('When was the first round?').questionParts).toBe(1);
    expect(read('The first round was in May.').questionParts).toBe(0);
  });

  it('counts a question after a greeting or a preamble in the same sentence as one question', () => {
    expect(read('Hi there, when was the first round?').questionParts).toBe(1);
    expect(read('It got me wondering: where was the first round held?').questionParts).toBe(1);
  });
});

describe('small talk', () => {
  it('is a message made only of small-talk phrases and filler words', () => {
    const topics = ['hi', 'Hello!', 'Hi there', 'Thanks so much, bot!', 'thank you', 'help', 'What can you do?', 'ok', 'Got it.'].map((m) => read(m).smallTalk);
    expect(topics).toEqual(['greeting', 'greeting', 'greeting', 'thanks', 'thanks', 'help', 'help', 'ack', 'ack']);
  });

  it('is help for a bare question mark', () => {
    for (const message of ['?', '??', ' ? ']) expect(read(message).smallTalk, message).toBe('help');
  });

  it('is help over thanks, thanks over a greeting, a greeting over an acknowledgement', () => {
    expect(read('hi, help?').smallTalk).toBe('help');
    expect(read('thanks, help').smallTalk).toBe('help');
    expect(read('hi, thanks!').smallTalk).toBe('thanks');
    expect(read('got it, thanks').smallTalk).toBe('thanks');
    expect(read('ok, hello').smallTalk).toBe('greeting');
  });

  it('is a phrase said twice, too', () => {
    for (const message of ['thanks, thanks!', 'thank you, thank you!', 'hi hi', 'ok ok']) expect(read(message).smallTalk, message).toBeDefined();
  });

  it('is never a message that also asks or says something else', () => {
    for (const message of ['hi, when was the first round?', 'thanks for the answer about the second round', 'help me find the venue of the second round', 'ok so the first round was in May']) {
      expect(read(message).smallTalk, message).toBeUndefined();
    }
  });
});

describe('answering a message as it was written', () => {
  it('answers the first part the fact base can answer, passing over one it cannot', () => {
    const result = core.answer('Where can I buy a pizza? When was the second round?');
    expect(result).toMatchObject({ kind: 'answer', factId: 'round-two-date', question: 'When was the second round?' });
  });

  it('says which question it answered when the message asked several', () => {
    const result = core.answer('When was the first round? Where was the second round held?');
    expect(result).toMatchObject({ kind: 'answer', factId: 'round-one-date', question: 'When was the first round?' });
    expect(result.notes).toEqual([MESSAGES.answeredOne('When was the first round?')]);
  });

  it('adds no such note to a message that asked one thing', () => {
    expect(core.answer('When was the first round?').notes).toEqual([]);
  });

  it('adds no such note to one question after a greeting or a preamble', () => {
    const result = core.answer('Hi there, when was the first round?');
    expect(result).toMatchObject({ kind: 'answer', factId: 'round-one-date' });
    expect(result.notes).toEqual([]);
  });

  it('answers one of the two questions a sentence asks, never a blend of both', () => {
    const result = core.answer('When was the first round and where was the second round held?');
    expect(result.kind).toBe('answer');
    expect(['round-one-date', 'round-two-venue']).toContain(answered(result)?.factId);
  });

  it('reads a question that leans on the one before it in the message with that one, never alone', () => {
    const guests = { id: 'round-two-guests', asOf: '2025-06-02', questions: ['Who attended the second round?', 'Who attended?', 'Guests at the second round'], answer: 'Both delegations and Turkish hosts attended the second round.' };
    const withGuests = new BotCore(baseOf([...ROUNDS, guests], CHAT_VOCABULARY));
    expect(withGuests.answer('Who attended?'), 'premise: alone, it is answered').toMatchObject({ kind: 'answer', factId: 'round-two-guests' });
    for (const message of ['When was the Zurich conference held, and who attended?', 'The Zurich conference last spring: who attended?']) {
      expect(withGuests.answer(message).kind, message).not.toBe('answer');
    }
  });

  it('answers a question behind a hedge that, left in, would sink it', () => {
    const plain = new BotCore(baseOf(ROUNDS, { ...CHAT_VOCABULARY, filler: [] }));
    for (const message of ['Correct me if I’m wrong but the second round was held at Ciragan?', 'Is it true that the second round was at Ciragan?']) {
      expect(plain.answer(message).kind, `${message} (premise: no filler in the vocabulary)`).not.toBe('answer');
      expect(core.answer(message), message).toMatchObject({ kind: 'answer', factId: 'round-two-venue' });
    }
  });

  it('answers small talk with its one line, with nothing suggested', () => {
    for (const [message, topic] of [
      ['hi', 'greeting'],
      ['thanks!', 'thanks'],
      ['help', 'help'],
      ['?', 'help'],
      ['ok', 'ack'],
    ] as const) {
      expect(core.answer(message), message).toMatchObject({ kind: 'chat', topic, text: MESSAGES.smallTalk[topic], suggestions: [], notes: [] });
      expect(answered(core.answer(message)), message).toBeUndefined();
    }
  });

  it('keeps quiet in groups at thanks and acknowledgements only', () => {
    const quiet = ['thanks', 'ok', 'hi', 'help', 'When was the first round?', 'Where can I buy a pizza?'].map((m) => quietInGroups(core.answer(m)));
    expect(quiet).toEqual([true, true, false, false, false, false]);
  });

  it('answers a pressed suggestion with its fact, and says plainly when that fact is gone', () => {
    expect(answered(core.answer({ factId: 'round-two-venue' }))?.text).toBe('The second round was held at Ciragan Palace.');
    for (const factId of ['ankara-claim', 'no-such-fact']) {
      expect(core.answer({ factId }), factId).toMatchObject({ kind: 'declined', text: MESSAGES.suggestionGone });
    }
  });
});
