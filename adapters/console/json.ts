// The machine-readable lines of `npm run ask -- --json`: what a line in asks, and the answer line out.
import { z } from 'zod';
import { plainText, type AnswerResult, type Ask } from '../../src/index.js';

/** A JSON input line: a turn of a conversation (lines with one id are one conversation, in order). */
const AskLineSchema = z.object({
  question: z.string(),
  conversation: z.string().min(1).optional(),
});

/**
 * What one input line asks: a JSON object {"question", "conversation"?} is a turn of a conversation;
 * anything else, a JSON-looking line that is not such an object included, is a standalone question.
 */
export function askOfLine(line: string): Ask {
  if (!line.trimStart().startsWith('{')) return line;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return line;
  }
  const parsed = AskLineSchema.safeParse(json);
  if (!parsed.success) return line;
  const { question, conversation } = parsed.data;
  return conversation === undefined ? question : { question, conversation };
}

export function toJsonLine(result: AnswerResult, conversation?: string): string {
  return JSON.stringify({
    question: result.question,
    answered: result.kind === 'answer',
    kind: result.kind,
    answer: result.kind === 'answer' ? plainText(result) : result.text,
    confidence: Math.round(result.confidence * 1000) / 1000,
    factId: result.kind === 'answer' ? result.factId : null,
    asOf: result.kind === 'answer' ? result.asOf : null,
    sources: result.kind === 'answer' ? result.citations : [],
    suggestions: result.suggestions.map((s) => s.question),
    notes: result.notes,
    ...(conversation !== undefined ? { conversation } : {}),
  });
}
