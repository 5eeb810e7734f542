// The baseline the matcher is measured against: plain fuse.js over every phrasing of every active
// fact, its translations' included, as a bot without a word index would do it. Fuse's defaults
// throughout except ignoreLocation (without it Fuse only looks near the start of each phrasing).
// It declines when Fuse returns nothing under its default threshold.
import Fuse from 'fuse.js';
import type { FactBase } from '../src/knowledge/parse.js';
import { TRANSLATED_LANGUAGES } from '../src/knowledge/translation.js';

export interface Searcher {
  /** The id of the fact answered first, or null for a decline. */
  answer(question: string): string | null;
}

export function createBaseline(base: FactBase): Searcher {
  const factOf: string[] = [];
  const phrasings: string[] = [];
  for (const fact of base.facts) {
    if (fact.status !== 'active') continue;
    const translated = TRANSLATED_LANGUAGES.map((l) => base.translations.get(l)?.get(fact.id)?.questions ?? []);
    for (const q of [fact.questions, ...translated].flat()) {
      phrasings.push(q);
      factOf.push(fact.id);
    }
  }
  const fuse = new Fuse(phrasings, { ignoreLocation: true });
  return {
    answer(question) {
      const first = fuse.search(question)[0];
      return first ? (factOf[first.refIndex] ?? null) : null;
    },
  };
}
