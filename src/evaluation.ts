// Scoring a question set, by the rule the project's question sets are written for: a right answer
// holds one keyword of every group (case-insensitive), in the asked language when the case names
// one; a case with `expect: null` must be declined. One rule, used by `npm run eval` and by the
// floors in `npm test`, so the two can never disagree.
import { z } from 'zod';
import { plainText, type AnswerResult, type Ask } from './answer.js';

export const EvalCaseSchema = z.object({
  q: z.string(),
  expect: z.array(z.array(z.string()).min(1)).nullable(),
  lang: z.enum(['en', 'uk', 'ru']).optional(),
  conversation: z.union([z.string(), z.number()]).optional(),
});

export type EvalCase = z.infer<typeof EvalCaseSchema>;

export interface Miss {
  case: EvalCase;
  /** 'refused' (should have answered), 'wrong' (answered, not with what was expected), 'answered' (should have declined), 'language'. */
  why: 'refused' | 'wrong' | 'answered' | 'language';
  result: AnswerResult;
}

export interface Score {
  answerable: number;
  answeredRight: number;
  unanswerable: number;
  refusedRight: number;
  /** Answered, but not with what was expected, or answered when it should have declined. */
  wrong: number;
  misses: Miss[];
}

/** Reads a JSON-lines set; a bad line throws with its line number. */
export function parseEvalSet(text: string, name: string): EvalCase[] {
  return text.split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (err) {
      throw new Error(`${name}:${i + 1}: not JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    const parsed = EvalCaseSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${name}:${i + 1}: ${parsed.error.issues.map((e) => `${e.path.join('.')} ${e.message}`).join('; ')}`);
    return [parsed.data];
  });
}

/** The language a text is written in, told by its letters: enough for an answer of a sentence or more. */
export function languageOf(text: string): 'en' | 'uk' | 'ru' | 'cyrillic' {
  const cyrillic = (text.match(/[\u0400-\u04ff]/g) ?? []).length;
  const latin = (text.match(/[a-z]/gi) ?? []).length;
  if (cyrillic < latin) return 'en';
  const uk = /[іїєґ]/i.test(text);
  const ru = /[ыэъё]/i.test(text);
  return uk && !ru ? 'uk' : ru && !uk ? 'ru' : 'cyrillic';
}

export function scoreSet(cases: readonly EvalCase[], answer: (c: EvalCase) => AnswerResult): Score {
  const score: Score = { answerable: 0, answeredRight: 0, unanswerable: 0, refusedRight: 0, wrong: 0, misses: [] };
  for (const c of cases) {
    const result = answer(c);
    const answered = result.kind === 'answer';
    if (c.expect === null) {
      score.unanswerable += 1;
      if (!answered) score.refusedRight += 1;
      else {
        score.wrong += 1;
        score.misses.push({ case: c, why: 'answered', result });
      }
      continue;
    }
    score.answerable += 1;
    const text = plainText(result).toLowerCase();
    const hit = c.expect.every((group) => group.some((k) => text.includes(k.toLowerCase())));
    const inLanguage = !c.lang || languageOf(plainText(result)) === c.lang;
    if (answered && hit && inLanguage) score.answeredRight += 1;
    else {
      if (answered && !hit) score.wrong += 1;
      score.misses.push({ case: c, why: !answered ? 'refused' : !hit ? 'wrong' : 'language', result });
    }
  }
  return score;
}

/** A case as the bot is asked it: a turn of a conversation carries its id, so follow-ups read the turn before. */
export function askOf(c: EvalCase): Ask {
  return c.conversation === undefined ? c.q : { question: c.q, conversation: `eval:${String(c.conversation)}` };
}

/** Shares in [0, 1]; a set with nothing of a kind scores 1 on it. */
export function rates(score: Score): { answered: number; refused: number } {
  return {
    answered: score.answerable ? score.answeredRight / score.answerable : 1,
    refused: score.unanswerable ? score.refusedRight / score.unanswerable : 1,
  };
}
