import { describe, expect, it } from 'vitest';
import { createNormalizer } from '../../src/matching/normalize.js';

describe('the normalizer', () => {
  const normalizer = createNormalizer({
    synonyms: [
      ['ceasefire', 'truce', 'cease fire'],
      ['prisoner', 'prisoners of war', 'pows'],
      ['yermak', 'andriy yermak', 'andrii yermak'],
    ],
  });

  it('replaces every spelling of a synonym group with its first word', () => {
    expect(normalizer.stems('a truce')).toEqual(normalizer.stems('a ceasefire'));
    expect(normalizer.stems('a cease-fire')).toEqual(normalizer.stems('a ceasefire'));
    expect(normalizer.stems('Andrii Yermak')).toEqual(normalizer.stems('Andriy Yermak'));
  });

  it('prefers the longest phrase of a group', () => {
    expect(normalizer.stems('freeing prisoners of war')).toEqual(normalizer.stems('freeing pows'));
  });

  it('drops stopwords and stems the rest', () => {
    expect(normalizer.stems('What were the negotiations about?')).toEqual(['negoti']);
  });

  it('drops chat filler that says nothing about which fact is meant', () => {
    expect(normalizer.stems('who else was on the team apart from Yermak, actually?')).toEqual(normalizer.stems('who was on the team from Yermak?'));
  });

  it('takes a typo of a stopword, and a first name the synonyms know only beside its surname, for filler', () => {
    const withNames = createNormalizer({ synonyms: [['putin', 'vladimir putin']] });
    expect(['wher', 'wat', 'vladimir'].filter((w) => withNames.isFiller(w))).toEqual(['wher', 'wat', 'vladimir']);
    // English words are never typos, and a word the table knows on its own is no filler.
    expect(['tall', 'putin', 'pizza'].filter((w) => withNames.isFiller(w))).toEqual([]);
  });

  it('drops contractions typed without their apostrophe', () => {
    expect(normalizer.stems('isnt he the negotiator? whos that')).toEqual(['negoti']);
    expect(normalizer.stems("isn't he the negotiator? who's that, didn't they?")).toEqual(['negoti']);
  });

  it('drops Ukrainian and Russian filler: "besides", "some", "supposedly", "very", "regarding", "really"', () => {
    expect(normalizer.stems('хто окрім Умєрова був у делегації, якийсь міністр?')).toEqual(normalizer.stems('хто Умєрова був у делегації, міністр?'));
    expect(normalizer.stems('кто кроме Мединского якобы был очень важен')).toEqual(normalizer.stems('кто Мединского был важен'));
    expect(normalizer.stems('что конкретно предлагала Москва насчёт пленных')).toEqual(normalizer.stems('что предлагала Москва пленных'));
    expect(normalizer.stems('що справді пропонували стосовно полонених')).toEqual(normalizer.stems('що пропонували полонених'));
  });

  it('stems a Ukrainian noun in -ія alike in every case, as a Russian one is', () => {
    const stemsOf = (words: string) => new Set(normalizer.stems(words));
    expect(stemsOf('делегація делегації делегацію делегацією делегацій').size).toBe(1);
    expect(stemsOf('делегация делегации делегацию делегацией').size).toBe(1);
    expect(stemsOf('делегація делегация')).toEqual(stemsOf('делегація'));
  });

  it('stems a Ukrainian verb alike in the past tense, "-в" for a man as "-ла", "-ли" for others', () => {
    const stemsOf = (words: string) => new Set(normalizer.stems(words));
    expect(stemsOf('відбувся відбулася відбулися відбулось').size).toBe(1);
    expect(stemsOf('зустрівся зустрілися зустрілась').size).toBe(1);
    // Only the past tense: «провалі» (failures) is no form of «провів» (held).
    expect(stemsOf('провалі провів').size).toBe(2);
  });

  it('reads "one" as pointing back, while a phrase the synonyms give keeps it: "one-on-one"', () => {
    expect(normalizer.stems('and the Ukrainian one?')).toEqual(normalizer.stems('and the Ukrainian?'));
    const withPhrase = createNormalizer({ synonyms: [['tete a tete', 'one on one']] });
    expect(withPhrase.stems('a one-on-one meeting')).toEqual(withPhrase.stems('a tête-à-tête meeting'));
    expect(withPhrase.stems('a one-on-one meeting')).not.toEqual(withPhrase.stems('a meeting'));
  });

  it('reads the forms of an English irregular verb as one, but not a form more often a noun', () => {
    expect(normalizer.stems('Trump gave Putin a deadline')).toEqual(normalizer.stems('Trump gives Putin a deadline'));
    expect(normalizer.stems('who led the team they met')).toEqual(normalizer.stems('who leads the team they meet'));
    expect(normalizer.stems('a wound')).not.toEqual(normalizer.stems('a wind'));
  });

  it('reads a day with its ordinal ending as the number', () => {
    expect(normalizer.stems('the talks on July 23rd')).toEqual(['talk', 'juli', '23']);
  });

  it('keeps numbers whole', () => {
    expect(normalizer.stems('1,200 POWs')).toEqual(['1200', 'prison']);
  });
});
