import { describe, expect, it } from 'vitest';
import { ANSWER_TEXT, COMMAND_TEXT, dateIn } from '../../src/answer-text.js';
import { LANGUAGES } from '../../src/language.js';
import { UI_TEXT } from '../../src/ui-text.js';

/** Every key path of a catalogue, functions called with sample arguments so their sentences can be read. */
function sentences(catalogue: object, path = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(catalogue)) {
    const at = path ? `${path}.${key}` : key;
    if (typeof value === 'string') out[at] = value;
    else if (typeof value === 'function') out[at] = String((value as (...a: unknown[]) => unknown)(42, 'x'));
    else if (value && typeof value === 'object') Object.assign(out, sentences(value as object, at));
  }
  return out;
}

/** Every sentence mostly in Cyrillic, and in the letters of its own language only. */
function expectWrittenIn(lang: 'uk' | 'ru', catalogue: object): void {
  for (const [key, sentence] of Object.entries(sentences(catalogue))) {
    // Commands and the bot's handle (/timeline, @x, private:true) are typed as they are in any language.
    const words = sentence.replace(/[/@][\w:]+|private:true/g, '');
    const cyrillic = (words.match(/\p{Script=Cyrillic}/gu) ?? []).length;
    const latin = (words.match(/\p{Script=Latin}/gu) ?? []).length;
    expect(cyrillic, `${lang} ${key}: ${sentence}`).toBeGreaterThan(latin);
    if (lang === 'uk') expect(sentence, key).not.toMatch(/[ыэъё]/i);
    else expect(sentence, key).not.toMatch(/[іїєґ]/i);
  }
}

describe('the answer catalogues', () => {
  const english = sentences(ANSWER_TEXT.en);

  it.each(LANGUAGES)('give every sentence in %s that English has, and no other', (lang) => {
    expect(Object.keys(sentences(ANSWER_TEXT[lang])).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(['uk', 'ru'] as const)('write %s sentences in that language’s letters, not English ones', (lang) => {
    expectWrittenIn(lang, ANSWER_TEXT[lang]);
  });

  it('give each command a name and description in Ukrainian and Russian, names as Discord allows them', () => {
    for (const lang of ['uk', 'ru'] as const) {
      const { telegram, discord } = COMMAND_TEXT[lang];
      expect(Object.keys(telegram).sort()).toEqual(['ask', 'help', 'latest', 'sources', 'start', 'timeline']);
      for (const { name, description } of Object.values(discord)) {
        expect(name).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
        expect(name).toBe(name.toLowerCase());
        expect(description.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it('write the "as of" date the way each language writes dates', () => {
    expect(dateIn('en', '2025-07-23')).toBe('23 July 2025');
    expect(dateIn('uk', '2025-07-23')).toMatch(/^23 липня 2025/);
    expect(dateIn('ru', '2025-07-23')).toMatch(/^23 июля 2025/);
    expect(dateIn('ru', 'not a date')).toBe('not a date');
  });
});

describe('the interface catalogues', () => {
  const english = sentences(UI_TEXT.en);

  it.each(LANGUAGES)('give every interface sentence in %s that English has', (lang) => {
    expect(Object.keys(sentences(UI_TEXT[lang])).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(['uk', 'ru'] as const)('write %s interface sentences in that language’s letters', (lang) => {
    expectWrittenIn(lang, UI_TEXT[lang]);
  });
});
