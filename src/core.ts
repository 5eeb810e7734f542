// The bot's core as adapters see it: one current snapshot of the fact base and its matcher,
// replaced when a new base validates, so a reader never sees half an update.
import { answerQuestion, type AnswerOk, type AnswerResult, type Snapshot } from './answer.js';
import { asOfText, citationsOf, toCitation, type Citation } from './citations.js';
import { LIMITS } from './config/defaults.js';
import type { FactBase } from './knowledge/parse.js';
import { createMatcher } from './matching/matcher.js';

export interface SourceEntry {
  citation: Citation;
  /** How many active facts cite this page. */
  facts: number;
}

export class BotCore {
  #snapshot: Snapshot;

  constructor(base: FactBase) {
    this.#snapshot = { base, matcher: createMatcher(base) };
  }

  get base(): FactBase {
    return this.#snapshot.base;
  }

  /**
   * Swaps in a new, already validated fact base. The matcher re-indexes only the facts that
   * changed, in place: it runs to the end before any question is read, so none sees half an update.
   */
  replace(base: FactBase): void {
    const { matcher } = this.#snapshot;
    matcher.update(base);
    this.#snapshot = { base, matcher };
  }

  answer(question: string): AnswerResult {
    return answerQuestion(this.#snapshot, question);
  }

  /** The answer to one known fact, for a pressed "did you mean" button. Undefined if it is gone. */
  answerFact(factId: string): AnswerOk | undefined {
    const fact = this.#snapshot.base.facts.find((f) => f.id === factId && f.status === 'active');
    if (!fact) return undefined;
    const result: AnswerOk = {
      kind: 'answer',
      question: fact.questions[0] ?? fact.id,
      factId: fact.id,
      text: fact.answer,
      citations: citationsOf(fact),
      asOf: fact.asOf,
      asOfText: asOfText(fact),
      confidence: 1,
      suggestions: [],
      notes: [],
    };
    if (fact.caveat !== undefined) result.caveat = fact.caveat;
    return result;
  }

  /** Known questions for autocomplete. */
  complete(prefix: string, limit: number = LIMITS.autocomplete): string[] {
    return this.#snapshot.matcher.complete(prefix, limit);
  }

  /** Every page the active facts cite, newest first, each once. */
  sources(): SourceEntry[] {
    const byKey = new Map<string, SourceEntry>();
    for (const fact of this.#snapshot.base.facts) {
      if (fact.status !== 'active') continue;
      for (const source of fact.sources) {
        const key = source.url ?? source.title ?? '';
        const entry = byKey.get(key);
        if (entry) entry.facts += 1;
        else byKey.set(key, { citation: toCitation(source, 0), facts: 1 });
      }
    }
    return [...byKey.values()]
      .sort((a, b) => (b.citation.published ?? '').localeCompare(a.citation.published ?? ''))
      .map((entry, i) => ({ ...entry, citation: { ...entry.citation, n: i + 1 } }));
  }
}
