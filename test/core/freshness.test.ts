import { describe, expect, it } from 'vitest';
import { FRESHNESS } from '../../src/config/defaults.js';
import { asksAboutNow, daysSince, isStale } from '../../src/freshness.js';

const RECENCY = ['latest', 'newest', 'new', 'now', 'news', 'still', 'most recent', 'where do things stand'];

/** `days` whole days after an ISO date, at `time` UTC. */
const after = (iso: string, days: number, time = '00:00:00') => new Date(Date.parse(`${iso}T${time}Z`) + days * 86_400_000);

describe('a question about now', () => {
  it('holds a recency word, in any case and with any punctuation around it', () => {
    expect(asksAboutNow("What's the LATEST?", RECENCY)).toBe(true);
    expect(asksAboutNow('Any news?!', RECENCY)).toBe(true);
    expect(asksAboutNow('Are the talks still going on', RECENCY)).toBe(true);
  });

  it('holds a recency phrase as whole words, whatever stands between them', () => {
    expect(asksAboutNow('Which was the most recent round?', RECENCY)).toBe(true);
    expect(asksAboutNow('Where do things stand, with the talks?', RECENCY)).toBe(true);
    expect(asksAboutNow('Where do the things stand?', RECENCY)).toBe(false);
  });

  it('is not one that holds a recency word only inside another word', () => {
    for (const q of ['Was the grain deal up for renewal?', 'Did a newsletter report it?', 'Nowhere to meet?', 'Was the newest-looking palace chosen?']) {
      expect(asksAboutNow(q, ['new', 'news', 'now', 'west']), q).toBe(false);
    }
  });

  it('folds the vocabulary’s phrases as it folds questions', () => {
    expect(asksAboutNow('What is the current state of play?', ['Current  State!'])).toBe(true);
    expect(asksAboutNow('What did ERDOGAN offer?', ['Erdoğan’s'])).toBe(true);
  });

  it('is never read from a phrase that folds to nothing, even in an empty or punctuation-only question', () => {
    for (const q of ['', '???', 'Any update?']) expect(asksAboutNow(q, ['', '!!', '—']), q).toBe(false);
  });

  it('is never read with no recency words in the vocabulary', () => {
    expect(asksAboutNow('What is the latest news right now?', [])).toBe(false);
  });
});

describe('how old a dated fact is', () => {
  it('counts whole days to now, whatever the time of day', () => {
    expect(daysSince('2025-07-01', after('2025-07-01', 0, '23:59:59'))).toBe(0);
    expect(daysSince('2025-07-01', after('2025-07-01', 30, '23:59:59'))).toBe(30);
    expect(daysSince('2025-07-01', after('2025-07-01', 31))).toBe(31);
  });

  it('counts across a year end and a leap day', () => {
    expect(daysSince('2023-12-31', new Date('2024-03-01T12:00:00Z'))).toBe(61);
  });

  it('is stale only past the freshness window: on its last day it is not', () => {
    expect(isStale('2025-07-01', after('2025-07-01', FRESHNESS.staleDays, '23:00:00'))).toBe(false);
    expect(isStale('2025-07-01', after('2025-07-01', FRESHNESS.staleDays + 1))).toBe(true);
  });

  it('is not stale when dated after now (a clock behind the base)', () => {
    expect(isStale('2025-07-10', new Date('2025-07-01T00:00:00Z'))).toBe(false);
  });
});
