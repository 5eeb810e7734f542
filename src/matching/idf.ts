// How telling a word is: its inverse document frequency (idf). The one definition of it in the
// matching engine: the word index ranks by it and the matcher weighs a question's words by it, each
// in its own form of the same formula (see idf()).

/**
 * Which documents count against a term in idf():
 * - `'odds'`: those that do not hold it, BM25's form, with which the word index ranks facts;
 * - `'ratio'`: all of them, the form with which the matcher weighs a question's words.
 */
export type IdfForm = 'odds' | 'ratio';

/** Half a document: BM25's smoothing of its odds, and what a term no document holds is counted as. */
const HALF_A_DOCUMENT = 0.5;

/**
 * The idf of a term `holding` of the index's `documents` documents hold:
 *
 *     idf = ln(1 + (others + s) / (held + s))
 *
 * with N = max(1, documents), held = `holding`, or ½ for a term no document holds (so that it weighs
 * the most, yet finitely), and by `form`:
 *
 * - `'odds'`: others = N − held and s = ½, that is ln(1 + (N − df + ½) / (df + ½)), BM25's idf as
 *   MiniSearch's BM25+ (which the index reproduces) and Lucene have it. (N − df + ½) / (df + ½) is
 *   Robertson and Spärck Jones's odds against a document holding the term, smoothed by half a
 *   document on each side. The classic idf, ln of those odds alone, is negative for a term in more
 *   than half the documents, so holding such a word would lower a fact's score; the 1 + inside the
 *   logarithm keeps every idf positive. A term in every document weighs ln(1 + ½ / (N + ½)), about
 *   1 / (2N): nearly nothing, so the words most facts share neither lift nor sink a fact in the
 *   ranking, and an idf falls as more documents hold its term.
 * - `'ratio'`: others = N and s = 0, that is ln(1 + N / df). Also positive and falling with df, but
 *   never below ln 2 (a term in every document), and ln(1 + 2N), the most, for an unknown word. The
 *   matcher's confidence weighs a question's words as shares of the question (coverage and
 *   likeness), and a word every fact holds ("ukraine") is still part of what was asked: it keeps a
 *   weight, where the odds would all but drop it and leave a question of common words weighing
 *   nearly nothing.
 *
 * Why one formula in two forms, not one form: the two give different values (at N = 1,000, a term
 * in one document weighs 6.50 as odds and 6.91 as a ratio; in half of them 0.69 and 1.10; in all of
 * them 0.0005 and 0.69), and each was tuned on its own form: the ranking on BM25's, and the answer
 * and suggestion thresholds, `MATCHING.nameMinWeight` and the evaluation floors on the ratio. Made
 * one, either way, the evaluation drops: with the matcher weighing by the odds, `npm run eval` got
 * 157 questions wrong instead of 143 (batch-2 answered 216 of 220, not all); with the index ranking
 * by the ratio, 146.
 */
export function idf(documents: number, holding: number, form: IdfForm): number {
  const n = Math.max(1, documents);
  const held = holding || HALF_A_DOCUMENT;
  const odds = form === 'odds';
  const others = odds ? n - held : n;
  const smoothing = odds ? HALF_A_DOCUMENT : 0;
  return Math.log(1 + (others + smoothing) / (held + smoothing));
}
