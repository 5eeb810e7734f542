import { beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../../src/answer.js';
import { LIMITS } from '../../src/config/defaults.js';
import { ANSWER_TEXT } from '../../src/answer-text.js';
import { BotCore } from '../../src/core.js';
import { MESSAGES } from '../../src/messages.js';
import { FIXTURE_KNOWLEDGE, loadBase } from '../helpers.js';
import { answered } from '../../src/answer.js';

let core: BotCore;
beforeAll(async () => {
  core = new BotCore(await loadBase(FIXTURE_KNOWLEDGE));
});

describe('answering a question', () => {
  it('answers with numbered citations, an "as of" date, the confidence and the fact id', () => {
    const result = core.answer('How long did the third round last?');
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    expect(result.factId).toBe('round-three-duration');
    expect(result.text).toBe('The third round lasted about 40 minutes.');
    expect(result.asOfText).toBe('as of 23 July 2025');
    expect(result.citations).toEqual([
      {
        n: 1,
        title: 'Third round report',
        publisher: 'Example News',
        published: '2025-07-24',
        publishedText: '24 July 2025',
        url: 'https://example.com/third',
        label: 'Third round report — Example News, 24 July 2025',
      },
      { n: 2, title: 'Seed article', publishedText: 'date not stated', url: 'https://example.com/seed', label: 'Seed article — publisher not stated, date not stated' },
    ]);
  });

  it('says where sources disagree, in the answer data and in its plain text', () => {
    const result = core.answer('How long did the third round last?');
    expect(result.kind === 'answer' && result.caveat).toBe('Paper A says 40 minutes, paper B says under an hour.');
    expect(plainText(result)).toContain(`${MESSAGES.sourcesDiffer} Paper A says 40 minutes`);
  });

  it('declines an off-topic question plainly and suggests what it can answer', () => {
    const result = core.answer('What is the GDP of Germany?');
    expect(result.kind).toBe('declined');
    expect(result.text).toBe(MESSAGES.declined);
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('asks "did you mean" when the question only half matches', () => {
    const result = core.answer('second round press venue');
    expect(result.kind).toBe('ambiguous');
    if (result.kind !== 'ambiguous') return;
    expect(result.text).toBe(MESSAGES.ambiguous);
    expect(result.suggestions[0]?.factId).toBe('round-two-duration');
  });

  it('declines an empty or invisible question without throwing', () => {
    for (const q of ['', '   ', '\u200b\u200f', '\u0000\u0007']) {
      const result = core.answer(q);
      expect(result.kind).toBe('declined');
      expect(result.text).toBe(MESSAGES.empty);
    }
  });

  it('finds the question in a very long message, before or past the length limit', () => {
    const before = core.answer(`How long did the third round last? ${'x'.repeat(5000)}`);
    expect(before.kind === 'answer' && before.factId).toBe('round-three-duration');
    const past = core.answer(`${'Some unrelated chat first. '.repeat(40)}How long did the third round last?`);
    expect(past.kind === 'answer' && past.factId).toBe('round-three-duration');
    expect(past.question.length).toBeLessThanOrEqual(LIMITS.questionChars);
  });

  it('cuts a long message it finds no answer in to the limit, and says so', () => {
    const result = core.answer(`Tell me about pizza. ${'y'.repeat(5000)}`);
    expect(result.kind).not.toBe('answer');
    expect(result.question.length).toBeLessThanOrEqual(LIMITS.questionChars);
    expect(result.notes).toEqual([MESSAGES.trimmed(LIMITS.questionChars)]);
  });

  it('survives emoji, Cyrillic and markup', () => {
    for (const q of ['🕊️🇺🇦🇷🇺', 'Сколько длились переговоры?', '<b>@everyone</b> **truce**?', '\ud800 lone surrogate']) {
      expect(['answer', 'ambiguous', 'declined', 'chat']).toContain(core.answer(q).kind);
    }
  });

  it('answers a known fact by id for a pressed suggestion, and nothing for a retired or unknown one', () => {
    expect(answered(core.answer({ factId: 'round-two-duration' }))?.text).toBe('The second round lasted a little over an hour.');
    expect(answered(core.answer({ factId: 'old-claim' }))).toBeUndefined();
    expect(answered(core.answer({ factId: 'no-such-fact' }))).toBeUndefined();
  });

  it('reads "the latest round" as the newest round in the base', () => {
    for (const question of ['how long was the latest round', 'duration of the most recent round']) {
      const result = core.answer(question);
      expect(result.kind === 'answer' && result.factId, question).toBe('round-three-duration');
    }
  });

  it('moves "the latest round" to a newer round as soon as one is added', () => {
    const grown = new BotCore(core.base);
    const third = core.base.facts.find((f) => f.id === 'round-three-duration')!;
    grown.replace({ ...core.base, facts: [...core.base.facts, { ...third, id: 'round-four-duration', round: 4, answer: 'Ten minutes.', asOf: '2025-09-01' }] });
    const result = grown.answer('how long was the latest round');
    expect(result.kind === 'answer' && result.factId).toBe('round-four-duration');
  });

  it('says so when "the latest round" is answered from an older round, the newest having no fact on it', () => {
    const shrunk = new BotCore(core.base);
    // The third round's duration is retired; another third-round fact keeps round 3 the newest.
    const third = core.base.facts.find((f) => f.id === 'round-three-duration')!;
    const venue = { ...third, id: 'round-three-venue', questions: ['Where was the third round?', 'venue of round three', 'third round palace'], answer: 'At Çırağan Palace.', caveat: undefined };
    shrunk.replace({ ...core.base, facts: [...core.base.facts.map((f) => (f.id === third.id ? { ...f, status: 'retired' as const } : f)), venue] });
    const result = shrunk.answer('how long was the latest round');
    expect(result.kind === 'answer' && result.factId).toBe('round-two-duration');
    expect(result.notes).toContain(ANSWER_TEXT.en.olderRound(2, 3));
    const answeredFromNewest = core.answer('how long was the latest round');
    expect(answeredFromNewest.notes).toEqual([]);
  });

  it('lists every cited page once, newest first, counting the facts that cite it', () => {
    const sources = core.sources();
    expect(sources.map((s) => s.citation.url)).toEqual([
      'https://example.com/third',
      'https://example.com/erdogan',
      'https://example.com/second',
      'https://example.com/seed',
    ]);
    expect(sources.map((s) => s.citation.n)).toEqual([1, 2, 3, 4]);
  });
});
