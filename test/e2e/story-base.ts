// A small fact base with dated events in several years, for /timeline, /latest and questions about
// now on every platform. The fixture base has no timeline lines; the bundled one changes as curators
// work. Facts are listed out of date order, so a list in date order is the bot's doing.
import { parseFactBase, type FactBase } from '../../src/knowledge/parse.js';

export interface StoryEvent {
  id: string;
  asOf: string;
  /** The fact's /timeline line; none for a detail that is not an event. */
  timeline?: string;
  publisher: string;
  answer: string;
  questions: string[];
  status?: 'retired';
  tags?: string[];
}

const EVENTS: StoryEvent[] = [
  {
    id: 'round-two-2025',
    asOf: '2025-06-02',
    timeline: 'Second round of direct talks at Çırağan Palace',
    publisher: 'Example News',
    answer: 'The second round, at Çırağan Palace on 2 June 2025, lasted a little over an hour.',
    questions: ['How long did the second round last?', 'Duration of the June talks', 'Where was the second round held?'],
  },
  {
    id: 'talks-open-2022',
    asOf: '2022-03-29',
    timeline: 'Delegations meet face to face at Dolmabahçe Palace in Istanbul',
    publisher: 'Example Wire',
    answer: 'Erdoğan received the Russian and Ukrainian delegations at Dolmabahçe Palace on 29 March 2022.',
    questions: ['When did the 2022 Istanbul talks open?', 'Dolmabahçe Palace talks', 'Who hosted the delegations in March 2022?'],
  },
  {
    id: 'grain-deal-2022',
    asOf: '2022-07-22',
    timeline: 'Grain deal signed in Istanbul',
    publisher: 'Harbour Daily',
    answer: 'The Black Sea grain deal was signed in Istanbul on 22 July 2022.',
    questions: ['When was the grain deal signed?', 'Black Sea grain initiative signing', 'Where was the grain corridor agreed?'],
    tags: ['grain'],
  },
  {
    id: 'swap-2022',
    asOf: '2022-09-21',
    timeline: 'Türkiye brokers a prisoner exchange',
    publisher: 'Example Wire',
    answer: 'On 21 September 2022 Türkiye brokered an exchange of prisoners between Russia and Ukraine.',
    questions: ['Did Türkiye broker a prisoner exchange in 2022?', 'September 2022 prisoner swap', 'Prisoner exchange brokered by Ankara'],
    tags: ['exchange'],
  },
  {
    id: 'grain-ends-2023',
    asOf: '2023-07-17',
    timeline: 'Russia leaves the grain deal',
    publisher: 'Harbour Daily',
    answer: 'Russia left the Black Sea grain deal on 17 July 2023.',
    questions: ['When did the grain deal end?', 'Russia quits the grain corridor', 'Is the grain deal still in force?'],
    tags: ['grain'],
  },
  {
    id: 'round-one-2025',
    asOf: '2025-05-16',
    timeline: 'First round of direct talks in Istanbul since 2022',
    publisher: 'Example News',
    answer: 'The first direct talks since 2022 were held in Istanbul on 16 May 2025.',
    questions: ['When was the first round of the 2025 talks?', 'First round in May 2025', 'Direct talks resume in Istanbul'],
  },
  {
    id: 'summit-offer-2025',
    asOf: '2025-06-26',
    timeline: 'Erdoğan offers to host a leaders’ summit',
    publisher: 'Example Wire',
    answer: 'Erdoğan offered to host a leaders’ summit in Istanbul.',
    questions: ['Did Erdogan offer to host a summit?', 'Erdogan summit offer', 'Leaders summit in Istanbul offer'],
  },
  {
    id: 'round-three-2025',
    asOf: '2025-07-23',
    timeline: 'Third round lasts about 40 minutes',
    publisher: 'Example News',
    answer: 'The third round lasted about 40 minutes.',
    questions: ['How long did the third round last?', 'Duration of the July talks', 'Length of the third meeting'],
  },
  {
    id: 'exchange-aug-2025',
    asOf: '2025-08-14',
    timeline: 'Prisoner exchange of 84 for 84',
    publisher: 'Example Wire',
    answer: 'On 14 August 2025 Russia and Ukraine exchanged 84 prisoners each.',
    questions: ['What happened in the August 2025 prisoner exchange?', 'August prisoner swap', 'Exchange of 84 prisoners'],
    tags: ['exchange'],
  },
  {
    id: 'exchange-oct-2025',
    asOf: '2025-10-02',
    timeline: 'Prisoner exchange of 185 for 185',
    publisher: 'Example Wire',
    answer: 'On 2 October 2025 Russia and Ukraine exchanged 185 prisoners each.',
    questions: ['What happened in the October 2025 prisoner exchange?', 'October prisoner swap', 'Exchange of 185 prisoners'],
    tags: ['exchange'],
  },
  {
    id: 'plan-2025',
    asOf: '2025-11-20',
    timeline: 'A US peace plan is put to both sides',
    publisher: 'Capital Post',
    answer: 'A 28-point US peace plan was put to Russia and Ukraine on 20 November 2025.',
    questions: ['What is the US peace plan?', 'The 28-point plan', 'When was the US plan presented?'],
  },
  {
    id: 'geneva-2025',
    asOf: '2025-11-23',
    timeline: 'Talks on the plan in Geneva',
    publisher: 'Capital Post',
    answer: 'US and Ukrainian officials discussed the plan in Geneva on 23 November 2025.',
    questions: ['Were there talks in Geneva?', 'Geneva meeting on the peace plan', 'What happened in Geneva in November 2025?'],
  },
  {
    id: 'deadline-2025',
    asOf: '2025-11-27',
    timeline: 'The deadline for a reply to the plan passes',
    publisher: 'Capital Post',
    answer: 'The deadline for Ukraine’s reply to the US plan passed on 27 November 2025 without a deal.',
    questions: ['Did Ukraine reply to the plan by the deadline?', 'Deadline for the peace plan reply', 'Thanksgiving deadline for the plan'],
  },
  // A detail, not an event: listed by /latest, never by /timeline.
  {
    id: 'delegation-heads-2025',
    asOf: '2025-11-28',
    publisher: 'Capital Post',
    answer: 'Rustem Umerov led Ukraine’s delegation at the end of November 2025.',
    questions: ['Who led Ukraine’s delegation in late November 2025?', 'Head of the Ukrainian delegation', 'Ukraine chief negotiator November 2025'],
  },
  // Retired, though the newest of all: never listed anywhere.
  {
    id: 'false-ceasefire-2025',
    asOf: '2025-11-30',
    timeline: 'A ceasefire is signed (a false report)',
    publisher: 'Rumour Mill',
    answer: 'A claim that a ceasefire was signed, since withdrawn.',
    questions: ['Was a ceasefire signed in November 2025?', 'November ceasefire signed', 'Ceasefire agreement signed'],
    status: 'retired',
  },
];

export const STORY = Object.freeze({
  events: EVENTS,
  /** The events /timeline lists, oldest first: active facts with a timeline line. */
  timeline: EVENTS.filter((e) => e.timeline !== undefined && e.status !== 'retired').sort((a, b) => a.asOf.localeCompare(b.asOf)),
  /** What /latest lists, newest first. */
  latest: ['delegation-heads-2025', 'deadline-2025', 'geneva-2025', 'plan-2025', 'exchange-oct-2025'],
});

/** "2025-06-02" → "2 June 2025", as readers read a date. */
export function readable(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function storyUrl(id: string): string {
  return `https://example.com/story/${id}`;
}

/** The facts above as one knowledge file, with a vocabulary that knows questions about now. */
export function storyBase(events: readonly StoryEvent[] = EVENTS): FactBase {
  const facts = events.map(({ publisher, status, tags, timeline, ...fact }) => ({
    ...fact,
    ...(timeline === undefined ? {} : { timeline }),
    sources: [{ title: `Report of ${fact.asOf}`, publisher, published: fact.asOf, url: storyUrl(fact.id) }],
    tags: tags ?? [],
    status: status ?? 'active',
  }));
  // JSON is YAML, so the parser the files go through reads these too.
  const result = parseFactBase(
    [{ name: 'knowledge/facts/story.yaml', text: JSON.stringify({ topic: 'The talks in order', facts }) }],
    { name: 'knowledge/vocabulary.yaml', text: JSON.stringify({ synonyms: [['exchange', 'swap']], recency: ['latest', 'newest', 'now'] }) },
  );
  if (!result.ok) throw new Error(`the story base is invalid: ${JSON.stringify(result.problems)}`);
  return result.base;
}
