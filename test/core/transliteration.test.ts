import { describe, expect, it } from 'vitest';
import { BotCore } from '../../src/core.js';
import { looksTransliterated, toCyrillic } from '../../src/transliteration.js';
import { BUNDLED_KNOWLEDGE, loadBase } from '../helpers.js';

describe('a question typed in Latin letters', () => {
  it('reads as transliterated when most of its words are not English', () => {
    expect(looksTransliterated('koly buv tretiy raund u Stambuli?')).toBe(true);
    expect(looksTransliterated('kto vozglavlyal rossiyskuyu delegatsiyu')).toBe(true);
  });

  it('reads as English when most of its words are, names and all, and never when it is in Cyrillic', () => {
    expect(looksTransliterated('Who led the Russian delegation in Istanbul?')).toBe(false);
    expect(looksTransliterated('What did Medinsky say after the third round?')).toBe(false);
    expect(looksTransliterated('Medinsky')).toBe(false);
    expect(looksTransliterated('коли був третій раунд')).toBe(false);
  });

  it('is read back by each language’s informal spellings', () => {
    expect(toCyrillic('koly buv tretiy raund u Stambuli?', 'uk')).toBe('коли був третий раунд у стамбулі?');
    expect(toCyrillic('khto ocholyuvav delehatsiyu', 'uk')).toBe('хто очолював делегацію');
    expect(toCyrillic('kto vozglavlyal rossiyskuyu delegatsiyu', 'ru')).toBe('кто возглавлял российскую делегацию');
    expect(toCyrillic("peremyr'ya", 'uk')).toBe('перемир’я');
    expect(toCyrillic('shchob zhyttya', 'uk')).toBe('щоб життя');
  });

  it('takes a word one letter off a question word of the language for it, as a soft sign left out', () => {
    expect(toCyrillic('skilky tryvav', 'uk')).toBe('скільки тривав');
    expect(toCyrillic('skolko dlilsya', 'ru')).toBe('сколько длился');
  });
});

describe('answering a transliterated question', () => {
  it('answers in the language it was typed in, with what that language’s question would get', async () => {
    const core = new BotCore(await loadBase(BUNDLED_KNOWLEDGE));
    for (const [latin, cyrillic, lang] of [
      ['koly buv tretiy raund u Stambuli?', 'коли був третій раунд у Стамбулі?', 'uk'],
      ['kto vozglavlyal rossiyskuyu delegatsiyu?', 'кто возглавлял российскую делегацию?', 'ru'],
      ['skilky tryvav pershyi raund u Stambuli', 'скільки тривав перший раунд у Стамбулі', 'uk'],
    ] as const) {
      const typed = core.answer(latin);
      const expected = core.answer(cyrillic);
      expect(expected, `premise: ${cyrillic}`).toMatchObject({ kind: 'answer', lang });
      expect(typed, latin).toMatchObject({ kind: 'answer', lang, question: latin });
      expect(typed.kind === 'answer' && expected.kind === 'answer' && typed.factId === expected.factId, latin).toBe(true);
    }
  });

  it('still declines an English question of names it cannot answer', async () => {
    const core = new BotCore(await loadBase(BUNDLED_KNOWLEDGE));
    for (const q of ['Lula Bolsonaro Dolmabahce?', 'Netanyahu and Erdogan in Antalya?']) {
      expect(looksTransliterated(q), `premise: ${q} is read back too`).toBe(true);
      expect(core.answer(q).kind, q).toBe('declined');
    }
  });
});
