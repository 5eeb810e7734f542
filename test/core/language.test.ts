import { describe, expect, it } from 'vitest';
import { detectLanguage, languageOfLocale, readLanguage } from '../../src/language.js';

describe('the language of a question', () => {
  it('is told by the letters only one of Ukrainian and Russian has', () => {
    expect(detectLanguage('Скільки тривав третій раунд?')).toBe('uk');
    expect(detectLanguage('Сколько длился третий раунд? Объясните')).toBe('ru');
  });

  it('is told by function words when no letter tells', () => {
    expect(readLanguage('хто очолював делегацію')).toEqual({ lang: 'uk', sure: true });
    expect(readLanguage('кто возглавлял делегацию')).toEqual({ lang: 'ru', sure: true });
  });

  it('is English when its words are English, a name in Cyrillic notwithstanding', () => {
    expect(detectLanguage('Who is Мединський?')).toBe('en');
    expect(detectLanguage('What did Умеров say in Istanbul?')).toBe('en');
  });

  it('is the Cyrillic words’ language when they ask, though the names in it are spelt in Latin letters', () => {
    expect(detectLanguage('Hakan Fidan хто це')).toBe('uk');
    expect(detectLanguage('Rustem Umerov Vladimir Medinsky кто это')).toBe('ru');
    expect(readLanguage('Geneva 23.11.2025 — що там було?')).toEqual({ lang: 'uk', sure: true });
  });

  it('takes the platform’s locale for a bare name, and English without one', () => {
    expect(detectLanguage('Umerov', 'uk')).toBe('uk');
    expect(detectLanguage('Umerov')).toBe('en');
    expect(languageOfLocale('ru-RU')).toBe('ru');
    expect(languageOfLocale('be')).toBeUndefined();
  });
});
