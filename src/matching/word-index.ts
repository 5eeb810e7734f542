// A BM25 word index built to answer in microseconds at 100,000 facts and to take one changed fact
// without a rebuild. Postings are arrays of small integers, a query's scores accumulate in one typed
// array, and only the few best documents are ever sorted: a general-purpose search library builds
// an object per matching document, which for a word in half the base is most of the time spent.
// The score is MiniSearch's BM25+ (the index the matcher was first tuned with): per field,
// idf · (delta + tf·(k1+1) / (tf + k1·(1 − b + b·length/average))) times the field's boost, summed
// over the query's terms and multiplied by how many of them the document contains. The idf is
// idf.ts's, in BM25's form; k1, b and delta are MATCHING.bm25's unless the index is given others.
import { MATCHING } from '../config/defaults.js';
import { idf } from './idf.js';
import { SlotArena } from './slot-arena.js';
import { grown } from './typed-arrays.js';

/** BM25+'s constants: what each does, and why MATCHING.bm25 has the values it has, is told there. */
export interface Bm25 {
  readonly k1: number;
  readonly b: number;
  readonly delta: number;
}
/** How finely a common term's documents are grouped by its impact on them (see ByImpact). */
const IMPACT_BUCKETS = 64;
/** The shortest length of a field no document holds the term in: longer than any. */
const NO_LENGTH = 0x7fffffff;
/** Term frequencies are packed one byte a field; a word repeated more often than this counts as this. */
const MAX_TF = 255;
/** A term in more than this share of the documents is "common": a search does not read its postings through (see search()). */
const COMMON_SHARE = 1 / 5;
/** From this many documents a term's impacts are kept (see #impacts): fewer are as quick to work out again. */
const KEEP_IMPACTS_FROM = 64;

export interface TermQuery {
  /** A term id from id() or find(). */
  id: number;
  /** Multiplies the term's contribution: how much the caller trusts it (a corrected typo less). */
  boost: number;
}

interface WeightedTerm {
  id: number;
  /** The caller's boost: multiplies what the term adds to a document (its impact there). */
  boost: number;
  /** Per field: the field's boost × the term's idf in that field. */
  fieldWeights: Float64Array;
  /** In more than COMMON_SHARE of the documents. */
  common: boolean;
  /** Per posting, for a term in many documents but not common: its impact on that document; see #impactsOf(). Else empty. */
  byPosting: Float64Array;
  /** Per slot, for a common term: its impact on the document there, or −1 where the document does not hold it. Else empty. */
  bySlot: Float64Array;
  /** For a common term: its documents by its impact on them. Else empty. */
  byImpact: ByImpact;
  /** The most the term can add to one document's score. */
  ceiling: number;
}

/** A term's impact on each document holding it, and the largest. */
interface Impacts {
  /** By slot (−1 for a document without the term) for a common term, else in its postings' order. */
  values: Float64Array;
  max: number;
  /** For a common term: its documents by how much it adds to them. Else empty. */
  byImpact: ByImpact;
}

/**
 * A common term's documents in IMPACT_BUCKETS buckets by the share of its largest impact that it
 * adds to each, the largest first: `order[starts[b]]` up to `order[starts[b + 1]]` are bucket b,
 * whose impacts are at most the largest × (1 − b / IMPACT_BUCKETS). Bucketed, not sorted: made in
 * two linear passes with the term's impacts, where a sort took milliseconds on the next question.
 */
interface ByImpact {
  order: Int32Array;
  starts: Int32Array;
}

// What a term without kept impacts holds instead: the hot functions then always see the same
// kinds of objects in the same fields, where undefined in some and arrays in others made the
// optimizing compiler throw away their code whenever a question first mixed the two.
const NO_IMPACTS = new Float64Array(0);
const NO_ORDER: ByImpact = { order: new Int32Array(0), starts: new Int32Array(IMPACT_BUCKETS + 1) };

export interface Hit {
  slot: number;
  score: number;
}

/**
 * Per term: the documents holding it, as pairs of slot and frequencies (one byte per field), in one
 * typed array that grows by doubling. Plain arrays of numbers, or two lists, are slower to fill and
 * to scan.
 */
class Postings {
  pairs = new Int32Array(8);
  count = 0;

  push(slot: number, tf: number): void {
    if (2 * this.count === this.pairs.length) {
      this.pairs = grown(this.pairs, this.pairs.length * 2);
    }
    this.pairs[2 * this.count] = slot;
    this.pairs[2 * this.count + 1] = tf;
    this.count += 1;
  }

  /** Takes `count` pairs laid out in `pairs` (a view into a larger array is fine): pushing past them copies them out. */
  adopt(pairs: Int32Array<ArrayBuffer>, count: number): void {
    this.pairs = pairs;
    this.count = count;
  }

  /** Removes a document's pair by moving the last pair into its place: order is not kept. */
  remove(slot: number): void {
    let at = this.count - 1;
    while (at >= 0 && this.pairs[2 * at] !== slot) at--;
    this.count -= 1;
    this.pairs[2 * at] = this.pairs[2 * this.count]!;
    this.pairs[2 * at + 1] = this.pairs[2 * this.count + 1]!;
  }
}

export class WordIndex {
  readonly #boosts: readonly number[];
  readonly #ids = new Map<string, number>();
  readonly #postings: Postings[] = [];
  // Per term and field, at id × fields + f, in typed arrays grown by doubling: how many documents
  // hold the term in that field; the most times one document holds it there, and the shortest such
  // field. The last two are never lowered when a document goes, so they stay bounds: what the term
  // can add to a score at most.
  #fieldFrequency = new Int32Array(0);
  #maxTf = new Int32Array(0);
  #minLength = new Int32Array(0);
  /** Per field, per slot: the field's length in terms. */
  #fieldLength: Int32Array[];
  readonly #totalLength: number[];
  /** Per slot: the document's term ids, each followed by its packed frequencies, sorted by id. */
  readonly #docTerms = new SlotArena();
  /** Per slot: the caller's key, so equal scores come out in the same order however the index was built. */
  readonly #keys: string[] = [];
  readonly #free: number[] = [];
  #count = 0;
  #version = 0;
  /** While bulk() runs: the slots added, whose postings are not filed yet. */
  #unfiled: number[] | undefined;
  // Scratch space for add and search, reused so neither allocates much.
  #counts = new Int32Array(0);
  /** The distinct terms of the document being added. */
  #distinct = new Int32Array(64);
  /** Per field: k1·b / the field's average length, for the search under way. */
  readonly #perLength: Float64Array;
  // BM25+'s constants, and the parts of the saturation that depend on nothing else.
  readonly #k1b: number;
  readonly #delta: number;
  readonly #k1Plus1: number;
  /** k1·(1 − b): the share of k1 no field's length changes. */
  readonly #k1Flat: number;
  #scores = new Float64Array(0);
  #matched = new Uint16Array(0);
  /** Documents already scored by #addCommonOnly, marked by slot and listed in #seen. */
  #marked = new Uint8Array(0);
  #seen = new Int32Array(0);
  /** The documents the rare terms found, in the order found: the first #touchedCount of #touched. */
  #touched = new Int32Array(0);
  #touchedCount = 0;
  // A common term's impacts (and those of any term in KEEP_IMPACTS_FROM documents or more) are
  // worked out once and kept until a document is added or removed: reading them is what makes a
  // question made of words in most documents quick, and their largest is an exact ceiling where
  // the term's highest frequency and shortest field give only a loose one.
  readonly #impacts = new Map<number, Impacts>();

  /**
   * `boosts[f]` weighs field f; every document gives one list of terms per field, in the same order.
   * `bm25` sets BM25+'s constants (k1 ≥ 0, 0 ≤ b ≤ 1, delta ≥ 0).
   */
  constructor(boosts: readonly number[], bm25: Bm25 = MATCHING.bm25) {
    const { k1, b, delta } = bm25;
    if (!(k1 >= 0 && b >= 0 && b <= 1 && delta >= 0)) throw new RangeError(`BM25+ needs k1 ≥ 0, 0 ≤ b ≤ 1 and delta ≥ 0, not ${JSON.stringify(bm25)}`);
    this.#boosts = boosts;
    this.#fieldLength = boosts.map(() => new Int32Array(64));
    this.#totalLength = boosts.map(() => 0);
    this.#perLength = new Float64Array(boosts.length);
    this.#k1b = k1 * b;
    this.#delta = delta;
    this.#k1Plus1 = k1 + 1;
    this.#k1Flat = k1 * (1 - b);
  }

  /** Changes whenever a document is added or removed: what is worked out from the index's counts holds until then. */
  get version(): number {
    return this.#version;
  }

  /** How many term ids have been given out. */
  get terms(): number {
    return this.#postings.length;
  }

  /** How many documents the index holds. */
  get size(): number {
    return this.#count;
  }

  /** The id of a term, made if the index has never seen it. Ids are never reused. */
  id(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.#postings.length;
      this.#ids.set(term, id);
      this.#postings.push(new Postings());
      const end = this.#postings.length * this.#boosts.length;
      if (end > this.#fieldFrequency.length) {
        const length = Math.max(64, 2 * end);
        this.#fieldFrequency = grown(this.#fieldFrequency, length);
        this.#maxTf = grown(this.#maxTf, length);
        this.#minLength = grown(this.#minLength, length, NO_LENGTH);
      }
    }
    return id;
  }

  /** The id of a term some document holds now, or undefined. */
  find(term: string): number | undefined {
    const id = this.#ids.get(term);
    return id !== undefined && this.frequency(id) > 0 ? id : undefined;
  }

  /** How many documents hold the term, in any field. */
  frequency(id: number): number {
    if (this.#unfiled) this.#file();
    return this.#postings[id]?.count ?? 0;
  }

  /**
   * Runs `fill`, which adds documents, and files them in the postings when it is done, as a whole
   * base is indexed: in two passes over their terms, one to count and one to write each term's
   * documents into place in one new array, where adding them one by one grew every term's list by
   * doubling, and read a different list for each term of each document.
   */
  bulk(fill: () => void): void {
    this.#unfiled = [];
    try {
      fill();
    } finally {
      this.#file();
    }
  }

  /** Writes the postings of the documents bulk() has added so far, after those already there. */
  #file(): void {
    const slots = this.#unfiled ?? [];
    this.#unfiled = undefined;
    if (slots.length === 0) return;
    const docTerms = this.#docTerms;
    const added = new Int32Array(this.#postings.length);
    for (const slot of slots) {
      const pairs = docTerms.view(slot);
      for (let i = 0; i < pairs.length; i += 2) added[pairs[i]!]! += 1;
    }
    // Each term that gains documents gets its stretch of one array: its pairs so far, then room for the new.
    const next = new Int32Array(this.#postings.length);
    let total = 0;
    for (let id = 0; id < added.length; id++) if (added[id]! > 0) total += this.#postings[id]!.count + added[id]!;
    const all = new Int32Array(2 * total);
    let at = 0;
    for (let id = 0; id < added.length; id++) {
      if (added[id] === 0) continue;
      const postings = this.#postings[id]!;
      const count = postings.count + added[id]!;
      all.set(postings.pairs.subarray(0, 2 * postings.count), at);
      next[id] = at + 2 * postings.count;
      postings.adopt(all.subarray(at, at + 2 * count), count);
      at += 2 * count;
    }
    for (const slot of slots) {
      const pairs = docTerms.view(slot);
      for (let i = 0; i < pairs.length; i += 2) {
        const id = pairs[i]!;
        all[next[id]!] = slot;
        all[next[id]! + 1] = pairs[i + 1]!;
        next[id]! += 2;
      }
    }
  }

  /** Adds a document given as term ids per field (repeats count; the lists are not kept); returns its slot. */
  add(key: string, fields: readonly ArrayLike<number>[]): number {
    const slot = this.#free.pop() ?? this.#keys.length;
    if (slot >= this.#fieldLength[0]!.length) {
      this.#fieldLength = this.#fieldLength.map((lengths) => grown(lengths, lengths.length * 2));
    }
    // Frequencies are counted in scratch space indexed by term id: a map per document would be most of the cost.
    if (this.#counts.length < this.#postings.length) this.#counts = new Int32Array(this.#postings.length * 2);
    const counts = this.#counts;
    let distinct = 0;
    for (let f = 0; f < fields.length; f++) {
      const terms = fields[f]!;
      if (this.#distinct.length < distinct + terms.length) {
        this.#distinct = grown(this.#distinct, 2 * (distinct + terms.length));
      }
      for (let i = 0; i < terms.length; i++) {
        const id = terms[i]!;
        const tf = counts[id]!;
        if (tf === 0) this.#distinct[distinct++] = id;
        if (((tf >> (8 * f)) & MAX_TF) < MAX_TF) counts[id] = tf + (1 << (8 * f));
      }
      this.#fieldLength[f]![slot] = terms.length;
      this.#totalLength[f]! += terms.length;
    }
    const ids = this.#distinct.subarray(0, distinct).sort();
    const at = this.#docTerms.reserve(slot, 2 * distinct);
    const packed = this.#docTerms.data;
    const fieldCount = this.#boosts.length;
    const frequency = this.#fieldFrequency;
    const maxTf = this.#maxTf;
    const minLength = this.#minLength;
    for (let i = 0; i < distinct; i++) {
      const id = ids[i]!;
      const tf = counts[id]!;
      counts[id] = 0;
      if (!this.#unfiled) this.#postings[id]!.push(slot, tf);
      for (let f = 0; f < fieldCount; f++) {
        const fieldTf = (tf >> (8 * f)) & MAX_TF;
        if (fieldTf === 0) continue;
        const stat = id * fieldCount + f;
        frequency[stat]! += 1;
        if (fieldTf > maxTf[stat]!) maxTf[stat] = fieldTf;
        const length = fields[f]!.length;
        if (length < minLength[stat]!) minLength[stat] = length;
      }
      packed[at + 2 * i] = id;
      packed[at + 2 * i + 1] = tf;
    }
    this.#unfiled?.push(slot);
    this.#keys[slot] = key;
    this.#count += 1;
    this.#changed();
    return slot;
  }

  remove(slot: number): void {
    if (this.#unfiled) this.#file();
    if (!this.#docTerms.has(slot)) return;
    const packed = this.#docTerms.view(slot);
    for (let i = 0; i < packed.length; i += 2) {
      const id = packed[i]!;
      const tf = packed[i + 1]!;
      // Order inside a posting list does not matter: ties are broken by key.
      this.#postings[id]!.remove(slot);
      for (let f = 0; f < this.#boosts.length; f++) {
        if ((tf >> (8 * f)) & MAX_TF) this.#fieldFrequency[id * this.#boosts.length + f]! -= 1;
      }
    }
    this.#boosts.forEach((_, f) => {
      this.#totalLength[f]! -= this.#fieldLength[f]![slot]!;
    });
    this.#docTerms.release(slot);
    this.#free.push(slot);
    this.#count -= 1;
    this.#changed();
  }

  /** Every idf and average length has moved: what was worked out from them is let go. */
  #changed(): void {
    this.#impacts.clear();
    this.#version += 1;
  }

  /** A bit per field (bit f for field f) that holds the term in the document at `slot`; 0 if none does. */
  fieldsOf(slot: number, id: number): number {
    const packedTf = this.#tfOf(slot, id);
    return this.#boosts.reduce((mask, _, f) => ((packedTf >> (8 * f)) & MAX_TF ? mask | (1 << f) : mask), 0);
  }

  /** The document's packed term frequencies for the term; 0 if it does not hold it (or there is no document). */
  #tfOf(slot: number, id: number): number {
    const at = this.#docTerms.start(slot);
    if (at < 0) return 0;
    const data = this.#docTerms.data;
    let lo = 0;
    let hi = this.#docTerms.length(slot) / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const found = data[at + 2 * mid]!;
      if (found < id) lo = mid + 1;
      else if (found > id) hi = mid - 1;
      else return data[at + 2 * mid + 1]!;
    }
    return 0;
  }

  /**
   * The `limit` best documents for the terms, best first; only documents holding at least one of
   * them. Exact, but quick even when a term is in half the base: the rarer terms' postings are read
   * first, the common terms are then added to just the documents found (read by slot, not
   * searched for), and documents holding nothing but common terms are scored only where one of
   * those terms adds enough to reach the top.
   */
  search(terms: readonly TermQuery[], limit: number): Hit[] {
    if (this.#unfiled) this.#file();
    const n = this.#count;
    if (n === 0 || limit <= 0) return [];
    this.#ensureScratch();
    // k1·(1 − b + b·length/average) = k1·(1 − b) + perLength·length, with average = total/count.
    this.#totalLength.forEach((total, f) => {
      this.#perLength[f] = (this.#k1b * n) / (total || 1);
    });
    const isCommon = (id: number) => this.frequency(id) > n * COMMON_SHARE;
    const weighted = terms
      .filter((t) => this.frequency(t.id) > 0)
      .map((t) => this.#weigh(t, isCommon(t.id)))
      .sort((a, b) => this.frequency(a.id) - this.frequency(b.id));
    const common = weighted.filter((t) => t.common);
    const rare = weighted.filter((t) => !t.common);
    this.#touchedCount = 0;
    for (const t of rare) this.#accumulate(t);
    const touched = this.#touched.subarray(0, this.#touchedCount);
    for (const t of common) this.#addBySlot(t, touched);
    const best = this.#best(touched, limit);
    // No document holding only common terms can score more than all of them at their most, times their number.
    const ceiling = common.reduce((sum, t) => sum + t.ceiling, 0) * common.length;
    if (common.length > 0 && (best.length < limit || ceiling >= best[limit - 1]!.score)) this.#addCommonOnly(best, common, limit);
    this.#clear(touched);
    return best;
  }

  /**
   * Adds to `best` the documents holding common terms and none of the rare ones (those the rare
   * terms found are still marked in the scratch counts) that can enter it. The documents each term
   * adds most to come first and set the bar. The bar is then shared out among the terms, the ones
   * that never add much taking only what they can add: a document to which no term adds more than
   * its share scores less than the bar, and each term's documents are read, the one it adds most
   * to first, only while it adds more than its share. A word common in answers is often rare in
   * phrasings, which is where it adds much.
   */
  #addCommonOnly(best: Hit[], common: readonly WeightedTerm[], limit: number): void {
    const foundByRare = this.#matched;
    const marked = this.#marked;
    const seen = this.#seen;
    let seenCount = 0;
    const consider = (slot: number) => {
      if (foundByRare[slot] !== 0 || marked[slot] !== 0) return;
      marked[slot] = 1;
      seen[seenCount++] = slot;
      this.#insert(best, slot, this.#commonScoreOf(slot, common), limit);
    };
    for (const { byImpact } of common) byImpact.order.subarray(0, limit).forEach(consider);
    // The slack keeps rounding in the sum of the shares from letting a document through unscored.
    let budget = best.length < limit ? 0 : (best[limit - 1]!.score / common.length) * (1 - 1e-9);
    const shares = new Map<WeightedTerm, number>();
    [...common]
      .sort((a, b) => a.ceiling - b.ceiling)
      .forEach((t, i, byCeiling) => {
        const share = Math.min(t.ceiling, budget / (byCeiling.length - i));
        shares.set(t, share);
        budget -= share;
      });
    for (const t of common) {
      const share = shares.get(t)!;
      const { order, starts } = t.byImpact;
      const bySlot = t.bySlot;
      for (let b = 0; b < IMPACT_BUCKETS; b++) {
        // Bucket b's impacts are below the top of bucket b − 1: a bucket of slack for rounding.
        if (b > 0 && t.ceiling * (1 - (b - 1) / IMPACT_BUCKETS) <= share) break;
        for (let i = starts[b]!; i < starts[b + 1]!; i++) {
          if (t.boost * bySlot[order[i]!]! > share) consider(order[i]!);
        }
      }
    }
    for (let i = 0; i < seenCount; i++) marked[seen[i]!] = 0;
  }

  /** The score of a document no rare term found: the common terms it holds, added in the order the other documents add them. */
  #commonScoreOf(slot: number, common: readonly WeightedTerm[]): number {
    let score = 0;
    let terms = 0;
    for (const t of common) {
      const impact = t.bySlot[slot]!;
      if (impact < 0) continue;
      terms += 1;
      score += t.boost * impact;
    }
    return score * terms;
  }

  /** Adds a common term's score to each document the rarer terms found that holds it. */
  #addBySlot(term: WeightedTerm, touched: Int32Array): void {
    const bySlot = term.bySlot;
    const { boost } = term;
    const scores = this.#scores;
    const matched = this.#matched;
    for (let i = 0; i < touched.length; i++) {
      const slot = touched[i]!;
      const impact = bySlot[slot]!;
      if (impact < 0) continue;
      matched[slot]! += 1;
      scores[slot]! += boost * impact;
    }
  }

  #ensureScratch(): void {
    const capacity = this.#keys.length;
    if (this.#scores.length >= capacity) return;
    this.#scores = new Float64Array(capacity * 2);
    this.#matched = new Uint16Array(capacity * 2);
    this.#touched = new Int32Array(capacity * 2);
    this.#marked = new Uint8Array(capacity * 2);
    this.#seen = new Int32Array(capacity * 2);
  }

  /** A term's idf times the fields' boosts, its kept impacts if it has any, and the most it can add to any document's score. */
  #weigh(term: TermQuery, common: boolean): WeightedTerm {
    const n = this.#count;
    // Typed, as are the per-field lengths: the functions reading them per posting then always see one kind of array.
    const fieldWeights = new Float64Array(this.#boosts.length);
    this.#boosts.forEach((boost, f) => {
      const df = this.#fieldFrequency[term.id * this.#boosts.length + f]!;
      if (df > 0) fieldWeights[f] = boost * idf(n, df, 'odds');
    });
    const kept = common || this.frequency(term.id) >= KEEP_IMPACTS_FROM ? this.#impactsOf(term.id, fieldWeights, common) : undefined;
    // The tf share grows with the count and shrinks with the field's length.
    const stat = (f: number) => term.id * this.#boosts.length + f;
    const ceiling = kept?.max ?? fieldWeights.reduce((sum, w, f) => (w === 0 ? sum : sum + w * this.#saturation(this.#maxTf[stat(f)]!, f, this.#minLength[stat(f)]!)), 0);
    return {
      id: term.id,
      boost: term.boost,
      fieldWeights,
      common,
      byPosting: kept && !common ? kept.values : NO_IMPACTS,
      bySlot: kept && common ? kept.values : NO_IMPACTS,
      byImpact: kept?.byImpact ?? NO_ORDER,
      ceiling: term.boost * ceiling,
    };
  }

  /** The term's impacts, worked out once per index version: by slot for a common term, in postings order for another. */
  #impactsOf(id: number, fieldWeights: Float64Array, common: boolean): Impacts {
    const kept = this.#impacts.get(id);
    if (kept) return kept;
    const { pairs, count } = this.#postings[id]!;
    const values = common ? new Float64Array(this.#keys.length).fill(-1) : new Float64Array(count);
    let max = 0;
    for (let i = 0; i < count; i++) {
      const slot = pairs[2 * i]!;
      const impact = this.#impact(fieldWeights, pairs[2 * i + 1]!, slot);
      values[common ? slot : i] = impact;
      if (impact > max) max = impact;
    }
    const impacts: Impacts = { values, max, byImpact: common ? byImpactOf(pairs, count, values, max) : NO_ORDER };
    this.#impacts.set(id, impacts);
    return impacts;
  }

  /** What a term adds to the score of the document at `slot`, before the query's boost: its BM25 share summed over the fields holding it. */
  #impact(fieldWeights: Float64Array, packedTf: number, slot: number): number {
    let impact = 0;
    for (let f = 0; f < fieldWeights.length; f++) {
      const tf = (packedTf >> (8 * f)) & MAX_TF;
      if (tf !== 0) impact += fieldWeights[f]! * this.#saturation(tf, f, this.#fieldLength[f]![slot]!);
    }
    return impact;
  }

  /** BM25+'s share for a term held `tf` times in field f of `length` terms. */
  #saturation(tf: number, f: number, length: number): number {
    return this.#delta + (tf * this.#k1Plus1) / (tf + this.#k1Flat + this.#perLength[f]! * length);
  }

  /** Reads a term's postings into the scratch scores, collecting the documents seen for the first time. */
  #accumulate(term: WeightedTerm): void {
    const postings = this.#postings[term.id]!;
    const pairs = postings.pairs;
    const { boost, byPosting, fieldWeights } = term;
    const kept = byPosting.length > 0;
    const scores = this.#scores;
    const matched = this.#matched;
    for (let i = 0; i < postings.count; i++) {
      const slot = pairs[2 * i]!;
      if (matched[slot] === 0) this.#touched[this.#touchedCount++] = slot;
      matched[slot]! += 1;
      scores[slot]! += boost * (kept ? byPosting[i]! : this.#impact(fieldWeights, pairs[2 * i + 1]!, slot));
    }
  }

  /** The best of the documents being scored (a document's sum times the number of terms it holds). */
  #best(touched: Int32Array, limit: number): Hit[] {
    const best: Hit[] = [];
    for (const slot of touched) this.#insert(best, slot, this.#scoreOf(slot), limit);
    return best;
  }

  #scoreOf(slot: number): number {
    return this.#scores[slot]! * this.#matched[slot]!;
  }

  /** Puts a document into `best` (kept sorted, at most `limit` long) if it belongs there. */
  #insert(best: Hit[], slot: number, score: number, limit: number): void {
    if (best.length === limit && !this.#before(slot, score, best[limit - 1]!)) return;
    let at = best.length;
    while (at > 0 && this.#before(slot, score, best[at - 1]!)) at--;
    best.splice(at, 0, { slot, score });
    if (best.length > limit) best.pop();
  }

  #clear(touched: Int32Array): void {
    for (const slot of touched) {
      this.#scores[slot] = 0;
      this.#matched[slot] = 0;
    }
  }

  #before(slot: number, score: number, other: Hit): boolean {
    return score > other.score || (score === other.score && this.#keys[slot]! < this.#keys[other.slot]!);
  }
}

/** A common term's documents bucketed by its impact on them (`values`, by slot), the largest first. */
function byImpactOf(pairs: Int32Array, count: number, values: Float64Array, max: number): ByImpact {
  const bucketOf = (slot: number) => Math.min(IMPACT_BUCKETS - 1, Math.floor((1 - values[slot]! / max) * IMPACT_BUCKETS));
  const starts = new Int32Array(IMPACT_BUCKETS + 1);
  for (let i = 0; i < count; i++) starts[bucketOf(pairs[2 * i]!) + 1]! += 1;
  for (let b = 0; b < IMPACT_BUCKETS; b++) starts[b + 1]! += starts[b]!;
  const next = starts.slice(0, IMPACT_BUCKETS);
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const slot = pairs[2 * i]!;
    order[next[bucketOf(slot)]!++] = slot;
  }
  return { order, starts };
}
