import { describe, expect, it } from 'vitest';
import type { AnswerResult } from '../../src/answer.js';
import { parseEvalSet, rates, scoreSet, type EvalCase } from '../../src/evaluation.js';
import { MESSAGES } from '../../src/messages.js';

/** A result as the core returns it, for the text a test gives. */
function answered(text: string, caveat?: string): AnswerResult {
  const result: AnswerResult = {
    kind: 'answer',
    lang: 'en',
    question: 'q',
    factId: 'some-fact',
    text,
    citations: [],
    asOf: '2025-07-23',
    asOfText: 'as of 23 July 2025',
    confidence: 0.9,
    suggestions: [],
    notes: [],
  };
  if (caveat !== undefined) result.caveat = caveat;
  return result;
}
const declined: AnswerResult = { kind: 'declined', lang: 'en', question: 'q', text: MESSAGES.declined, confidence: 0, suggestions: [], notes: [] };
const ambiguous = (text: string): AnswerResult => ({ kind: 'ambiguous', lang: 'en', question: 'q', text, confidence: 0.4, suggestions: [], notes: [] });

/** Scores cases against fixed results, by question. */
function scored(cases: [EvalCase, AnswerResult][]) {
  const byQuestion = new Map(cases.map(([c, r]) => [c.q, r]));
  return scoreSet(
    cases.map(([c]) => c),
    (c) => byQuestion.get(c.q)!,
  );
}

describe('reading a question set', () => {
  it('reads one case a line, skipping blank lines, with Windows line ends too', () => {
    const text = '{"q":"How long?","expect":[["40 minutes","forty"]]}\r\n\r\n   \n{"q":"GDP of Germany?","expect":null,"lang":"uk"}\n';
    expect(parseEvalSet(text, 'set.jsonl')).toEqual([
      { q: 'How long?', expect: [['40 minutes', 'forty']] },
      { q: 'GDP of Germany?', expect: null, lang: 'uk' },
    ]);
  });

  it('names the file and line of a case that breaks the rules, and what is wrong with it', () => {
    const good = '{"q":"a","expect":[["x"]]}';
    expect(() => parseEvalSet(`${good}\n\n{"q":"b","expect":[[]]}\n`, 'test/eval/extra.jsonl')).toThrow(/^test\/eval\/extra\.jsonl:3: expect\.0 /);
    expect(() => parseEvalSet(`{"q":"c","expect":[["x"]],"lang":"de"}`, 'x.jsonl')).toThrow(/^x\.jsonl:1: lang /);
    expect(() => parseEvalSet(`${good}\n{"expect":null}`, 'x.jsonl')).toThrow(/^x\.jsonl:2: q /);
  });

  it('names the file and line of a line that is not JSON at all', () => {
    expect(() => parseEvalSet('{"q":"a","expect":null}\n{"q":"b", expect: null}\n', 'test/eval/extra.jsonl')).toThrow(/^test\/eval\/extra\.jsonl:2: /);
  });
});

describe('scoring a question set', () => {
  it('counts an answer right when it holds a keyword of every group, in any case', () => {
    const score = scored([[{ q: 'a', expect: [['40 minutes', 'forty minutes'], ['third']] }, answered('The THIRD round lasted Forty Minutes.')]]);
    expect(score).toMatchObject({ answerable: 1, answeredRight: 1, wrong: 0, misses: [] });
  });

  it('counts an answer that misses a group as wrong, and a refusal as a miss that is not wrong', () => {
    const score = scored([
      [{ q: 'a', expect: [['40 minutes'], ['second']] }, answered('The third round lasted 40 minutes.')],
      [{ q: 'b', expect: [['40 minutes']] }, declined],
    ]);
    expect(score).toMatchObject({ answerable: 2, answeredRight: 0, wrong: 1 });
    expect(score.misses.map((m) => `${m.case.q} ${m.why}`)).toEqual(['a wrong', 'b refused']);
  });

  it('never counts a "did you mean" as an answer, whatever its text says', () => {
    const score = scored([[{ q: 'a', expect: [['sure']] }, ambiguous(MESSAGES.ambiguous)]]);
    expect(MESSAGES.ambiguous.toLowerCase()).toContain('sure');
    expect(score).toMatchObject({ answeredRight: 0, wrong: 0 });
    expect(score.misses.map((m) => m.why)).toEqual(['refused']);
  });

  it('reads the caveat as part of the answer', () => {
    const score = scored([[{ q: 'a', expect: [['under an hour']] }, answered('About 40 minutes.', 'Paper B says under an hour.')]]);
    expect(score.answeredRight).toBe(1);
  });

  it('counts a question that must be declined right when it is not answered, and wrong when it is', () => {
    const score = scored([
      [{ q: 'a', expect: null }, declined],
      [{ q: 'b', expect: null }, ambiguous(MESSAGES.ambiguous)],
      [{ q: 'c', expect: null }, answered('Germany’s GDP is large.')],
    ]);
    expect(score).toMatchObject({ unanswerable: 3, refusedRight: 2, answerable: 0, wrong: 1 });
    expect(score.misses.map((m) => `${m.case.q} ${m.why}`)).toEqual(['c answered']);
  });

  it('checks the language of an answer by its letters when the case names one', () => {
    const uk = 'Переговори в Стамбулі тривали близько години.';
    const ru = 'Переговоры в Стамбуле длились около часа, был обмен.';
    const score = scored([
      [{ q: 'a', expect: [['стамбул']], lang: 'uk' }, answered(uk)],
      [{ q: 'b', expect: [['стамбул']], lang: 'ru' }, answered(ru)],
      [{ q: 'c', expect: [['стамбул']], lang: 'ru' }, answered(uk)],
      [{ q: 'd', expect: [['istanbul']], lang: 'uk' }, answered('The talks in Istanbul lasted about an hour.')],
      [{ q: 'e', expect: [['istanbul']], lang: 'en' }, answered('The talks in Istanbul lasted about an hour.')],
    ]);
    expect(score).toMatchObject({ answerable: 5, answeredRight: 3, wrong: 0 });
    expect(score.misses.map((m) => `${m.case.q} ${m.why}`)).toEqual(['c language', 'd language']);
  });
});

describe('the rates of a score', () => {
  it('are the shares answered right and declined right', () => {
    const score = scored([
      [{ q: 'a', expect: [['x']] }, answered('x')],
      [{ q: 'b', expect: [['x']] }, answered('y')],
      [{ q: 'c', expect: [['x']] }, answered('x')],
      [{ q: 'd', expect: [['x']] }, declined],
      [{ q: 'e', expect: null }, declined],
      [{ q: 'f', expect: null }, answered('x')],
    ]);
    expect(rates(score)).toEqual({ answered: 0.5, refused: 0.5 });
  });

  it('are 1 for a kind of case the set does not hold', () => {
    expect(rates(scored([[{ q: 'a', expect: null }, declined]]))).toEqual({ answered: 1, refused: 1 });
    expect(rates(scored([]))).toEqual({ answered: 1, refused: 1 });
  });
});
