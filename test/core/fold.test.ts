import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, foldWords } from '../../src/matching/fold.js';
import { WordTable } from '../../src/matching/word-table.js';

describe('text folding', () => {
  it('drops case, diacritics, possessives and punctuation', () => {
    expect(foldText("Erdoğan's  TRUCE!")).toBe('erdogan truce');
    expect(foldText('Çırağan Palace')).toBe('ciragan palace');
  });

  it('reads US and U.S. in capitals as the country, and a lower-case "us" as the pronoun', () => {
    expect(foldText('Did the US or the U.S.A. propose it?')).toBe('did the usa or the usa propose it');
    expect(foldText('tell us, USSR fans')).toBe('tell us ussr fans');
  });

  it('joins thousands separators so 1,000 and 1000 meet', () => {
    expect(foldText('a 1,000-for-1,000 swap')).toBe('a 1000 for 1000 swap');
  });
});

// Text made of what folding treats differently: capitals, US, digits, apostrophes, diacritics, punctuation.
const pieces = fc.constantFrom('a', 'Z', 'q', 'US', 'U.S.', 'u', 's', '1', '0', ',', '.', "'", '’', '`', ' ', '-', 'ğ', 'Ç', 'ı', 'ß', 'é', '!', '\n', '@', '[', '{', '~');
const texts = fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join(''));

describe('folding into words', () => {
  it('gives the words of foldText, whichever way the text is read', () => {
    fc.assert(
      fc.property(fc.oneof(texts, fc.string(), fc.string({ unit: 'grapheme' })), (text) => {
        expect(foldWords(text)).toEqual(foldText(text).split(' ').filter((word) => word.length > 0));
      }),
    );
  });
});

describe('the word table', () => {
  it('reads the same words out of a text as foldWords, each by the id it keeps', () => {
    const table = new WordTable();
    fc.assert(
      fc.property(fc.array(fc.oneof(texts, fc.string()), { maxLength: 20 }), (batch) => {
        for (const text of batch) {
          const ids = table.fold(text);
          expect(ids.map((id) => table.word(id))).toEqual(foldWords(text));
          expect(ids).toEqual(foldWords(text).map((word) => table.find(word)));
        }
      }),
    );
  });

  it('gives each word one id for good, through the table growing', () => {
    const table = new WordTable();
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}x`);
    const ids = words.map((word) => table.intern(word));
    expect(new Set(ids).size).toBe(words.length);
    expect(words.map((word) => table.intern(word))).toEqual(ids);
    expect(table.fold('WX Word word')).toEqual([table.find('wx'), table.find('word'), table.find('word')]);
    expect(table.find('absent')).toBe(-1);
  });

  it('looks up without adding', () => {
    const table = new WordTable();
    table.intern('kerch');
    expect(table.find('bridge')).toBe(-1);
    expect(table.size).toBe(1);
  });
});

// Text made of what the word table's Cyrillic way reads, and of what must send it the slow way.
const cyrillicPieces = fc.constantFrom(
  'а', 'Я', 'ї', 'Ї', 'є', 'Є', 'ґ', 'Ґ', 'і', 'й', 'ё', 'Ё', 'ъ', 'ы', 'Ѐ', 'џ', 'ѐ', 'ә', 'Ӝ', 'ѣ',
  'мир', 'Київ', 'a', 'Z', 'U', 'S', 'US', 'U.S.', '1', '0', ',', '.', "'", '’', 'ʼ', '`', '‘', '"', '«', '»', '—', '–', '‑', '…',
  ' ', '\u00a0', '\n', '\t', '\r', '\u0001', '\u007f', '-', 'é', 'и\u0306', 'е\u0301', 'ß', '\u212a', 'İ', '😀', '!', '@',
);
// …and of only what it reads, so that long texts are read its way to the end too.
const plainCyrillicPieces = fc.constantFrom('а', 'Я', 'ї', 'Ї', 'є', 'Ґ', 'ё', 'Ё', 'ы', 'Ѐ', 'џ', 'мир', 'Київ', 'a', 'Z', 'U', '1', '0', "п'я", 'мʼя', ' ', '\n', '\t', '.', ',', '—', '«', '»', '…', '\u00a0', '!', '-');
const cyrillicTexts = fc.oneof(fc.array(cyrillicPieces, { maxLength: 30 }), fc.array(plainCyrillicPieces, { maxLength: 60 })).map((parts) => parts.join(''));

describe('the word table on Cyrillic text', () => {
  it('reads the same words out of it as foldWords, each by the id it keeps', () => {
    const table = new WordTable();
    fc.assert(
      fc.property(fc.array(cyrillicTexts, { maxLength: 20 }), (batch) => {
        for (const text of batch) {
          const ids = table.fold(text);
          expect(ids.map((id) => table.word(id))).toEqual(foldWords(text));
          expect(ids).toEqual(foldWords(text).map((word) => table.find(word)));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads a translated answer joined to its English one, apostrophes and capitals included', () => {
    const table = new WordTable();
    const text = "Talks ended.\nПеремир'я в Києві: Ґанок, ЇЖАК — «Єва» Ёлка…\nПЕРЕМИРʼЯ";
    expect(table.fold(text).map((id) => table.word(id))).toEqual(foldWords(text));
    expect(foldWords(text)).toEqual(['talks', 'ended', 'перемиря', 'в', 'києві', 'ґанок', 'їжак', 'єва', 'елка', 'перемиря']);
  });
});

describe('folding Cyrillic', () => {
  it('keeps й, ї, є and ґ as letters of their own, and reads ё as е', () => {
    expect(foldText('Йосип Їжак Ґанок Єва')).toBe('йосип їжак ґанок єва');
    expect(foldText('Ёлка')).toBe('елка');
  });

  it('keeps a Ukrainian word whole across its apostrophe, in every form of it', () => {
    for (const word of ["перемир'я", 'перемир’я', 'перемирʼя', 'перемир`я']) expect(foldText(word)).toBe('перемиря');
  });

  it('drops stress marks from Cyrillic and diacritics from Latin letters', () => {
    expect(foldText('заме́тка Erdoğan Çırağan')).toBe('заметка erdogan ciragan');
  });
});
