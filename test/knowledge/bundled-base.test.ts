import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answered } from '../../src/answer.js';
import { BotCore } from '../../src/core.js';
import { loadFactBase } from '../../src/knowledge/load.js';
import { translationGaps } from '../../src/knowledge/translation.js';
import { createNormalizer } from '../../src/matching/normalize.js';
import { BUNDLED_KNOWLEDGE, loadBase, ROOT } from '../helpers.js';

const SOURCES_DIR = path.join(ROOT, '../shared/sources');
const SEED_ARTICLE_URL = 'https://newsoftheworld.us/ukraine-russia-resume-talks-in-istanbul';

let core: BotCore;
beforeAll(async () => {
  core = new BotCore(await loadBase(BUNDLED_KNOWLEDGE));
});

describe('the bundled fact base', () => {
  it('validates without a single problem', async () => {
    const result = await loadFactBase(BUNDLED_KNOWLEDGE);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it.skipIf(!existsSync(SOURCES_DIR))('cites every source page the curators were given, batch-2 included', () => {
    const cited = new Set(core.base.facts.flatMap((f) => f.sources.map((s) => s.url)));
    const given = ['', 'batch-2'].flatMap((sub) =>
      readdirSync(path.join(SOURCES_DIR, sub))
        .filter((f) => /^\d{4}-\d\d-\d\d-.*\.md$/.test(f))
        .map((f) => ({ note: path.join(sub, f), url: /^url: "?([^"\n]+)"?$/m.exec(readFileSync(path.join(SOURCES_DIR, sub, f), 'utf8'))?.[1] })),
    );
    expect(given.filter((g) => g.note.startsWith('batch-2')).length).toBeGreaterThanOrEqual(35);
    expect(given.filter((g) => g.url === undefined || !cited.has(g.url)).map((g) => g.note)).toEqual([]);
  });

  it('cites the seed article at the address its text is published at', () => {
    const seed = core.base.facts.flatMap((f) => f.sources).filter((s) => s.title === 'Ukraine, Russia resume talks in Istanbul');
    expect(seed.length).toBeGreaterThan(0);
    expect(new Set(seed.map((s) => s.url))).toEqual(new Set([SEED_ARTICLE_URL]));
  });

  it('knows the spellings people type for the names in it', () => {
    const normalizer = createNormalizer(core.base.vocabulary);
    const same = (a: string, b: string) => expect(normalizer.stems(a)).toEqual(normalizer.stems(b));
    same('Zelensky', 'Zelenskiy');
    same('Zelensky', 'Zelenskyy');
    same('Andriy Yermak', 'Andrii Yermak');
    same('Erdogan', 'Erdoğan');
    same('Umerov', 'Umierov');
    same('Çırağan', 'Ciragan');
  });

  it('declines questions about the bot itself and calls for its view, in all three languages', () => {
    for (const question of ["what's your name?", 'як тебе звати?', 'ты за россию или за украину?', 'чи можна вірити Путіну?', 'can we trust Putin?', 'кто прав в войне?']) {
      expect(core.answer(question).kind, question).not.toBe('answer');
    }
  });

  it('reads a Ukrainian or Russian question behind a hedge as it reads it without', () => {
    for (const [hedged, plain] of [
      ['я правильно розумію що перший раунд був у палаці Долмабахче?', 'перший раунд був у палаці Долмабахче?'],
      ['не пам’ятаю вже, хто очолював російську делегацію в Стамбулі?', 'хто очолював російську делегацію в Стамбулі?'],
      ['я правильно понимаю что второй раунд длился чуть больше часа?', 'второй раунд длился чуть больше часа?'],
      ['если не ошибаюсь, переговоры 16 мая прошли в Долмабахче?', 'переговоры 16 мая прошли в Долмабахче?'],
    ] as const) {
      const expected = core.answer(plain);
      expect(expected, `premise: ${plain} is answered`).toMatchObject({ kind: 'answer' });
      expect(core.answer(hedged), hedged).toMatchObject({ kind: 'answer', factId: answered(expected)?.factId });
    }
  });

  it('answers a Ukrainian question typed with the Latin "i" as it answers it typed in Cyrillic', () => {
    const cyrillic = core.answer('Скільки тривав третій раунд?');
    expect(cyrillic, 'premise: answered in Cyrillic').toMatchObject({ kind: 'answer', lang: 'uk' });
    expect(core.answer('Скiльки тривав третiй раунд?')).toMatchObject({ kind: 'answer', lang: 'uk', factId: answered(cyrillic)?.factId });
  });

  it('answers each fact’s own phrasings with that fact', () => {
    const misses: string[] = [];
    let total = 0;
    for (const fact of core.base.facts.filter((f) => f.status === 'active')) {
      for (const question of fact.questions) {
        total += 1;
        const result = core.answer(question);
        if (result.kind !== 'answer' || result.factId !== fact.id) misses.push(`${fact.id}: ${question}`);
      }
    }
    // A few phrasings legitimately fit a broader fact better; more than 2% means ranking broke.
    expect(misses.length / total, misses.join('\n')).toBeLessThanOrEqual(0.02);
  }, 60_000);

  it.each(['uk', 'ru'] as const)('answers each %s translation’s phrasings with its fact, in that language', (lang) => {
    const misses: string[] = [];
    let total = 0;
    for (const [id, translation] of core.base.translations.get(lang) ?? []) {
      // A phrasing in Latin letters (a pasted "Dolmabahçe talks") is English to anyone reading it.
      for (const question of translation.questions.filter((q) => /\p{Script=Cyrillic}/u.test(q))) {
        total += 1;
        const result = core.answer(question);
        if (result.kind !== 'answer' || result.factId !== id || result.lang !== lang) misses.push(`${id}: ${question} → ${result.kind === 'answer' ? `${result.factId} (${result.lang})` : result.kind}`);
      }
    }
    expect(total).toBeGreaterThan(1000);
    // As for the English phrasings: a few fit a broader fact better; more than 3% means matching broke.
    expect(misses.length / total, misses.join('\n')).toBeLessThanOrEqual(0.03);
  }, 60_000);

  it('has every active fact translated into Ukrainian and Russian from its English as it is now', () => {
    expect(translationGaps(core.base.facts, core.base.translations)).toEqual([
      { language: 'uk', missing: [], stale: [] },
      { language: 'ru', missing: [], stale: [] },
    ]);
  });

  it('answers "the latest round" with a fact of the newest round in the base', () => {
    const newest = Math.max(...core.base.facts.map((f) => f.round ?? 0));
    const result = core.answer('How long did the latest round last?');
    expect(result.kind).toBe('answer');
    const fact = core.base.facts.find((f) => result.kind === 'answer' && f.id === result.factId);
    expect(fact?.round).toBe(newest);
  });

  it('dates an answer to a question about now in Ukrainian and Russian as in English, in the asker’s language', () => {
    for (const [question, lang] of [['що нового?', 'uk'], ['какие последние новости?', 'ru'], ['any news?', 'en']] as const) {
      const result = core.answer(question);
      expect(result, question).toMatchObject({ kind: 'answer', lang });
      expect(result.kind === 'answer' && result.recency, question).toBeTruthy();
    }
  });

  it('answers "the latest round" in Ukrainian and Russian from the newest numbered round, saying how far the news goes', () => {
    const newest = Math.max(...core.base.facts.map((f) => f.round ?? 0));
    for (const [question, lang] of [['скільки тривав останній раунд?', 'uk'], ['сколько длился последний раунд?', 'ru']] as const) {
      const result = core.answer(question);
      const fact = core.base.facts.find((f) => result.kind === 'answer' && f.id === result.factId);
      expect(result, question).toMatchObject({ kind: 'answer', lang, recency: { newsTo: expect.any(String) } });
      expect(fact?.round, question).toBe(newest);
    }
  });

  it('answers small talk in Ukrainian and Russian with its one line in that language, and a bare "no" or "sources?", never with a fact', () => {
    for (const [message, topic, lang] of [
      ['привіт', 'greeting', 'uk'],
      ['дякую!', 'thanks', 'uk'],
      ['допомога', 'help', 'uk'],
      ['спасибо', 'thanks', 'ru'],
      ['помощь', 'help', 'ru'],
      ['что ты умеешь?', 'help', 'ru'],
      ['no', 'ack', 'en'],
      ['sources please', 'help', 'en'],
      ['правда?', 'ack', 'ru'],
      ['які джерела?', 'help', 'uk'],
      ['нет', 'ack', 'ru'],
    ] as const) {
      expect(core.answer(message), message).toMatchObject({ kind: 'chat', topic, lang, suggestions: [] });
    }
  });

  it('states the disagreement wherever a fact carries a caveat, citing at least two pages', () => {
    for (const fact of core.base.facts.filter((f) => f.caveat)) expect(fact.sources.length, fact.id).toBeGreaterThanOrEqual(2);
  });
});
