// A small base for reading messages and conversations: two rounds, each with a date and a venue
// phrased alike (so a question that leaves out which round is answered by the wrong one unless it
// is read with what came before), two leaders and what each said, hosts by year, and a retired claim.
import type { FactSketch } from './helpers.js';

export const ROUNDS: FactSketch[] = [
  {
    id: 'round-one-date',
    asOf: '2025-05-16',
    questions: ['When was the first round?', 'Date of the first round', 'On what day was the first round held?'],
    answer: 'The first round was on 16 May 2025.',
  },
  {
    id: 'round-two-date',
    asOf: '2025-06-02',
    questions: ['When was the second round?', 'Date of the second round', 'On what day was the second round held?'],
    answer: 'The second round was on 2 June 2025.',
  },
  {
    id: 'round-one-venue',
    asOf: '2025-05-16',
    questions: ['Where was the first round held?', 'Venue of the first round', 'Which palace hosted the first round?'],
    answer: 'The first round was held at Dolmabahce Palace.',
  },
  {
    id: 'round-two-venue',
    asOf: '2025-06-02',
    questions: ['Where was the second round held?', 'Venue of the second round', 'Which palace hosted the second round?'],
    answer: 'The second round was held at Ciragan Palace.',
  },
  {
    id: 'ankara-claim',
    status: 'retired',
    asOf: '2025-05-01',
    questions: ['Was the first round in Ankara?', 'First round in Ankara', 'Ankara venue claim'],
    answer: 'An outdated claim that must never be served.',
  },
];

/** Who led each side, each answer naming two people, and what two of them said. */
export const LEADERS: FactSketch[] = [
  {
    id: 'russia-lead',
    asOf: '2025-05-16',
    questions: ['Who led the Russian delegation?', 'Head of the Russian team', 'Who headed the Russian negotiators?'],
    answer: 'Medinsky led the Russian delegation; Fomin sat beside him.',
  },
  {
    id: 'ukraine-lead',
    asOf: '2025-05-16',
    questions: ['Who led the Ukrainian delegation?', 'Head of the Ukrainian team', 'Who headed the Ukrainian negotiators?'],
    answer: 'Fomin did not; Umerov led it, with Medinsky across the table.',
  },
  {
    id: 'medinsky-said',
    asOf: '2025-05-16',
    questions: ['What did Medinsky say after the talks?', 'Medinsky statement after the talks', 'Medinsky remarks after the talks'],
    answer: 'Medinsky said Russia was satisfied.',
  },
  {
    id: 'fomin-said',
    asOf: '2025-05-16',
    questions: ['What did Fomin say after the talks?', 'Fomin statement after the talks', 'Fomin remarks after the talks'],
    answer: 'Fomin said nothing in public.',
  },
];

/** A vocabulary with every section a chat needs: hedges, small talk, follow-ups and names. */
export const CHAT_VOCABULARY = {
  filler: ['is it true that', 'correct me if i m wrong but', 'isn t it', 'i think'],
  smallTalk: {
    help: ['help', 'what can you do'],
    thanks: ['thanks', 'thank you'],
    greeting: ['hi', 'hello', 'hi there'],
    ack: ['ok', 'got it'],
    filler: ['bot', 'so', 'much'],
  },
  followUp: {
    openings: ['and', 'what about'],
    anaphora: ['he', 'she', 'it', 'that', 'then', 'that one'],
    personPronouns: ['he', 'she'],
    kinds: [
      ['first', 'second', 'third', '1st', '2nd', '3rd'],
      ['when', 'where', 'who', 'what'],
    ],
  },
  // Fomin is listed before Medinsky: "he" must follow the order of the answer, not of this list.
  names: { people: ['fomin', 'medinsky', 'umerov'], places: ['ankara', 'istanbul'] },
};
