import { describe, expect, it } from 'vitest';
import { BotCore } from '../../src/core.js';
import { readsAsFollowUp, speaksOf, spelledNames, withContext, withPersonNamed, type Earlier } from '../../src/follow-up.js';
import type { WordSense } from '../../src/fit.js';
import { baseOf, type FactSketch } from '../helpers.js';
import { CHAT_VOCABULARY, LEADERS, ROUNDS } from '../talks-base.js';

const base = baseOf([...ROUNDS, ...LEADERS], CHAT_VOCABULARY);
const { followUp, names } = base.vocabulary;
const inContext = (question: string, earlier: Earlier) => withContext(question, earlier, followUp, names);

describe('a follow-up', () => {
  it('opens like one, or points back at what was asked before', () => {
    for (const question of ['and the second?', 'And the second?', 'What about the venue?', 'where was it held?', 'was that in May?', 'Then?', 'that one?']) {
      expect(readsAsFollowUp(question, followUp), question).toBe(true);
    }
  });

  it('is not a question that stands on its own, even one holding a follow-up word inside a word or past its start', () => {
    for (const question of ['Where was the first round held?', 'Is Italy involved?', 'the second round and the third?', 'Whatever about the venue?']) {
      expect(readsAsFollowUp(question, followUp), question).toBe(false);
    }
  });
});

describe('reading a follow-up with the earlier question', () => {
  it('puts the follow-up’s own words first, then the earlier question’s', () => {
    expect(inContext('where was it held?', { question: 'When was the first round?' })).toBe('where was it held? where was the first round');
  });

  it('lets a word of a kind replace the earlier question’s word of that kind where it stood, in any of its spellings', () => {
    for (const [question, own] of [
      ['and the second?', 'second'],
      ['And the SECOND one?', 'second'],
      ['and the 2nd?', '2nd'],
    ] as const) {
      const read = inContext(question, { question: 'When was the first round?' });
      expect(read, question).toMatch(/^and the (second|2nd)\b/i);
      expect(read, question).not.toMatch(/\bfirst\b/);
      expect(read, question).toContain(`when was the ${own} round`);
    }
  });

  it('keeps the earlier words of every kind the follow-up does not name', () => {
    const read = inContext('where was it held?', { question: 'When was the first round in 2025?' });
    expect(read).toContain('first round');
    expect(read).toContain('2025');
    expect(read).not.toContain('when');
  });

  it('replaces a month with a month, and the day that went with it', () => {
    const withMonths = { ...followUp, kinds: [...followUp.kinds, ['june', 'july']] };
    const read = withContext('and in June?', { question: 'What was agreed on 23 July?' }, withMonths, names);
    expect(read).toContain('agreed on june');
    expect(read).not.toMatch(/23|july/);
  });

  it('replaces a person with a person, but adds one to an earlier question that named two', () => {
    expect(inContext('and Umerov?', { question: 'What did Medinsky say?' })).toBe('and Umerov? what did umerov say');
    // "Medinsky and Fomin" is what the earlier question was about; Umerov's view of it is asked.
    expect(inContext('and Umerov?', { question: 'Did Medinsky and Fomin meet?' })).toBe('and Umerov? did medinsky and fomin meet');
  });

  it('finds a person in any spelling the synonym table gives, and replaces one spelt otherwise', () => {
    const spelled = spelledNames({ people: ['erdogan', 'zelensky'], places: [], sides: [] }, [['erdogan', 'ердоган'], ['zelensky', 'зеленський', 'зеленский']]);
    expect(spelled.people).toEqual(['erdogan', 'ердоган', 'zelensky', 'зеленський', 'зеленский']);
    const read = withContext('а зеленський що казав?', { question: 'До чого закликав Ердоган у листопаді?' }, followUp, spelled);
    expect(read).toContain('закликав зеленський у листопаді');
    expect(read).not.toContain('ердоган');
  });

  it('replaces a name spelt in several words whole, and one that stood beside another person but not joined to them', () => {
    const spelled = spelledNames({ people: ['erdogan', 'zelensky', 'fidan'], places: [], sides: [] }, [['erdogan', 'recep tayyip erdogan']]);
    expect(withContext('and Zelensky?', { question: 'What did Recep Tayyip Erdogan say?' }, followUp, spelled)).toBe('and Zelensky? what did zelensky say');
    const notJoined = withContext('and Fidan?', { question: 'What did Erdogan say to Zelensky?' }, followUp, spelled);
    expect(notJoined).toContain('what did fidan say');
    expect(notJoined).not.toContain('erdogan');
    expect(withContext('and Fidan?', { question: 'Will Erdogan and Zelensky meet?' }, followUp, spelled)).toBe('and Fidan? will erdogan and zelensky meet');
  });

  it('reads a word as of the first kind that lists it: a side’s adjective does not replace a place', () => {
    const spelled = spelledNames({ people: [], places: ['istanbul', 'moscow'], sides: ['russia'] }, [['istanbul', 'стамбул'], ['russia', 'russian', 'ukrainian', 'moscow']]);
    const withSides = { ...followUp, kinds: [...followUp.kinds, ['russian', 'ukrainian']] };
    expect(withContext('and the Ukrainian delegation?', { question: 'Who led the Russian delegation in Istanbul?' }, withSides, spelled)).toBe('and the Ukrainian delegation? who led the ukrainian delegation in istanbul');
  });

  it('replaces a year with a year', () => {
    const read = inContext('and in 2022?', { question: 'Who hosted the talks in 2025?' });
    expect(read).toContain('hosted the talks');
    expect(read).not.toContain('2025');
  });

  it('reads "he" or "she" as the person the earlier answer names first, where the pronoun stood', () => {
    const earlier = { question: 'Who led the Russian delegation?' };
    expect(inContext('what did he say then?', { ...earlier, answer: 'Medinsky led it; Fomin sat beside him.' })).toBe('what did medinsky say then');
    expect(inContext('what did she say then?', { ...earlier, answer: 'Fomin did not; Medinsky did.' })).toBe('what did fomin say then');
  });

  it('reads "he" as the person the earlier fact is about, by its tags, before one its answer names first as a speaker', () => {
    const earlier = { question: 'Who leads the new dialogue?', answer: 'Fomin said the dialogue would be led by Umerov.' };
    expect(inContext('what did he say then?', earlier), 'premise: untagged, the first named').toBe('what did fomin say then');
    expect(inContext('what did he say then?', { ...earlier, about: 'dialogue umerov' })).toBe('what did umerov say then');
    expect(inContext('what did he say then?', { ...earlier, about: 'dialogue' }), 'tags naming no one').toBe('what did fomin say then');
  });

  it('leaves a pronoun right after a name to that person: "did Medinsky himself come?"', () => {
    const reflexive = { ...followUp, personPronouns: ['he', 'himself'] };
    const earlier = { question: 'Who led the Russian delegation?', answer: 'Fomin led it.' };
    expect(withPersonNamed('did medinsky himself come?', earlier, reflexive, names).text).toBe('did medinsky himself come?');
    expect(withPersonNamed('did he come himself?', earlier, reflexive, names).text).toBe('did fomin come fomin');
  });

  it('reads "he" as the person the earlier question named, before any its answer names, and goes on with that question', () => {
    const earlier = { question: 'What did Fomin say after the talks?', answer: 'Medinsky said nothing; Fomin spoke.' };
    expect(withPersonNamed('how old is he?', earlier, followUp, names)).toEqual({ text: 'how old is fomin', fromAnswer: false });
    expect(inContext('how old is he?', earlier)).toBe('how old is fomin what did fomin say after the talks');
  });

  it('leaves "he" as it is when the conversation named no one', () => {
    expect(withPersonNamed('how old is he?', { question: 'When was the first round?', answer: 'On 16 May.' }, followUp, names)).toEqual({ text: 'how old is he?', fromAnswer: false });
  });

  it('reads "he" with the earlier question when the earlier answer names nobody it knows, or there was none', () => {
    for (const earlier of [{ question: 'Who led the Russian delegation?', answer: 'Nobody we know.' }, { question: 'Who led the Russian delegation?' }]) {
      expect(inContext('what did he say then?', earlier)).toBe('what did he say then? what led the russian delegation');
    }
  });

  it('lets a person replace a person and a place a place, keeping the other', () => {
    const earlier = { question: 'What did Medinsky say in Istanbul?' };
    const aboutFomin = inContext('what about Fomin?', earlier);
    expect(aboutFomin).not.toContain('medinsky');
    expect(aboutFomin).toContain('istanbul');
    const inAnkara = inContext('and in Ankara?', earlier);
    expect(inAnkara).not.toContain('istanbul');
    expect(inAnkara).toContain('medinsky');
  });
});

describe('answering a follow-up in a conversation', () => {
  /** What a question gets in a conversation after `earlier`, and what it gets on its own. */
  function answers(earlier: string, question: string) {
    const core = new BotCore(base);
    core.answer({ question: earlier, conversation: 'c' });
    return { inConversation: core.answer({ question, conversation: 'c' }), alone: new BotCore(base).answer(question) };
  }

  it('reads "and the second?" as the earlier question asked about the second round', () => {
    const { inConversation, alone } = answers('Where was the first round held?', 'and the second?');
    expect(alone).not.toMatchObject({ factId: 'round-two-venue' });
    expect(inConversation).toMatchObject({ kind: 'answer', factId: 'round-two-venue', question: 'and the second?' });
  });

  it('reads "where was it held?" as asked about the round the earlier question named', () => {
    const { inConversation, alone } = answers('When was the second round?', 'where was it held?');
    expect(alone).not.toMatchObject({ factId: 'round-two-venue' });
    expect(inConversation).toMatchObject({ kind: 'answer', factId: 'round-two-venue' });
  });

  it('reads "he" as the person the last answer named first', () => {
    const russian = answers('Who led the Russian delegation?', 'what did he say after the talks?');
    expect(russian.alone).not.toMatchObject({ factId: 'medinsky-said' });
    expect(russian.inConversation).toMatchObject({ kind: 'answer', factId: 'medinsky-said' });
    // The other side's answer names Fomin first.
    expect(answers('Who led the Ukrainian delegation?', 'what did he say after the talks?').inConversation).toMatchObject({ kind: 'answer', factId: 'fomin-said' });
  });

  it('reads "he" as the person the last fact is about, by its tags, before one its answer names first', () => {
    const umerovSaid: FactSketch = { id: 'umerov-said', asOf: '2025-05-16', questions: ['What did Umerov say after the talks?', 'Umerov statement after the talks', 'Umerov remarks after the talks'], answer: 'Umerov said the talks were hard.' };
    const tagged = LEADERS.map((f) => (f.id === 'ukraine-lead' ? { ...f, tags: ['umerov'] } : f));
    const core = new BotCore(baseOf([...ROUNDS, ...tagged, umerovSaid], CHAT_VOCABULARY));
    core.answer({ question: 'Who led the Ukrainian delegation?', conversation: 'c' });
    expect(core.answer({ question: 'what did he say after the talks?', conversation: 'c' })).toMatchObject({ kind: 'answer', factId: 'umerov-said' });
  });
});

describe('a fact that speaks of what an earlier question asked', () => {
  // Words as stems, with the share of facts holding each, and which fact holds which.
  const shares: Record<string, number> = { second: 0.1, round: 0.2, palace: 0.05, talks: 0.9 };
  const held: Record<string, string[]> = { venue: ['second', 'round', 'palace', 'talks'], appeal: ['talks'], half: ['second', 'talks'] };
  const sense: WordSense = { stems: (text) => text.split(' '), share: (stem) => shares[stem] ?? 0, holds: (id, stem) => held[id]?.includes(stem) ?? false };

  it('holds at least half of its telling words', () => {
    expect(speaksOf('venue', 'second round talks', sense)).toBe(true);
    expect(speaksOf('half', 'second round talks', sense)).toBe(true);
  });

  it('does not, holding only words most facts hold', () => {
    expect(speaksOf('appeal', 'second round talks', sense)).toBe(false);
    expect(speaksOf('venue', 'talks', sense)).toBe(false);
  });
});
