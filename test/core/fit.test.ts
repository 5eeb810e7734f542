import { beforeAll, describe, expect, it } from 'vitest';
import { MATCHING } from '../../src/config/defaults.js';
import { BotCore } from '../../src/core.js';
import { capitalisedWords, datesNamed, fitsYears, monthsNamed, roundsNamed, yearsNamed, yearsOf } from '../../src/fit.js';
import { foldText } from '../../src/matching/fold.js';
import type { Fact } from '../../src/knowledge/schema.js';
import { createMatcher } from '../../src/matching/matcher.js';
import { baseOf, BUNDLED_KNOWLEDGE, loadBase, type FactSketch } from '../helpers.js';

/** One fact as the parser makes it. */
const factOf = (sketch: FactSketch): Fact => baseOf([sketch]).facts[0]!;

describe('the years a question names', () => {
  it('are each year once, in the order the question names them', () => {
    expect(yearsNamed('Talks in 2025 and in 2022, and again in 2025?')).toEqual([2025, 2022]);
  });

  it('are read through the punctuation around them', () => {
    expect(yearsNamed("2022's drafts (2024) were discussed in 2023. Then 2022–2025: \"2019\"")).toEqual([2022, 2024, 2023, 2025, 2019]);
  });

  it('run from 1991 to 2099 only', () => {
    expect(yearsNamed('1990 1991 2099 2100 1812')).toEqual([1991, 2099]);
  });

  it('are none in a question without a year', () => {
    expect(yearsNamed('How long did the third round last?')).toEqual([]);
  });

  it('are never read in a number written with separators or in a "1000-for-1000"', () => {
    for (const q of ['12,2022 prisoners', '2022,5', '2,022', '1.2022', '2022.5 km', '1,000 soldiers', 'a 1000-for-1000 exchange']) {
      expect(yearsNamed(q), q).toEqual([]);
    }
  });

  it('are never read in the first four digits of a longer number', () => {
    // "Were 20000 prisoners exchanged?" is not a question about the year 2000.
    const questions = ['Were 20000 prisoners exchanged?', '20221 cases', '19950 soldiers', '120225'];
    expect(Object.fromEntries(questions.map((q) => [q, yearsNamed(q)]))).toEqual(Object.fromEntries(questions.map((q) => [q, []])));
  });
});

describe('the years a fact speaks of', () => {
  it('are the curators’ `years` when given, whatever its date and answer say', () => {
    const fact = factOf({ id: 'drafts-claim', asOf: '2025-01-10', years: [2022, 2024], answer: 'A claim made in 2023 about the drafts.' });
    expect(yearsOf(fact)).toEqual([2022, 2024]);
  });

  it('are otherwise the year of its date and every year its answer names', () => {
    const fact = factOf({ id: 'medinsky-lead', asOf: '2025-05-16', answer: "Vladimir Medinsky, who also led Russia's team in 2022." });
    expect([...yearsOf(fact)].sort()).toEqual([2022, 2025]);
  });
});

describe('whether a fact fits the years of a question', () => {
  const drafts = factOf({ id: 'drafts-claim', asOf: '2025-01-10', years: [2022, 2024] });

  it('always holds for a question that names no year', () => {
    expect(fitsYears(drafts, [])).toBe(true);
  });

  it('holds only when the fact speaks of every year the question names', () => {
    expect(fitsYears(drafts, [2022])).toBe(true);
    expect(fitsYears(drafts, [2024, 2022])).toBe(true);
    expect(fitsYears(drafts, [2025])).toBe(false);
    expect(fitsYears(drafts, [2022, 2025])).toBe(false);
  });
});

describe('answering a question that names a year', () => {
  // Two facts that share their words but not their year: the 2025 one matches "where were the
  // talks held" better, so only the year can send a 2022 question to the 2022 fact.
  const venues: FactSketch[] = [
    {
      id: 'venue-2025',
      asOf: '2025-05-16',
      questions: ['Where were the talks held?', 'Venue of the talks', 'Which palace hosted the talks?'],
      answer: 'At Dolmabahce Palace in Istanbul.',
    },
    {
      id: 'venue-march',
      asOf: '2022-03-29',
      questions: ['Where were the talks held in March?', 'Venue of the March talks', 'Which palace hosted the March talks?'],
      answer: 'The talks were held at Dolmabahce Palace too.',
    },
    {
      id: 'medinsky-lead',
      asOf: '2025-05-16',
      questions: ['Who led the Russian delegation?', 'Head of the Russian team', "Who headed Russia's negotiators?"],
      answer: "Vladimir Medinsky, who also led Russia's team in 2022.",
    },
    {
      id: 'drafts-claim',
      asOf: '2025-01-10',
      years: [2022, 2024],
      questions: ['What did the drafts say?', 'Contents of the draft treaty', 'Draft treaty provisions'],
      answer: 'A report on the draft treaty.',
    },
  ];
  let core: BotCore;
  beforeAll(() => {
    core = new BotCore(baseOf(venues));
  });

  it('is answered by the fact of that year, though another year’s fact shares more of its words', () => {
    // The premise: on words alone, the 2025 fact is the better match.
    expect(createMatcher(baseOf(venues)).match('Where were the talks held in 2022?').candidates[0]?.fact.id).toBe('venue-2025');
    const result = core.answer('Where were the talks held in 2022?');
    expect(result.kind === 'answer' && result.factId).toBe('venue-march');
  });

  it('never offers a fact of another year, not even as a related question', () => {
    const result = core.answer('Where were the talks held in 2025?');
    expect(result.kind === 'answer' && result.factId).toBe('venue-2025');
    expect(result.suggestions.map((s) => s.factId)).not.toContain('venue-march');
  });

  it('is declined when no fact speaks of that year, however well the words match', () => {
    expect(core.answer('Where were the talks held in 2024?').kind).toBe('declined');
    expect(core.answer('Who led the Russian delegation in 2024?').kind).toBe('declined');
  });

  it('is answered by a fact whose answer names the year, or whose curators listed it', () => {
    expect(core.answer('Who led the Russian delegation in 2022?')).toMatchObject({ kind: 'answer', factId: 'medinsky-lead' });
    expect(core.answer('What did the drafts say in 2024?')).toMatchObject({ kind: 'answer', factId: 'drafts-claim' });
    expect(core.answer('What did the drafts say in 2025?').kind).toBe('declined');
  });

  it('in the bundled base, is answered only by facts that speak of that year', async () => {
    const bundled = new BotCore(await loadBase(BUNDLED_KNOWLEDGE));
    for (const [q, year] of [
      ['What happened at the talks in 2022?', 2022],
      ['What happened in Istanbul in 2022?', 2022],
      ['Who led the Russian delegation in 2025?', 2025],
      ['Prisoner exchanges in 2025', 2025],
    ] as const) {
      const result = bundled.answer(q);
      expect(result.kind, q).toBe('answer');
      if (result.kind !== 'answer') continue;
      const fact = bundled.base.facts.find((f) => f.id === result.factId)!;
      expect(yearsOf(fact), `${q} → ${fact.id}`).toContain(year);
    }
  });
});

describe('the rounds a question names', () => {
  const fit = {
    ...baseOf([{ id: 'any', asOf: '2025-05-16', questions: ['Any question?', 'Any other question?', 'One more question?'], answer: 'Any answer.' }]).vocabulary.fit,
    numberWords: ['two', 'three'],
    roundWords: ['round', 'rounds', 'раунд', 'раунді', 'раунде'],
    roundOrdinals: [
      ['first', '1st', '1', 'першому', 'первом'],
      ['second', '2nd', '2', 'другому', 'втором'],
      ['third', '3rd', '3', 'третьому', 'третьем'],
    ],
    roundNumbers: [['one'], ['two', 'два'], ['three']],
  };
  const rounds = (q: string) => roundsNamed(foldText(q), fit);

  it('are the ordinals beside a round word, before or after it, in any of the languages', () => {
    expect(rounds('What was agreed at the second round?')).toEqual([2]);
    expect(rounds('How long did the third Istanbul round last?')).toEqual([3]);
    expect(rounds('Who chaired round 1?')).toEqual([1]);
    expect(rounds('Що вирішили на третьому раунді?')).toEqual([3]);
    expect(rounds('Что решили на 2-м раунде?')).toEqual([2]);
    expect(rounds('between the first and the second round')).toEqual([2, 1]);
  });

  it('are also the cardinals after a round word: "round two", «раунд два»', () => {
    expect(rounds('how long did round two go on for')).toEqual([2]);
    expect(rounds('а раунд два де був?')).toEqual([2]);
    expect(rounds('How long did the first two rounds last?'), 'before it, a cardinal counts rounds').toEqual([]);
  });

  it('are none where an ordinal stands apart from a round word, or counts several rounds', () => {
    expect(rounds('When was the first prisoner exchange?')).toEqual([]);
    expect(rounds('How long did the first three rounds last in all?')).toEqual([]);
    expect(rounds('the second time in Istanbul, in a later round')).toEqual([]);
  });
});

describe('answering a question that names a round', () => {
  const vocabulary = { fit: { roundWords: ['round'], roundOrdinals: [['first'], ['second']] } };
  const sketches: FactSketch[] = [
    { id: 'swap-first', asOf: '2025-05-16', round: 1, questions: ['What prisoner exchange was agreed?', 'Prisoner exchange agreed', 'Which exchange of prisoners was agreed?'], answer: 'A 1,000-for-1,000 exchange was agreed.' },
    { id: 'venue-second', asOf: '2025-06-02', round: 2, questions: ['Where was the second round held?', 'Venue of the second round', 'Which palace hosted the second round?'], answer: 'At Ciragan Palace.' },
  ];

  it('is never answered by a fact of another round, however well the words match', () => {
    const core = new BotCore(baseOf(sketches, vocabulary));
    expect(core.answer('What prisoner exchange was agreed?'), 'premise: the words alone find it').toMatchObject({ kind: 'answer', factId: 'swap-first' });
    expect(core.answer('What prisoner exchange was agreed at the second round?').kind).not.toBe('answer');
    expect(core.answer('What prisoner exchange was agreed at the first round?')).toMatchObject({ kind: 'answer', factId: 'swap-first' });
  });

  it('is answered by the fact of that numbered round before a near one of another series, unless the question names the series', () => {
    const trilateral: FactSketch = {
      id: 'swap-trilateral',
      asOf: '2026-01-24',
      questions: ['What prisoner exchange was agreed at the first round?', 'Prisoner exchange agreed at the first round of trilateral talks', 'What swap was agreed at the first trilateral round in Abu Dhabi?'],
      answer: 'A swap of 157 prisoners was agreed at the first round of trilateral talks.',
    };
    const firstRound: FactSketch = { ...sketches[0]!, questions: ['Which prisoners were to be exchanged after the first round?', 'Prisoner exchange agreed in the first round of the Istanbul talks', 'What exchange was agreed at round one?'] };
    const core = new BotCore(baseOf([firstRound, trilateral], vocabulary));
    const candidates = createMatcher(core.base).match('What prisoner exchange was agreed at the first round?').candidates;
    expect(candidates[0]?.fact.id, 'premise: by its words the trilateral fact is the best').toBe('swap-trilateral');
    expect(core.answer('What prisoner exchange was agreed at the first round?')).toMatchObject({ kind: 'answer', factId: 'swap-first' });
    expect(core.answer('What prisoner exchange was agreed at the first round of trilateral talks?')).toMatchObject({ kind: 'answer', factId: 'swap-trilateral' });
  });
});

describe('answering a question that names a round of a series without numbered rounds', () => {
  const vocabulary = { fit: { roundWords: ['round'], roundOrdinals: [['first'], ['second'], ['third']] } };
  const belarus = (n: string, day: string): FactSketch => ({
    id: `belarus-${n}`,
    asOf: `2022-03-0${day}`,
    questions: [`When was the ${n} round in Belarus?`, `Date of the ${n} round in Belarus`, `Was another round planned after the ${n} one?`],
    answer: `The ${n} round of talks in Belarus was held on ${day} March 2022; the next was planned.`,
  });

  it('is not answered by a fact whose matched phrasing asks of another of its rounds', () => {
    const core = new BotCore(baseOf([belarus('second', '3')], vocabulary));
    expect(core.answer('When was the second round in Belarus?')).toMatchObject({ kind: 'answer', factId: 'belarus-second' });
    expect(core.answer('When was the third round in Belarus?').kind).not.toBe('answer');
    const both = new BotCore(baseOf([belarus('second', '3'), belarus('third', '7')], vocabulary));
    expect(both.answer('When was the third round in Belarus?')).toMatchObject({ kind: 'answer', factId: 'belarus-third' });
  });
});

describe('answering a question about someone’s age', () => {
  const vocabulary = { fit: { asksAge: ['how old'], ageWords: ['aged'] }, names: { people: ['umerov'], places: [] } };
  const sketches: FactSketch[] = [
    {
      id: 'young-prisoners',
      asOf: '2025-06-09',
      questions: ['How old were the prisoners freed in June?', 'Ages of the freed prisoners', 'Were the freed prisoners young?'],
      answer: 'Umerov announced the exchange. The prisoners freed were aged 18 to 25.',
    },
  ];
  const core = new BotCore(baseOf(sketches, vocabulary));

  it('is answered by a fact that gives the age of those asked about', () => {
    expect(core.answer('How old were the prisoners freed in June?')).toMatchObject({ kind: 'answer', factId: 'young-prisoners' });
  });

  it('is never answered with other people’s ages from a fact that names the person elsewhere', () => {
    expect(core.answer('How old is Umerov?').kind).not.toBe('answer');
    expect(core.answer('How old were the prisoners Umerov announced?'), 'the same fact, asked of the prisoners').toMatchObject({ kind: 'answer' });
  });

  it('is never answered when it asks the age of someone by a pronoun that points to no one', () => {
    const someone = new BotCore(baseOf(sketches, { ...vocabulary, fit: { ...vocabulary.fit, asksAgeOfSomeone: ['how old is he'] } }));
    const question = 'How old is he, the one who announced the prisoners freed in June?';
    expect(core.answer(question), 'premise: without the phrase, the prisoners’ ages answer').toMatchObject({ kind: 'answer' });
    expect(someone.answer(question).kind).not.toBe('answer');
    expect(someone.answer('How old were the prisoners freed in June?')).toMatchObject({ kind: 'answer', factId: 'young-prisoners' });
  });

  it('is asked in Ukrainian or Russian by «скільки років» only of a person or of people in the dative, else it counts years', () => {
    const years: FactSketch = {
      id: 'crimea-years',
      asOf: '2022-03-29',
      questions: ['Скільки років консультацій щодо Криму пропонувала Україна?', 'консультації щодо Криму', 'роки консультацій щодо Криму'],
      answer: 'Україна пропонувала 15 років консультацій щодо Криму; Умєров вів їх.',
    };
    const cyrillic = new BotCore(baseOf([years], { fit: { asksAgeOfPerson: ['скільки років'], ageWords: ['aged'] }, names: { people: ['умєров'], places: [] }, synonyms: [['умєров', 'умєрову']] }));
    expect(cyrillic.answer('Скільки років консультацій щодо Криму пропонувала Україна?')).toMatchObject({ kind: 'answer', factId: 'crimea-years' });
    expect(cyrillic.answer('Скільки років Умєрову, який вів консультації щодо Криму?').kind).not.toBe('answer');
    expect(cyrillic.answer('Скільки років було консультантам щодо Криму?').kind).not.toBe('answer');
  });
});

describe('answering "how many"', () => {
  const vocabulary = { fit: { countStops: ['was', 'were', 'did'], months: [[], [], [], [], [], [], ['july']] } };
  // Other facts, so that the grain fact's words are rare enough to tell what is counted.
  const others: FactSketch[] = ['venue', 'date', 'chair', 'delegation', 'agenda'].map((topic) => ({
    id: `round-${topic}`,
    asOf: '2025-05-16',
    questions: [`What was the ${topic} of the round?`, `The ${topic} of the round`, `Tell me the ${topic} of the round`],
    answer: `The round's ${topic} was announced on the day.`,
  }));
  const grain: FactSketch = {
    id: 'grain-shipped',
    asOf: '2023-07-17',
    questions: ['How much grain went through the corridor?', 'Grain shipped through the corridor', 'What did ships carry through the corridor?'],
    answer: 'About 33 million tonnes of grain went through the corridor, carried by ships, before it closed on 17 July 2023.',
  };
  const core = new BotCore(baseOf([grain, ...others], vocabulary));

  it('is answered by a fact that gives a number of what the question counts', () => {
    expect(core.answer('How many tonnes of grain went through the corridor?')).toMatchObject({ kind: 'answer', factId: 'grain-shipped' });
  });

  it('counts, after a measure, what its "of" names', () => {
    const withFertiliser: FactSketch = { ...grain, answer: 'About 33 million tonnes of grain went through the corridor before it closed; Russia said its fertiliser exports were still blocked.' };
    const question = 'How many tonnes of fertiliser went through the corridor?';
    expect(new BotCore(baseOf([withFertiliser, ...others], vocabulary)).answer(question), 'premise: tonnes are counted').toMatchObject({ kind: 'answer' });
    const measured = new BotCore(baseOf([withFertiliser, ...others], { fit: { ...vocabulary.fit, measures: ['tonnes'] } }));
    expect(measured.answer(question).kind).not.toBe('answer');
    expect(measured.answer('How many tonnes of grain went through the corridor?')).toMatchObject({ kind: 'answer', factId: 'grain-shipped' });
  });

  it('counts what its first words name, not what its later words mention', () => {
    expect(core.answer('How many ships carried grain through the corridor?').kind).not.toBe('answer');
  });

  it('is answered by any count when it names nothing it counts, but never by a fact without one', () => {
    const closed: FactSketch = { id: 'corridor-closed', asOf: '2023-07-17', questions: ['Was the corridor closed?', 'Corridor closed', 'When was the corridor closed?'], answer: 'Russia closed the corridor in July 2023.' };
    const both = new BotCore(baseOf([grain, closed, ...others], { fit: { ...vocabulary.fit, countStops: [...vocabulary.fit.countStops, 'to', 'be'] } }));
    expect(both.answer('how many to be shipped through the corridor?')).toMatchObject({ kind: 'answer', factId: 'grain-shipped' });
    expect(both.answer('Was the corridor closed?'), 'premise: its words alone find it').toMatchObject({ kind: 'answer', factId: 'corridor-closed' });
    expect(both.answer('How many were closed in the corridor?')).not.toMatchObject({ factId: 'corridor-closed' });
  });
});

describe('the months a question names', () => {
  const months = [['january'], ['february'], ['march'], ['april'], ['may', 'травні', 'мая'], ['june'], ['july'], ['august'], ['september', 'вересня']];

  it('are month names, in any of the languages, "may" only where it is no verb', () => {
    expect(monthsNamed('Did Zelensky go to Istanbul in May?', months)).toEqual([5]);
    expect(monthsNamed('що було у травні? а 16 мая?', months)).toEqual([5]);
    expect(monthsNamed('who may attend the talks in June?', months)).toEqual([6]);
  });

  it('are none where a month bounds a time: "before September", «до вересня»', () => {
    expect(monthsNamed('could they meet before September?', months)).toEqual([]);
    expect(monthsNamed('зустріч до вересня', months)).toEqual([]);
  });
});

describe('answering a question that names a month', () => {
  const vocabulary = { fit: { months: [['january'], ['february'], ['march'], ['april'], ['may'], ['june'], ['july'], ['august'], ['september'], ['october'], ['november']] } };
  const trip: FactSketch = { id: 'umerov-trip', asOf: '2025-11-11', questions: ['Why did Umerov go to Istanbul?', 'Umerov trip to Istanbul', 'Umerov in Istanbul'], answer: 'Umerov went to Istanbul on 11 November 2025 to restart the exchanges.' };
  const team: FactSketch = { id: 'russian-team', asOf: '2025-07-23', questions: ['Who is on the Russian team?', 'Russian team members', 'Members of the Russian team'], answer: 'Medinsky, Fomin and Galuzin make up the Russian team.' };
  const firstRound: FactSketch = { id: 'first-round', asOf: '2025-05-16', questions: ['When was the first round?', 'First round date', 'Date of the first round'], answer: 'The first round was on 16 May 2025.' };
  const core = new BotCore(baseOf([trip, team, firstRound], vocabulary));

  it('is not answered by a fact that names only other months', () => {
    expect(core.answer('Why did Umerov go to Istanbul?'), 'premise').toMatchObject({ kind: 'answer', factId: 'umerov-trip' });
    expect(core.answer('Why did Umerov go to Istanbul in May?').kind).not.toBe('answer');
    expect(core.answer('Why did Umerov go to Istanbul in November?')).toMatchObject({ kind: 'answer', factId: 'umerov-trip' });
  });

  it('is answered by a fact that names no month at all', () => {
    expect(core.answer('Who was on the Russian team in May?')).toMatchObject({ kind: 'answer', factId: 'russian-team' });
  });
});

describe('the days a question names', () => {
  const months = [['january'], ['february'], ['march'], ['april'], ['may', 'травня', 'мая'], ['june', 'червня', 'июня'], ['july', 'липня', 'июля']];

  it('are a day number beside a month, either way round, in any of the languages, or written in figures', () => {
    expect(datesNamed('What happened on 2 June?', months)).toEqual(['6-2']);
    expect(datesNamed('What happened on June 2nd, and on the 16th of May?', months)).toEqual(['6-2', '5-16']);
    expect(datesNamed('Що сталося 23 липня?', months)).toEqual(['7-23']);
    expect(datesNamed('Что было 16-го мая?', months)).toEqual(['5-16']);
    expect(datesNamed('Geneva 23.11.2025', months)).toEqual(['11-23']);
  });

  it('are none for a month alone, a year, or a decimal number', () => {
    expect(datesNamed('What happened in June 2025?', months)).toEqual([]);
    expect(datesNamed('a 1.5 hour meeting, 3.000 prisoners', months)).toEqual([]);
  });
});

describe('answering a question that names a day', () => {
  const vocabulary = { fit: { months: [['may'], ['june']].flatMap((m, i) => (i === 0 ? [[], [], [], [], m] : [m])) } };
  const sketches: FactSketch[] = [
    { id: 'swap-agreed', asOf: '2025-06-02', questions: ['Which prisoners were swapped?', 'Prisoners swapped', 'Size of the prisoner swap'], answer: 'Both sides agreed on 2 June to swap all wounded prisoners.' },
  ];
  const core = new BotCore(baseOf(sketches, vocabulary));

  it('is answered by a fact of that day, or one that names it', () => {
    expect(core.answer('Which prisoners were swapped on 2 June?')).toMatchObject({ kind: 'answer', factId: 'swap-agreed' });
  });

  it('is never answered by a fact of another day, however well the words match', () => {
    expect(core.answer('Which prisoners were swapped?'), 'premise: the words alone find it').toMatchObject({ kind: 'answer' });
    expect(core.answer('Which prisoners were swapped on 9 May?').kind).not.toBe('answer');
  });

  it('reads a day that could be a year as the year, when the fact is of that year', () => {
    // Chat writes "June 25" for June 2025 as often as for 25 June.
    expect(core.answer('Which prisoners were swapped in June 25?')).toMatchObject({ kind: 'answer', factId: 'swap-agreed' });
    expect(core.answer('Which prisoners were swapped in June 24?').kind).not.toBe('answer');
    // Day first, or with a year after, it is a day.
    expect(core.answer('Which prisoners were swapped on 25 June?').kind).not.toBe('answer');
    expect(core.answer('Which prisoners were swapped on June 25, 2025?').kind).not.toBe('answer');
  });
});

describe('answering a question about the bot, or one that asks whom to believe', () => {
  const facts: FactSketch[] = [
    { id: 'delegation-names', asOf: '2025-05-16', questions: ['What are the names of the Russian delegates?', 'Names of the delegation', 'Who was in the delegation?'], answer: 'Medinsky, Fomin and Galuzin.' },
    { id: 'putin-offer', asOf: '2025-05-11', questions: ['Can Putin be trusted to negotiate?', 'Putin offer of talks', 'Did Putin offer talks?'], answer: 'Putin offered direct talks on 11 May.' },
  ];
  const vocabulary = { fit: { offTask: ['your name'], opinion: ['can we trust'] } };

  it('declines them, however well their words match a fact', () => {
    const words = new BotCore(baseOf(facts));
    expect(words.answer("what's your name?"), 'premise: the words alone find a fact').toMatchObject({ kind: 'answer' });
    expect(words.answer('can we trust Putin to negotiate?'), 'premise: the words alone find a fact').toMatchObject({ kind: 'answer' });
    const core = new BotCore(baseOf(facts, vocabulary));
    expect(core.answer("what's your name?").kind).not.toBe('answer');
    expect(core.answer('can we trust Putin to negotiate?').kind).not.toBe('answer');
    expect(core.answer('What are the names of the Russian delegates?')).toMatchObject({ kind: 'answer', factId: 'delegation-names' });
  });
});

describe('answering "how long"', () => {
  const vocabulary = { fit: { asksDuration: ['how long'], durationUnits: ['minutes', 'hours', 'week', 'weeks'], durationWords: ['a week', 'overnight'] } };
  const meeting = (id: string, answer: string): FactSketch => ({ id, asOf: '2025-11-30', questions: ['How long did the Florida meeting last?', 'Florida meeting', 'Length of the Florida meeting'], answer });

  it('is answered by a fact that gives a length of time', () => {
    for (const answer of ['The Florida meeting lasted about 40 minutes.', 'The Florida meeting went on overnight.', 'The Florida meeting took a week.', 'The Florida meeting lasted 2 hours before it broke up.']) {
      expect(new BotCore(baseOf([meeting('florida', answer)], vocabulary)).answer('How long did the Florida meeting last?'), answer).toMatchObject({ kind: 'answer' });
    }
  });

  it('is not answered by a span of time that dates something else', () => {
    for (const answer of ['The Florida meeting built on the Geneva talks a week earlier.', 'Florida came 2 hours later.', 'Florida, three weeks ago.']) {
      expect(new BotCore(baseOf([meeting('florida', answer)], vocabulary)).answer('How long did the Florida meeting last?').kind, answer).not.toBe('answer');
    }
  });
});

describe('answering "at what time"', () => {
  const vocabulary = { fit: { asksClockTime: ['at what time', 'what time'] } };
  const start = (answer: string): FactSketch => ({ id: 'start', asOf: '2025-07-23', questions: ['When did the July talks start?', 'July talks start', 'Start of the July talks'], answer });

  it('is answered by a fact that gives a time of day', () => {
    for (const question of ['At what time did the July talks start?', 'what time did the july talks start']) {
      expect(new BotCore(baseOf([start('The July talks started at 20:40 after a delay.')], vocabulary)).answer(question), question).toMatchObject({ kind: 'answer' });
    }
  });

  it('is no question of a time of day where "what time" goes on: "what time limit", "what time of year"', () => {
    const core = new BotCore(baseOf([start('The July talks started on 23 July 2025 with a time limit of a week.')], vocabulary));
    expect(core.answer('What time limit did the July talks start with?')).toMatchObject({ kind: 'answer' });
    expect(core.answer('at what time of year did the July talks start?')).toMatchObject({ kind: 'answer' });
  });

  it('is not answered by a fact that only dates the day, or gives a number that is no time', () => {
    for (const answer of ['The July talks started on 23 July 2025.', 'The July talks started with 1,200 prisoners on the table; the ratio was 3:1000.']) {
      const core = new BotCore(baseOf([start(answer)], vocabulary));
      expect(core.answer('When did the July talks start?'), `premise: ${answer}`).toMatchObject({ kind: 'answer' });
      expect(core.answer('At what time did the July talks start?').kind, answer).not.toBe('answer');
    }
  });
});

describe('two near candidates for a question', () => {
  const facts: FactSketch[] = [
    { id: 'deadline-reply', asOf: '2025-07-29', questions: ['What did Moscow say about the new deadline Trump gave Putin?', 'Moscow reply to the new deadline', 'Kremlin on the deadline'], answer: 'Moscow said it took note of the new deadline.' },
    { id: 'deadline-place', asOf: '2025-07-28', questions: ['Where did Trump announce the new deadline for Putin?', 'Trump deadline announcement', 'deadline set in Scotland'], answer: 'Trump announced the new deadline in Scotland.' },
  ];
  const base = baseOf(facts, { fit: { asks: [['where'], ['what']] } });
  const question = 'where did Trump set the new deadline he gave Putin';

  it(`go in the order of the one whose closest phrasing asks what the question asks, within MATCHING.askingAlikeBand (${MATCHING.askingAlikeBand}) of the best`, () => {
    const [first, second] = createMatcher(base).match(question).candidates;
    expect(first?.fact.id, 'premise: by its words the reply is the best').toBe('deadline-reply');
    expect(second!.confidence, 'premise: the place is near it').toBeGreaterThanOrEqual(first!.confidence * MATCHING.askingAlikeBand);
    expect(new BotCore(base).answer(question)).toMatchObject({ kind: 'answer', factId: 'deadline-place' });
  });

  it('keep the order of their words when the best already asks what the question asks', () => {
    expect(new BotCore(base).answer('what did Trump set as the new deadline he gave Putin')).toMatchObject({ kind: 'answer', factId: 'deadline-reply' });
  });
});

describe('a name written with a capital inside a sentence', () => {
  it('is every capitalised word but the one opening a sentence, in either alphabet', () => {
    expect(capitalisedWords('Did Lula attend the talks in Abu Dhabi? Who is Medinsky?')).toEqual(['Lula', 'Abu', 'Dhabi', 'Medinsky']);
    expect(capitalisedWords('що сказав Туск про план?')).toEqual(['Туск']);
    expect(capitalisedWords('WHERE did the 2022 istanbul talks happen?!')).toEqual([]);
  });

  it('rules out every fact when no fact holds it, where an unknown word in lower case only weighs against them', () => {
    const facts: FactSketch[] = [
      { id: 'abu-dhabi-attendees', asOf: '2026-01-23', questions: ['Who attended the trilateral talks in Abu Dhabi?', 'Abu Dhabi talks attendees', 'Did Witkoff attend the Abu Dhabi talks?'], answer: 'Witkoff, Umerov and Kostyukov attended the trilateral talks in Abu Dhabi.' },
    ];
    const core = new BotCore(baseOf(facts));
    expect(core.answer('Did lula attend the trilateral talks in Abu Dhabi?'), 'premise: in lower case the words answer it').toMatchObject({ kind: 'answer' });
    expect(core.answer('Did Lula attend the trilateral talks in Abu Dhabi?').kind).not.toBe('answer');
    expect(core.answer('Did Witkoff attend the trilateral talks in Abu Dhabi?')).toMatchObject({ kind: 'answer', factId: 'abu-dhabi-attendees' });
  });
});

describe('a question that names a side', () => {
  // Russia and Ukraine are in nearly every fact, too common to count as names by their weight.
  const sides = { names: { people: [], places: ['russia', 'ukraine'], sides: ['russia', 'ukraine'] } };
  const facts: FactSketch[] = [
    { id: 'ukraine-team', asOf: '2025-05-16', questions: ['Who was on the negotiating team in May?', 'Members of the negotiating team in May', 'Who represented Ukraine in May?'], answer: "Ukraine's negotiating team in May was led by Umerov." },
    { id: 'swap-agreed', asOf: '2025-05-16', questions: ['How many prisoners did Russia and Ukraine agree to swap?', 'Prisoner swap agreed by Russia and Ukraine', 'What swap did the sides agree?'], answer: 'Russia and Ukraine agreed to swap 1,000 prisoners each.' },
    { id: 'swap-carried-out', asOf: '2025-05-25', questions: ['When was the agreed prisoner swap carried out?', 'Dates the agreed swap of prisoners was carried out', 'When were the prisoners swapped?'], answer: 'The swap was carried out from 23 to 25 May; 390 Ukrainians came home on the first day.' },
    { id: 'no-ceasefire', asOf: '2025-05-16', questions: ['Did Russia and Ukraine agree a ceasefire?', 'Ceasefire between Russia and Ukraine', 'Is there a truce?'], answer: 'Russia and Ukraine did not agree a ceasefire.' },
    { id: 'talks-opened', asOf: '2025-05-16', questions: ['Where did Russia and Ukraine meet?', 'Venue of the talks', 'Where were the talks?'], answer: 'Russia and Ukraine met at Dolmabahce Palace in Istanbul.' },
  ];

  it("is not answered by a fact that never names that side, though it is about the other side's part", () => {
    const question = "Who was on Russia's negotiating team in May?";
    expect(new BotCore(baseOf(facts, { names: { ...sides.names, sides: [] } })).answer(question), 'premise: by its words the Ukrainian team answers').toMatchObject({ kind: 'answer', factId: 'ukraine-team' });
    const core = new BotCore(baseOf(facts, sides));
    expect(core.answer(question).kind).not.toBe('answer');
    expect(core.answer("Who was on Ukraine's negotiating team in May?")).toMatchObject({ kind: 'answer', factId: 'ukraine-team' });
  });

  it('rules out only a fact about the other side: not one that names neither, nor any for a question naming both', () => {
    const neither: FactSketch = { id: 'chair', asOf: '2025-05-16', questions: ['Who chaired the talks in May?', 'Chair of the May talks', 'Who presided in May?'], answer: 'Fidan chaired the talks in May.' };
    const withNeither = [...facts, neither];
    const cases: [question: string, factId: string][] = [
      ['Who chaired the talks between Russia and Ukraine in May?', 'chair'],
      ['Who chaired the talks with Russia in May?', 'chair'],
    ];
    for (const [question, factId] of cases) {
      expect(new BotCore(baseOf(withNeither, { names: { ...sides.names, sides: [] } })).answer(question), `premise: ${question}`).toMatchObject({ kind: 'answer', factId });
      expect(new BotCore(baseOf(withNeither, sides)).answer(question), question).toMatchObject({ kind: 'answer', factId });
    }
  });

  it('counts in a follow-up only when the follow-up names it, not the question before', () => {
    const followUp = { anaphora: ['that'], openings: ['and'] };
    const ask = (core: BotCore) => {
      core.answer({ question: 'How many prisoners did Russia and Ukraine agree to swap?', conversation: 'c' });
      return core.answer({ question: 'and when was that swap carried out?', conversation: 'c' });
    };
    expect(ask(new BotCore(baseOf(facts, { names: { ...sides.names, sides: [] }, followUp }))), 'premise: read with the question before').toMatchObject({ kind: 'answer', factId: 'swap-carried-out' });
    expect(ask(new BotCore(baseOf(facts, { ...sides, followUp })))).toMatchObject({ kind: 'answer', factId: 'swap-carried-out' });
  });
});
