import { describe, expect, it } from 'vitest';
import { withDatesAsWritten } from '../../src/typed-dates.js';
import { detectLanguage as languageOf } from '../../src/language.js';

describe('dates and years as chat types them', () => {
  it('writes a date typed in figures as the facts write it, day first, in the language of the text', () => {
    expect(withDatesAsWritten('who did kyiv send on 16/5, and on 2/6/25?', 'en')).toBe('who did kyiv send on 16 May, and on 2 June 2025?');
    expect(withDatesAsWritten('що було 16.05?', 'uk')).toBe('що було 16 травня?');
    expect(withDatesAsWritten('что было 23.07.2025?', 'ru')).toBe('что было 23 июля 2025?');
    expect(withDatesAsWritten('29/2', 'en')).toBe('29 February');
  });

  it('leaves fractions, shares, prices, times, versions and days a month lacks as numbers', () => {
    for (const text of [
      'Did Russia demand 1/5 of Ukraine?',
      'was the ceasefire 24/7?',
      '2/3 majority',
      '1/10 of the land',
      'prices rose 3.05%',
      '$1.05 billion',
      'їх 1.12 млн',
      'в 1.10 раза',
      'v1.10',
      'переговори почалися о 10.05',
      '1.5 hours',
      '31/4',
      '50/50',
      'page 12/30',
    ]) {
      expect(withDatesAsWritten(text, languageOf(text)), text).toBe(text);
    }
  });

  it('writes out a two-digit year where it can be nothing else', () => {
    expect(withDatesAsWritten("what happened in spring 22? and in '23, in 24?", 'en')).toBe('what happened in spring 2022? and in 2023, in 2024?');
    expect(withDatesAsWritten('що було у 22 році? а з 23 року?', 'uk')).toBe('що було у 2022 році? а з 2023 року?');
    expect(withDatesAsWritten('в сентябре 22, осенью 24-го, в 22-м, после 24-го февраля 22', 'ru')).toBe('в сентябре 2022, осенью 2024, в 2022, после 24 февраля 2022');
    expect(withDatesAsWritten('станом на березень 26, июль 25-го', 'uk')).toBe('станом на березень 2026, июль 2025');
    expect(withDatesAsWritten('so in spring 22 who did moscow blame', 'en')).toBe('so in spring 2022 who did moscow blame');
  });

  it('leaves a day, a count, a span and a numbered point or plan as they are', () => {
    for (const text of [
      'July 23, 22 prisoners, in 22 days',
      'в мае 22 человека',
      // After a month in the genitive, a number is a day: «в конце мая 28 и 29 числа».
      'в конце мая 28 и 29 числа',
      'в середині травня, 16 і 17 числа',
      'у травні, 25 і 26 числа',
      'у травні 22 полонених',
      'on 9 May 22 soldiers',
      "What is in the '28-point' plan?",
      'what’s in trump’s ‘28 points’?',
      'через 21 рік',
      'прошло 22 года',
      'Were there 3 separate 24-hour truces?',
    ]) {
      expect(withDatesAsWritten(text, languageOf(text)), text).toBe(text);
    }
    // An ordinal's ending goes; the number stays a number.
    expect(withDatesAsWritten('Що в 20-му пункті плану? а в 22-м раунде?', 'uk')).toBe('Що в 20 пункті плану? а в 22 раунде?');
  });

  it('drops a Ukrainian or Russian ordinal ending typed after figures, but keeps a range and a decade', () => {
    expect(withDatesAsWritten('2-го июня, 3-й раунд, 3-я встреча, 24-48 часов, 2000-е, пункт 5-а', 'uk')).toBe('2 июня, 3 раунд, 3 встреча, 24-48 часов, 2000-е, пункт 5-а');
  });
});
