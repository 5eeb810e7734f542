import { describe, expect, it } from 'vitest';
import { ANSWER_TEXT, COMMAND_TEXT, dateIn } from '../../src/answer-text.js';
import { LANGUAGES } from '../../src/language.js';
import { DIALOGUE_TEXT, MOD_TEXT, moderatorText } from '../../src/messages.js';
import { fieldNamed, isWord } from '../../src/moderation/fields.js';
import { UI_TEXT } from '../../src/ui-text.js';

/** Every key path of a catalogue, functions called with sample arguments so their sentences can be read. */
function sentences(catalogue: object, path = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(catalogue)) {
    const at = path ? `${path}.${key}` : key;
    if (typeof value === 'string') out[at] = value;
    else if (typeof value === 'function') out[at] = String((value as (...a: unknown[]) => unknown)('42', 'x'));
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

/** Every key path of a catalogue and what it holds: a sentence, or a function of so many parameters. */
function shape(catalogue: object, path = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(catalogue)) {
    const at = path ? `${path}.${key}` : key;
    if (typeof value === 'string') out[at] = 'string';
    else if (typeof value === 'function') out[at] = `function of ${(value as () => unknown).length}`;
    else if (value && typeof value === 'object') Object.assign(out, shape(value as object, at));
    else out[at] = typeof value;
  }
  return out;
}

/** A function's sentence with sample arguments: strings where it takes them, lists where it joins them. */
function sample(fn: (...args: unknown[]) => unknown): string {
  try {
    return String(fn(...Array.from({ length: fn.length }, () => 'x')));
  } catch {
    return String(fn(...Array.from({ length: fn.length }, () => ['x'])));
  }
}

/** Every sentence of a catalogue, functions called with sample arguments. */
function moderatorSentences(catalogue: object, path = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(catalogue)) {
    const at = path ? `${path}.${key}` : key;
    if (typeof value === 'string') out[at] = value;
    else if (typeof value === 'function') out[at] = sample(value as (...args: unknown[]) => unknown);
    else if (value && typeof value === 'object') Object.assign(out, moderatorSentences(value as object, at));
  }
  return out;
}

/** Sentences written the same in every language: what moderators type, and lines of data alone. */
const SAME_IN_EVERY_LANGUAGE = /^(fieldLabels\.|none$|timeOf$|historyLine$|ratingLine$)/;

describe('the moderator catalogues', () => {
  const catalogues = { mod: MOD_TEXT, dialogue: DIALOGUE_TEXT };

  describe.each(Object.entries(catalogues))('%s', (_name, text) => {
    it.each(['uk', 'ru'] as const)('give every key English has in %s, each a sentence or a function of the same parameters, and no other', (lang) => {
      expect(shape(text[lang])).toEqual(shape(text.en));
    });

    it.each(['uk', 'ru'] as const)('translate every sentence into %s, in that language’s letters', (lang) => {
      const english = moderatorSentences(text.en);
      for (const [key, sentence] of Object.entries(moderatorSentences(text[lang]))) {
        if (SAME_IN_EVERY_LANGUAGE.test(key)) continue;
        expect(sentence, `${lang} ${key}`).not.toBe(english[key]);
        expect(sentence, `${lang} ${key}: ${sentence}`).toMatch(/\p{Script=Cyrillic}/u);
        if (lang === 'uk') expect(sentence, `${key}: ${sentence}`).not.toMatch(/[ыэъё]/i);
        else expect(sentence, `${key}: ${sentence}`).not.toMatch(/[іїєґ]/i);
      }
    });
  });

  it.each(LANGUAGES)('fit Discord’s limits in %s: descriptions 100 characters, form titles and labels 45, hints 100, buttons 80', (lang) => {
    const { discordCommands, discordForm } = MOD_TEXT[lang];
    for (const [key, value] of Object.entries(moderatorSentences(discordCommands))) expect(value.length, key).toBeLessThanOrEqual(100);
    const labels = ['addTitle', 'moreTitle', 'questions', 'answer', 'asOf', 'url', 'newUrl', 'details', 'round', 'tags', 'caveat'] as const;
    for (const key of labels) expect(discordForm[key].length, key).toBeLessThanOrEqual(45);
    expect(discordForm.editTitle('x'.repeat(20)).length).toBeLessThanOrEqual(45);
    const hints = ['questionsHint', 'answerHint', 'asOfHint', 'newUrlHint', 'detailsHint', 'roundHint', 'tagsHint', 'caveatHint', 'tooLongToShow'] as const;
    for (const key of hints) expect(discordForm[key].length, key).toBeLessThanOrEqual(100);
    for (const key of ['save', 'change', 'more', 'cancel'] as const) expect(discordForm[key].length, key).toBeLessThanOrEqual(80);
  });

  it('give the dialogue’s words so that no word means two things in any language, and none is a field’s name', () => {
    const meaning = new Map<string, string>();
    for (const lang of LANGUAGES) {
      for (const [word, said] of Object.entries(DIALOGUE_TEXT[lang].words)) {
        expect(meaning.get(said) ?? word, `${lang} "${said}"`).toBe(word);
        meaning.set(said, word);
        expect(fieldNamed(said), said).toBeUndefined();
        expect(isWord(said.toUpperCase(), word as keyof typeof DIALOGUE_TEXT.en.words)).toBe(true);
      }
    }
  });

  it('hands each formatter its language’s catalogues', () => {
    for (const lang of LANGUAGES) expect(moderatorText(lang)).toEqual({ mod: MOD_TEXT[lang], dialogue: DIALOGUE_TEXT[lang] });
    expect(moderatorText()).toEqual({ mod: MOD_TEXT.en, dialogue: DIALOGUE_TEXT.en });
  });
});
