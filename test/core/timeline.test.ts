import { beforeAll, describe, expect, it } from 'vitest';
import { TELEGRAM, TIMELINE } from '../../src/config/defaults.js';
import { BotCore } from '../../src/core.js';
import { parseTimelineQuery, timelineQueryText, type TimelinePage } from '../../src/timeline.js';
import { baseOf, type FactSketch } from '../helpers.js';

// Events listed out of date order, a detail without a timeline line, a retired event, and enough
// rounds that the events fill a page and two more.
const NAMED: FactSketch[] = [
  { id: 'bodies-returned', asOf: '2025-06-12', timeline: 'Bodies returned to Ukraine', answer: 'Ukraine received the bodies of fallen soldiers.', tags: ['humanitarian'] },
  { id: 'exchange-2025', asOf: '2025-05-25', timeline: 'Prisoners exchanged, 1000 for 1000' },
  {
    id: 'talks-open',
    asOf: '2022-03-29',
    timeline: 'Talks open at Dolmabahce Palace in Istanbul',
    sources: [{ title: 'Talks open', publisher: 'Example News', published: '2022-03-30', url: 'https://example.com/open' }, { url: 'https://example.com/other' }],
  },
  { id: 'azov-commanders', asOf: '2022-09-21', timeline: 'Azovstal commanders freed in a prisoner exchange' },
  { id: 'grain-deal', asOf: '2022-07-22', timeline: 'Grain deal signed in Istanbul' },
  { id: 'round-two-detail', asOf: '2025-06-02', questions: ['How long did the second round last?', 'Length of round two', 'Second round duration'] },
  { id: 'old-claim', asOf: '2025-12-30', timeline: 'A retired event', status: 'retired' },
];
const ROUNDS: FactSketch[] = Array.from({ length: TIMELINE.pageSize + 2 - 5 }, (_, i) => ({
  id: `round-${i + 1}`,
  asOf: `2025-07-${String(i + 10).padStart(2, '0')}`,
  timeline: `Round ${i + 1} of the talks`,
}));
/** The events in the order the timeline must list them. */
const IN_ORDER = ['talks-open', 'grain-deal', 'azov-commanders', 'exchange-2025', 'bodies-returned', ...ROUNDS.map((r) => r.id)];
const VOCABULARY = { synonyms: [['exchange', 'swap']] };

let core: BotCore;
beforeAll(() => {
  core = new BotCore(baseOf([...NAMED, ...ROUNDS], VOCABULARY));
});

/** Every page of a timeline, as the console asks for them. */
function allPages(bot: BotCore, filter: string): TimelinePage[] {
  const first = bot.timeline(filter, 1);
  return [first, ...Array.from({ length: first.pages - 1 }, (_, i) => bot.timeline(filter, i + 2))];
}
const idsOf = (bot: BotCore, filter: string) => allPages(bot, filter).flatMap((p) => p.entries.map((e) => e.factId));

describe('reading what follows /timeline', () => {
  it('takes "2022 grain" as the year 2022 and the word "grain"', () => {
    expect(parseTimelineQuery('2022 grain')).toEqual({ year: 2022, words: 'grain' });
  });

  it('finds the year wherever it stands, as typed after the command or carried back by a page button', () => {
    for (const filter of [' 2022 grain', 'grain 2022', 'GRAIN, 2022!', '  grain   2022  ']) {
      expect(parseTimelineQuery(filter), filter).toEqual({ year: 2022, words: 'grain' });
    }
  });

  it('folds the words, and names no year for a filter without one', () => {
    const query = parseTimelineQuery('Erdoğan’s  PALACE');
    expect(query).toEqual({ words: 'erdogan palace' });
    expect(query).not.toHaveProperty('year');
    expect(parseTimelineQuery('')).toEqual({ words: '' });
  });

  it('cuts the words to TIMELINE.queryChars at the end of a word, not counting the year', () => {
    const words = 'prisoner exchange agreements signed in istanbul';
    const query = parseTimelineQuery(`2025 ${words}`);
    expect(query.year).toBe(2025);
    expect([...query.words].length).toBeLessThanOrEqual(TIMELINE.queryChars);
    expect(query.words.length).toBeGreaterThan(0);
    expect(`${words} `.startsWith(`${query.words} `)).toBe(true);
  });

  it('counts characters, not bytes, when it cuts', () => {
    const query = parseTimelineQuery('обмен пленными в стамбуле летом');
    expect([...query.words].length).toBeLessThanOrEqual(TIMELINE.queryChars);
    expect(query.words).toBe('обмен пленными в');
  });

  it('keeps a filter of two-byte letters, with a year, within a Telegram page button', () => {
    const query = parseTimelineQuery(`2022 ${'Переговоры '.repeat(10)}`);
    expect(timelineQueryText(query).startsWith('2022 переговоры')).toBe(true);
    expect(Buffer.byteLength(`tl:9999:${timelineQueryText(query)}`, 'utf8')).toBeLessThanOrEqual(TELEGRAM.callbackDataBytes);
  });

  it('writes a query back as a user would type it', () => {
    expect(timelineQueryText({ year: 2022, words: 'grain' })).toBe('2022 grain');
    expect(timelineQueryText({ year: 2022, words: '' })).toBe('2022');
    expect(timelineQueryText({ words: 'grain deal' })).toBe('grain deal');
    expect(timelineQueryText({ words: '' })).toBe('');
  });

  it('reads a query written back as the same query, so a page button asks for the same events', () => {
    for (const filter of ['', '2022', 'Grain 2022', 'Erdoğan’s palace', '2025 prisoner exchange agreements signed in istanbul']) {
      const query = parseTimelineQuery(filter);
      expect(parseTimelineQuery(timelineQueryText(query)), filter).toEqual(query);
    }
  });
});

describe('the timeline', () => {
  it('lists every active fact with a timeline line, oldest first, and nothing else', () => {
    expect(idsOf(core, '')).toEqual(IN_ORDER);
    expect(core.timeline('').total).toBe(IN_ORDER.length);
  });

  it('shows an event by its date, its timeline line and its first source', () => {
    expect(core.timeline('').entries[0]).toEqual({
      factId: 'talks-open',
      date: '2022-03-29',
      dateText: '29 March 2022',
      text: 'Talks open at Dolmabahce Palace in Istanbul',
      citation: {
        n: 1,
        title: 'Talks open',
        publisher: 'Example News',
        published: '2022-03-30',
        publishedText: '30 March 2022',
        url: 'https://example.com/open',
        label: 'Talks open — Example News, 30 March 2022',
      },
    });
  });

  it('narrows to the events of a year', () => {
    expect(idsOf(core, '2022')).toEqual(['talks-open', 'grain-deal', 'azov-commanders']);
    expect(idsOf(core, '2023')).toEqual([]);
  });

  it('narrows to events that hold every word, comparing stems, so a plural finds a singular', () => {
    expect(idsOf(core, 'exchanges')).toEqual(['azov-commanders', 'exchange-2025']);
    expect(idsOf(core, 'Istanbul grain')).toEqual(['grain-deal']);
    expect(idsOf(core, 'istanbul prisoner')).toEqual([]);
  });

  it('finds a word in the fact’s answer and tags as well as in its timeline line', () => {
    expect(idsOf(core, 'soldiers')).toEqual(['bodies-returned']);
    expect(idsOf(core, 'humanitarian')).toEqual(['bodies-returned']);
  });

  it('finds what the vocabulary calls the same by another word', () => {
    expect(idsOf(core, 'swap')).toEqual(['azov-commanders', 'exchange-2025']);
  });

  it('narrows to a year and words together', () => {
    expect(idsOf(core, '2022 exchange')).toEqual(['azov-commanders']);
    expect(core.timeline('exchange 2022').query).toEqual({ year: 2022, words: 'exchange' });
  });

  it('answers a filter that matches nothing with page 1 of 1 and no events', () => {
    expect(core.timeline('pizza', 3)).toEqual({ query: { words: 'pizza' }, page: 1, pages: 1, total: 0, entries: [] });
  });

  it('pages the events TIMELINE.pageSize at a time', () => {
    const [first, second] = [core.timeline('', 1), core.timeline('', 2)];
    expect(first).toMatchObject({ page: 1, pages: 2, total: IN_ORDER.length });
    expect(first.entries.map((e) => e.factId)).toEqual(IN_ORDER.slice(0, TIMELINE.pageSize));
    expect(second).toMatchObject({ page: 2, pages: 2 });
    expect(second.entries.map((e) => e.factId)).toEqual(IN_ORDER.slice(TIMELINE.pageSize));
  });

  it('gives the last page for a page past the end', () => {
    expect(core.timeline('', 99)).toEqual(core.timeline('', 2));
    expect(core.timeline('', Infinity).page).toBe(2);
  });

  it('gives page 1 for a page below 1 or no number at all', () => {
    for (const page of [0, -3, Number.NaN, 0.5]) expect(core.timeline('', page), String(page)).toEqual(core.timeline('', 1));
  });

  it('lists the events of the base now served after a change', () => {
    const bot = new BotCore(baseOf([...NAMED, ...ROUNDS], VOCABULARY));
    expect(bot.timeline('2023').total).toBe(0);
    bot.replace(baseOf([...NAMED, ...ROUNDS, { id: 'commanders-return', asOf: '2023-07-08', timeline: 'Azovstal commanders return home' }], VOCABULARY));
    expect(idsOf(bot, '2023')).toEqual(['commanders-return']);
    bot.replace(baseOf([...NAMED.map((f) => (f.id === 'grain-deal' ? { ...f, status: 'retired' as const } : f)), ...ROUNDS], VOCABULARY));
    expect(idsOf(bot, '2022')).toEqual(['talks-open', 'azov-commanders']);
  });
});

describe('the newest facts', () => {
  it('are at most TIMELINE.latest active facts, newest first', () => {
    const byDate = [...NAMED, ...ROUNDS].filter((f) => f.status !== 'retired').sort((a, b) => b.asOf.localeCompare(a.asOf));
    expect(core.latest().map((e) => e.factId)).toEqual(byDate.slice(0, TIMELINE.latest).map((f) => f.id));
    expect(core.latest(2).map((e) => e.factId)).toEqual(byDate.slice(0, 2).map((f) => f.id));
  });

  it('never list a retired fact, however new', () => {
    expect(core.latest(100).map((e) => e.factId)).not.toContain('old-claim');
    expect(core.latest(100)).toHaveLength(IN_ORDER.length + 1);
  });

  it('show a fact without a timeline line by its first question', () => {
    const detail = core.latest(100).find((e) => e.factId === 'round-two-detail');
    expect(detail).toMatchObject({ text: 'How long did the second round last?', dateText: '2 June 2025' });
  });
});

describe('the page an event links to', () => {
  const linkOf = (sources: { url: string; published?: string }[]) =>
    new BotCore(baseOf([{ id: 'commanders-freed', asOf: '2022-09-21', timeline: 'Azovstal commanders freed', sources }])).timeline('').entries[0]?.citation.url;

  it('is the page that reported it: published on its date or soonest after, not a later analysis listed first', () => {
    const link = linkOf([
      { url: 'https://example.com/return-2023', published: '2023-07-08' },
      { url: 'https://example.com/swap-report', published: '2022-09-22' },
      { url: 'https://example.com/background', published: '2022-05-01' },
    ]);
    expect(link).toBe('https://example.com/swap-report');
  });

  it('is the first page listed when none was published on or after its date', () => {
    expect(linkOf([{ url: 'https://example.com/seed' }, { url: 'https://example.com/older', published: '2022-05-01' }])).toBe('https://example.com/seed');
  });
});
