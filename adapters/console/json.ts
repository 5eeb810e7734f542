// The machine-readable answer line of `npm run ask -- --json`.
import { plainText, type AnswerResult } from '../../src/index.js';

export function toJsonLine(result: AnswerResult): string {
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
  });
}
