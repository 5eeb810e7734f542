// Question → ranked facts. A word index (MiniSearch, BM25) finds candidates fast; each candidate is
// then scored by how much of the question it covers, weighted by how telling each word is, and by
// how close the question is to one of the fact's phrasings. Words the base has never seen weigh the
// most, which is what keeps "pizza places in Istanbul" from borrowing a fact about Istanbul.
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { LIMITS, MATCHING } from '../config/defaults.js';
import type { FactBase } from '../knowledge/parse.js';
import type { Fact } from '../knowledge/schema.js';
import { createNormalizer, foldText } from './normalize.js';
import { createSpeller } from './spelling.js';

/** Added to the index of the newest round's facts: "the latest round" means the newest in the base. */
export const LATEST_MARK = 'latest';

export interface Candidate {
  fact: Fact;
  /** In [0, 1]: how sure the matcher is that this fact answers the question. */
  confidence: number;
  /** The fact's phrasing closest to the question, for "did you mean…". */
  question: string;
}

export interface MatchResult {
  /** Best first; empty when nothing in the base shares a word with the question. */
  candidates: Candidate[];
}

export interface Matcher {
  match(question: string): MatchResult;
  /** Known questions for autocomplete, best first. An empty prefix gives the featured ones. */
  complete(prefix: string, limit?: number): string[];
}

interface QueryTerm {
  stem: string;
  weight: number;
  /** 1 for a word spelt as in the base, less for a corrected typo, 0 for an unknown word. */
  credit: number;
}

interface IndexedFact {
  fact: Fact;
  /** Stems of the phrasings and tags: what the fact is about. */
  topicTerms: ReadonlySet<string>;
  /** Stems of everything, the answer included. */
  terms: ReadonlySet<string>;
  phrasings: readonly { text: string; stems: ReadonlySet<string> }[];
}

export function createMatcher(base: FactBase): Matcher {
  const normalizer = createNormalizer(base.vocabulary);
  const active = base.facts.filter((f) => f.status === 'active');
  const latestRound = Math.max(0, ...active.map((f) => f.round ?? 0));
  const isLatest = (f: Fact) => latestRound > 0 && f.round === latestRound;

  const indexed = new Map<string, IndexedFact>();
  const documentFrequency = new Map<string, number>();
  const surfaceWords = new Set<string>(normalizer.knownVariants);
  for (const fact of active) {
    const extra = isLatest(fact) ? [LATEST_MARK] : [];
    const phrasings = fact.questions.map((text) => ({ text, stems: new Set([...normalizer.stems(text), ...extra]) }));
    const topicTerms = new Set([...phrasings.flatMap((p) => [...p.stems]), ...normalizer.stems(fact.tags.join(' '))]);
    const terms = new Set([...topicTerms, ...normalizer.stems(bodyOf(fact))]);
    for (const t of terms) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
    for (const w of normalizer.words([...fact.questions, bodyOf(fact), fact.tags.join(' ')].join(' '))) surfaceWords.add(w);
    indexed.set(fact.id, { fact, topicTerms, terms, phrasings });
  }

  const index = new MiniSearch<{ id: string; questions: string; answer: string; tags: string }>({
    fields: ['questions', 'answer', 'tags'],
    // Text arrives here already reduced to stems by extractField: the index must not split it again.
    tokenize: (text) => text.split(' ').filter(Boolean),
    processTerm: (term) => term,
    extractField: (doc, field) => doc[field as keyof typeof doc],
  });
  index.addAll(
    active.map((fact) => ({
      id: fact.id,
      questions: [...(indexed.get(fact.id)?.phrasings ?? []).flatMap((p) => [...p.stems])].join(' '),
      answer: normalizer.stems(bodyOf(fact)).join(' '),
      tags: normalizer.stems(fact.tags.join(' ')).join(' '),
    })),
  );

  const speller = createSpeller(surfaceWords);
  const phrasingSearch = new Fuse(
    active.flatMap((f) => f.questions),
    { includeScore: true, ignoreLocation: true, threshold: 0.4 },
  );
  const factCount = Math.max(1, active.length);
  const idf = (stem: string) => Math.log(1 + factCount / (documentFrequency.get(stem) ?? 0.5));

  function queryTerms(question: string): QueryTerm[] {
    const seen = new Map<string, QueryTerm>();
    for (const word of normalizer.words(question)) {
      const term = resolve(word);
      const prior = seen.get(term.stem);
      if (!prior || prior.credit < term.credit) seen.set(term.stem, term);
    }
    return [...seen.values()];
  }

  function resolve(word: string): QueryTerm {
    const stem = normalizer.stem(word);
    if (documentFrequency.has(stem)) return { stem, weight: idf(stem), credit: 1 };
    const corrected = speller.correct(word);
    if (corrected) {
      const fixed = normalizer.stem(corrected.word);
      if (documentFrequency.has(fixed)) return { stem: fixed, weight: idf(fixed), credit: MATCHING.typoCredit * corrected.similarity };
    }
    return { stem, weight: idf(stem), credit: 0 };
  }

  function confidenceOf(entry: IndexedFact, terms: readonly QueryTerm[], totalWeight: number): Candidate {
    let covered = 0;
    for (const t of terms) {
      // A word the fact is about counts fully; one its answer merely mentions counts less.
      const field = entry.topicTerms.has(t.stem) ? 1 : entry.terms.has(t.stem) ? MATCHING.answerOnlyCredit : 0;
      covered += t.weight * t.credit * field;
    }
    let bestLikeness = 0;
    let bestQuestion = entry.fact.questions[0] ?? '';
    for (const p of entry.phrasings) {
      let shared = 0;
      for (const t of terms) if (p.stems.has(t.stem)) shared += t.weight * t.credit;
      let phrasingWeight = 0;
      for (const s of p.stems) phrasingWeight += idf(s);
      const likeness = (2 * shared) / (totalWeight + phrasingWeight);
      if (likeness > bestLikeness) {
        bestLikeness = likeness;
        bestQuestion = p.text;
      }
    }
    const coverage = covered / totalWeight;
    const confidence = MATCHING.coverageWeight * coverage + (1 - MATCHING.coverageWeight) * bestLikeness;
    return { fact: entry.fact, confidence: Math.min(1, Math.max(0, confidence)), question: bestQuestion };
  }

  return {
    match(question) {
      const terms = queryTerms(question.slice(0, LIMITS.questionChars));
      const known = terms.filter((t) => t.credit > 0);
      if (known.length === 0) return { candidates: [] };
      const totalWeight = terms.reduce((sum, t) => sum + t.weight, 0);
      const hits = index.search(known.map((t) => t.stem).join(' '), {
        boost: MATCHING.boost,
        boostTerm: (term) => known.find((t) => t.stem === term)?.credit ?? 1,
      });
      const top = hits.slice(0, MATCHING.candidates);
      const bestScore = top[0]?.score ?? 1;
      const candidates = top
        .map((hit) => {
          const entry = indexed.get(String(hit.id));
          if (!entry) return undefined;
          const candidate = confidenceOf(entry, terms, totalWeight);
          return { candidate, rank: candidate.confidence + MATCHING.bm25Share * (hit.score / bestScore) };
        })
        .filter((c): c is { candidate: Candidate; rank: number } => c !== undefined)
        .sort((a, b) => b.rank - a.rank)
        .map((c) => c.candidate);
      return { candidates };
    },

    complete(prefix, limit = LIMITS.autocomplete) {
      const text = prefix.trim().slice(0, LIMITS.questionChars);
      if (!foldText(text)) return featured(active, limit).map((f) => f.questions[0] ?? f.id);
      return phrasingSearch.search(text, { limit }).map((r) => r.item);
    },
  };
}

/** What the index reads of a fact besides its phrasings. */
function bodyOf(fact: Fact): string {
  return fact.caveat ? `${fact.answer} ${fact.caveat}` : fact.answer;
}

/** Facts to offer when the user has typed nothing useful yet: those tagged "overview" first. */
export function featured(facts: readonly Fact[], limit: number): Fact[] {
  const ordered = [...facts.filter((f) => f.tags.includes('overview')), ...facts.filter((f) => !f.tags.includes('overview'))];
  return ordered.slice(0, limit);
}

