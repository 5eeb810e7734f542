import { describe, expect, it } from 'vitest';
import { answered, plainText } from '../../src/answer.js';
import { ANSWER_TEXT } from '../../src/answer-text.js';
import { MATCHING } from '../../src/config/defaults.js';
import { BotCore } from '../../src/core.js';
import { createMatcher } from '../../src/matching/matcher.js';
import { MESSAGES } from '../../src/messages.js';
import { baseOf, type FactSketch } from '../helpers.js';

// Two exchanges phrased alike, the June one newer; a newer fact still that shares only some of
// their words; and one about something else.
const EXCHANGES: FactSketch[] = [
  {
    id: 'exchange-may',
    asOf: '2025-05-25',
    questions: ['When was the prisoner exchange?', 'Date of the prisoner exchange', 'How many prisoners were exchanged?'],
    answer: 'A 1000-for-1000 prisoner exchange took place.',
  },
  {
    id: 'exchange-june',
    asOf: '2025-06-10',
    questions: ['When was the prisoner exchange?', 'Date of the prisoner exchange in June', 'How many prisoners were exchanged in June?'],
    answer: 'Another prisoner exchange took place in June.',
  },
  {
    id: 'exchange-hopes',
    asOf: '2025-11-02',
    questions: ['Will there be another exchange?', 'Hopes for more swaps', 'Next exchange of captives'],
    answer: 'Kyiv hopes for another prisoner exchange.',
  },
  {
    id: 'grain-deal',
    asOf: '2025-11-01',
    questions: ['What happened to the grain deal?', 'Is the grain corridor open?', 'Black Sea grain shipments'],
    answer: 'The grain deal lapsed.',
  },
];
const VOCABULARY = { recency: ['still', 'now', 'latest'], fit: { roundWords: ['round'] } };

const coreAt = (now: string, facts = EXCHANGES, vocabulary: Record<string, unknown> = VOCABULARY) =>
  new BotCore(baseOf(facts, vocabulary), () => new Date(`${now}T12:00:00Z`));

/** The matcher's confidence in each fact for a question, before the core applies any rule of its own. */
function confidences(question: string, facts = EXCHANGES): Map<string, number> {
  return new Map(createMatcher(baseOf(facts, VOCABULARY)).match(question).candidates.map((c) => [c.fact.id, c.confidence]));
}

describe('a question about now', () => {
  it('is answered by the newest fact that matches about as well as the best, dated first and flagged when old', () => {
    const result = coreAt('2025-12-01').answer('Is the prisoner exchange still on?');
    expect(result).toMatchObject({ kind: 'answer', factId: 'exchange-june', recency: { stale: true } });
    expect(plainText(result)).toBe(`${MESSAGES.newestLead('as of 10 June 2025')} ${MESSAGES.mayBeOutdated} Another prisoner exchange took place in June.`);
  });

  it('is not answered by a newer fact that matches clearly worse than the best', () => {
    // The premise: the hopes fact is newer and good enough to answer, but outside the band.
    const c = confidences('Is the prisoner exchange still on?');
    const best = Math.max(...c.values());
    expect(c.get('exchange-hopes')).toBeGreaterThanOrEqual(MATCHING.answerThreshold);
    expect(c.get('exchange-hopes')).toBeLessThan(best * MATCHING.latestBand);
    expect(coreAt('2025-12-01').answer('Is the prisoner exchange still on?')).toMatchObject({ factId: 'exchange-june' });
  });

  it('reads its age by the core’s clock: a recent fact is dated without a warning', () => {
    const result = coreAt('2025-06-20').answer('Is the prisoner exchange still on?');
    expect(result).toMatchObject({ kind: 'answer', factId: 'exchange-june', recency: { stale: false } });
    expect(plainText(result)).toBe(`${MESSAGES.newestLead('as of 10 June 2025')} Another prisoner exchange took place in June.`);
  });

  it('keeps the better match first among facts of one date', () => {
    const sameDay = EXCHANGES.map((f) => (f.id === 'exchange-june' ? { ...f, asOf: '2025-05-25' } : f));
    const c = confidences('What is the date of the prisoner exchange now?', sameDay);
    expect(c.get('exchange-june')).toBeLessThan(c.get('exchange-may')!);
    expect(c.get('exchange-june')).toBeGreaterThanOrEqual(c.get('exchange-may')! * MATCHING.latestBand);
    const result = coreAt('2025-12-01', sameDay).answer('What is the date of the prisoner exchange now?');
    expect(result).toMatchObject({ kind: 'answer', factId: 'exchange-may', recency: { stale: true } });
  });
});

describe('"the latest round"', () => {
  const rounds: FactSketch[] = [
    { id: 'round-three-length', asOf: '2025-07-23', round: 3, questions: ['How long was the third round?', 'Length of round three', 'Duration of the third round'], answer: 'The third round lasted 40 minutes.' },
    { id: 'talks-elsewhere', asOf: '2026-03-05', questions: ['Where were the talks in Geneva?', 'Geneva talks venue', 'Talks held in Geneva'], answer: 'Talks in another format were held in Geneva.' },
  ];
  const ask = (facts: FactSketch[]) => coreAt('2026-04-01', facts).answer('how long was the latest round');

  it('is the newest numbered round, led by its date and how far the news goes when the base has gone a month past it', () => {
    const result = ask(rounds);
    expect(result).toMatchObject({ kind: 'answer', factId: 'round-three-length', recency: { stale: true, newsTo: '5 March 2026' } });
    expect(plainText(result)).toBe(`${ANSWER_TEXT.en.roundLead('as of 23 July 2025', '5 March 2026')} ${MESSAGES.mayBeOutdated} The third round lasted 40 minutes.`);
  });

  it('is led as the newest information when nothing in the base is a month newer', () => {
    const result = ask([rounds[0]!, { ...rounds[1]!, asOf: '2025-08-10' }]);
    expect(result).toMatchObject({ kind: 'answer', factId: 'round-three-length' });
    expect(result).not.toHaveProperty('recency.newsTo');
    expect(plainText(result)).toBe(`${MESSAGES.newestLead('as of 23 July 2025')} ${MESSAGES.mayBeOutdated} The third round lasted 40 minutes.`);
  });
});

describe('a question not about now', () => {
  it('is answered by the best match, undated and without recency', () => {
    // The premise: the newer June fact is near enough that a question about now would get it.
    const c = confidences('Date of the prisoner exchange');
    expect(c.get('exchange-june')).toBeGreaterThanOrEqual(Math.max(MATCHING.answerThreshold, c.get('exchange-may')! * MATCHING.latestBand));
    const result = coreAt('2025-12-01').answer('Date of the prisoner exchange');
    expect(result.kind === 'answer' && result.factId).toBe('exchange-may');
    expect(result).not.toHaveProperty('recency');
    expect(plainText(result)).toBe('A 1000-for-1000 prisoner exchange took place.');
  });

  it('is every question when the vocabulary lists no recency words', () => {
    const result = coreAt('2025-12-01', EXCHANGES, {}).answer('What is the date of the prisoner exchange now?');
    expect(result.kind === 'answer' && result.factId).toBe('exchange-may');
    expect(result).not.toHaveProperty('recency');
  });

  it('includes a pressed suggestion, which answers that fact as it is', () => {
    const answer = answered(coreAt('2025-12-01').answer({ factId: 'exchange-may' }));
    expect(answer).not.toHaveProperty('recency');
    expect(plainText(answer!)).toBe('A 1000-for-1000 prisoner exchange took place.');
  });
});
