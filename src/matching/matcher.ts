// Question → ranked facts. A word index (BM25) finds candidates fast; each candidate is then scored
// by how much of the question it covers, weighted by how telling each word is, and by how close the
// question is to one of the fact's phrasings. Words the base has never seen weigh the most, which is
// what keeps "pizza places in Istanbul" from borrowing a fact about Istanbul.
//
// Each fact is indexed with its translations' phrasings and answers (the base's `translations`), so
// a question in any of the bot's languages finds it in the one index.
//
// The index is kept, not rebuilt: update() re-indexes only the facts that changed, so a moderator's
// edit to one fact costs microseconds even when the base holds tens of thousands.
import { isDeepStrictEqual } from 'node:util';
import Fuse from 'fuse.js';
import { LIMITS, MATCHING } from '../config/defaults.js';
import type { FactBase } from '../knowledge/parse.js';
import type { Fact } from '../knowledge/schema.js';
import { TRANSLATED_LANGUAGES, type FactTranslation } from '../knowledge/translation.js';
import { foldText } from './fold.js';
import { idf } from './idf.js';
import { createNormalizer, type Normalizer } from './normalize.js';
import { SlotArena } from './slot-arena.js';
import { HEAD_CHARS, SortedStrings } from './sorted-strings.js';
import { createLexicon, type Lexicon } from './spelling.js';
import { grown, IntList } from './typed-arrays.js';
import { WordIndex, type Hit } from './word-index.js';
import type { WordTable } from './word-table.js';

export interface Candidate {
  fact: Fact;
  /** In [0, 1]: how sure the matcher is that this fact answers the question. */
  confidence: number;
  /** The fact's phrasing closest to the question (its own or a translation's), for "did you mean…". */
  question: string;
  /**
   * The question's words (stems) the fact holds nowhere: `known` when another fact of the base holds
   * the word, so the question is about something this fact does not say; `weight` is its idf (idf.ts, 'ratio').
   */
  unmatched: { stem: string; known: boolean; weight: number }[];
}

export interface MatchResult {
  /** Best first; empty when nothing in the base shares a word with the question. */
  candidates: Candidate[];
}

export interface Matcher {
  /**
   * The candidates for a question. `focus`, a part of the question (a follow-up's own words, read
   * with the question before it), weighs its words MATCHING.focusWeight times over in confidence.
   */
  match(question: string, focus?: string): MatchResult;
  /**
   * Questions for autocomplete, best first: each fact's display question (its first phrasing), found
   * by any of its phrasings, each once. An empty prefix gives the featured ones.
   */
  complete(prefix: string, limit?: number): string[];
  /**
   * Brings the matcher in step with a new version of the base. Only facts added, edited, retired or
   * removed are re-indexed; a new synonym table, or a change to a large share of the facts, is
   * rebuilt from scratch instead, which is then the quicker way.
   */
  update(base: FactBase): void;
  /** A text's comparable word stems, as the matcher reads questions (for filters such as /timeline's). */
  stems(text: string): string[];
  /** The share of facts that hold a stem anywhere, from 0 to 1: how common a word is in the base. */
  share(stem: string): number;
  /** True when the active fact holds the stem anywhere: a phrasing, a tag or an answer, in any language. */
  holds(factId: string, stem: string): boolean;
}

interface QueryTerm {
  /** The word's stem, as the index stores it. */
  stem: string;
  /** The term's id in the word index; -1 for a word no fact holds. */
  id: number;
  weight: number;
  /** 1 for a word spelt as in the base, less for a corrected typo, 0 for an unknown word. */
  credit: number;
}

/** A fact's words as #wordsOf reads them. */
interface FactWords {
  /**
   * Content word ids, by the normalizer's table: each phrasing's, then the tags' (from tagsFrom),
   * then the answers' (from bodyFrom). A view of the matcher's scratch list: valid until the next
   * fact is read.
   */
  words: Int32Array;
  /** Where each phrasing's words end in `words`: phrasing i's run from phrasingEnds[i − 1] (0 for the first). */
  phrasingEnds: number[];
  tagsFrom: number;
  bodyFrom: number;
  /** Each phrasing's start, its first HEAD_CHARS folded characters (see #headOf). */
  heads: string[];
}

interface Entry {
  fact: Fact;
  /** The fact's translations, indexed with it: see translationsOf. */
  translated: readonly FactTranslation[];
  slot: number;
}

// The index's fields, in the order their term lists are given; a fact is "about" what its
// phrasings and tags say, and only mentions what its answer alone says.
const FIELD_BOOSTS = [MATCHING.boost.questions, MATCHING.boost.tags, MATCHING.boost.answer];
const TOPIC_FIELDS = 0b011;

export function createMatcher(base: FactBase): Matcher {
  return new IndexedMatcher(base);
}

class IndexedMatcher implements Matcher {
  #base!: FactBase;
  #normalizer!: Normalizer;
  #index!: WordIndex;
  #lexicon!: Lexicon;
  #entries!: Map<string, Entry>;
  #bySlot!: (Entry | undefined)[];
  /**
   * Per slot, each phrasing's distinct term ids (same order as fact.questions): its count, then
   * the ids, sorted.
   */
  #phrasingTerms!: SlotArena;
  /** Every phrasing's start key (see startKey()) for autocomplete, by its phrasingRef(). */
  #starts!: SortedStrings;
  /** By the id of a fact word in the normalizer's table: its term id, or −1 until first needed. A large base repeats its words, and stemming is not free. */
  #termIdOf!: Int32Array;
  /** By the table id of a phrasing's first word, when that word is HEAD_CHARS long or more: the phrasing's head (see #headOf); else ''. */
  #heads!: string[];
  #idfs = { version: -1, values: new Float64Array(0) };
  // Scratch lists reused from fact to fact: #wordsOf's folded words and content words, and
  // #termIdsOf's answer.
  #folded = new IntList();
  #words = new IntList();
  #termScratch = new Int32Array(1024);

  constructor(base: FactBase) {
    this.#rebuild(base);
  }

  match(question: string, focus?: string): MatchResult {
    const focused = new Set(focus === undefined ? [] : this.#normalizer.stems(focus));
    const terms = this.#queryTerms(question.slice(0, LIMITS.questionChars)).map((t) => (focused.has(t.stem) ? { ...t, weight: t.weight * MATCHING.focusWeight } : t));
    const known = terms.filter((t) => t.credit > 0);
    if (known.length === 0) return { candidates: [] };
    const totalWeight = terms.reduce((sum, t) => sum + t.weight, 0);
    const hits = this.#index.search(
      known.map((t) => ({ id: t.id, boost: t.credit })),
      MATCHING.candidates,
    );
    const bestScore = hits[0]?.score ?? 1;
    const candidates = hits
      .map((hit) => {
        const candidate = this.#confidenceOf(this.#entryAt(hit), terms, totalWeight);
        return { candidate, rank: candidate.confidence + MATCHING.bm25Share * (hit.score / bestScore) };
      })
      .sort((a, b) => b.rank - a.rank)
      .map((c) => c.candidate);
    return { candidates };
  }

  stems(text: string): string[] {
    return this.#normalizer.stems(text);
  }

  share(stem: string): number {
    const id = this.#index.find(stem);
    return id === undefined || this.#index.size === 0 ? 0 : this.#index.frequency(id) / this.#index.size;
  }

  holds(factId: string, stem: string): boolean {
    const entry = this.#entries.get(factId);
    const id = this.#index.find(stem);
    return entry !== undefined && id !== undefined && this.#index.fieldsOf(entry.slot, id) !== 0;
  }

  complete(prefix: string, limit: number = LIMITS.autocomplete): string[] {
    const text = prefix.trim().slice(0, LIMITS.questionChars);
    if (!foldText(text)) return this.#featured(limit).map((f) => f.questions[0] ?? f.id);
    // Fuse ranks phrasings well but reads every one it is given: it gets those of the few facts the
    // word index finds for the words typed so far, the last one possibly unfinished.
    const folded = foldText(text);
    const terms = this.#queryTerms(text).filter((t) => t.credit > 0);
    const typing = /[\p{L}\p{N}]$/u.test(text) ? folded.split(' ').at(-1) : undefined;
    const completions = typing ? this.#lexicon.startingWith(typing, MATCHING.completionWords) : [];
    for (const word of completions) {
      const stem = this.#normalizer.stem(word);
      const id = this.#index.find(stem);
      if (id !== undefined && !terms.some((t) => t.id === id)) terms.push({ stem, id, weight: 0, credit: 1 });
    }
    const hits = this.#index.search(
      terms.map((t) => ({ id: t.id, boost: t.credit })),
      MATCHING.completionFacts,
    );
    // People type a question from its start: phrasings that start as typed are offered too, which
    // is what a start made of common words ("What did") needs.
    // Each phrasing stands for its fact, which is offered by its display question: a person picks a
    // question, not a fragment such as a bare surname.
    const displayOf = new Map<string, string>();
    const offer = (fact: Fact | undefined, phrasing: string | undefined) => {
      if (fact && phrasing !== undefined && !displayOf.has(phrasing)) displayOf.set(phrasing, fact.questions[0] ?? phrasing);
    };
    for (const key of this.#starts.startingWith(folded.slice(0, MATCHING.completionStartChars), MATCHING.completionStarts)) {
      const [, slot, i] = key.split('\n');
      const entry = this.#bySlot[Number(slot)];
      offer(entry?.fact, entry && phrasingAt(entry, Number(i)));
    }
    for (const hit of hits) {
      const entry = this.#entryAt(hit);
      for (const phrasing of phrasingsOf(entry.fact, entry.translated)) offer(entry.fact, phrasing);
    }
    // Sorted, so phrasings Fuse scores alike come in one order however the index was built.
    const fuse = new Fuse([...displayOf.keys()].sort(), { ignoreLocation: true, threshold: 0.4 });
    const offered = new Set<string>();
    // A few phrasings a fact: asking Fuse for some more than the limit leaves enough facts after the merge.
    for (const { item } of fuse.search(text, { limit: limit * MATCHING.completionPhrasingsPerFact })) {
      offered.add(displayOf.get(item) ?? item);
      if (offered.size >= limit) break;
    }
    return [...offered];
  }

  update(base: FactBase): void {
    const previous = this.#base;
    this.#base = base;
    if (!isDeepStrictEqual(base.vocabulary.synonyms, previous.vocabulary.synonyms)) return this.#rebuild(base);

    const active: Fact[] = [];
    const gone: Entry[] = [];
    const added: Fact[] = [];
    // Most facts come back as the very objects indexed, most in the same place, with the same
    // translations: only the others need a look-up. Every active fact of the previous base has an
    // entry holding that very object and its translations there.
    const sameTranslations = base.translations === previous.translations;
    let kept = 0;
    base.facts.forEach((fact, i) => {
      if (fact.status !== 'active') return;
      active.push(fact);
      if (sameTranslations && fact === previous.facts[i]) {
        kept += 1;
        return;
      }
      const entry = this.#entries.get(fact.id);
      if (entry === undefined) {
        added.push(fact);
        return;
      }
      kept += 1;
      const translated = translationsOf(base, fact);
      // A fact whose sources or dates changed needs no re-indexing, only its new version handed out.
      if (sameForMatching(fact, entry.fact) && translated.length === entry.translated.length && translated.every((t, k) => sameTranslation(t, entry.translated[k]!))) {
        entry.fact = fact;
        entry.translated = translated;
      } else {
        gone.push(entry);
        added.push(fact);
      }
    });
    // Facts removed or retired: there are some only if fewer facts were found again than are indexed.
    if (kept < this.#entries.size) {
      const ids = new Set(active.map((f) => f.id));
      for (const entry of this.#entries.values()) if (!ids.has(entry.fact.id)) gone.push(entry);
    }
    if (gone.length + added.length > MATCHING.rebuildShare * Math.max(this.#entries.size, active.length)) return this.#rebuild(base);

    for (const entry of gone) this.#remove(entry);
    for (const fact of added) this.#add(fact);
  }

  #rebuild(base: FactBase): void {
    this.#base = base;
    this.#normalizer = createNormalizer(base.vocabulary);
    this.#index = new WordIndex(FIELD_BOOSTS);
    this.#lexicon = createLexicon(this.#normalizer.table);
    // Spellings the synonym table knows are typo targets even before a fact uses them.
    this.#lexicon.add([this.#normalizer.knownVariants]);
    this.#entries = new Map();
    this.#bySlot = [];
    this.#phrasingTerms = new SlotArena();
    this.#termIdOf = new Int32Array(0);
    this.#heads = [];
    this.#starts = new SortedStrings((ref) => this.#startKeyOf(ref));
    const active = base.facts.filter((f) => f.status === 'active');
    this.#index.bulk(() => {
      for (const fact of active) this.#add(fact);
    });
  }

  #add(fact: Fact): void {
    const translated = translationsOf(this.#base, fact);
    const read = this.#wordsOf(fact, translated);
    const { words, phrasingEnds } = read;
    const termIds = this.#termIdsOf(words);
    // Each phrasing counts a term once: repeats in one phrasing say nothing more. Its distinct terms
    // are moved down in place, phrasing after phrasing, to termIds[0, questionEnd).
    const counts: number[] = [];
    let questionEnd = 0;
    for (let p = 0, from = 0; p < phrasingEnds.length; from = phrasingEnds[p]!, p++) {
      const to = phrasingEnds[p]!;
      sortFew(termIds, from, to);
      const before = questionEnd;
      for (let i = from; i < to; i++) if (i === from || termIds[i] !== termIds[i - 1]) termIds[questionEnd++] = termIds[i]!;
      counts.push(questionEnd - before);
    }
    const questionTerms = termIds.subarray(0, questionEnd);
    const slot = this.#index.add(fact.id, [questionTerms, termIds.subarray(read.tagsFrom, read.bodyFrom), termIds.subarray(read.bodyFrom, words.length)]);
    let at = this.#phrasingTerms.reserve(slot, counts.length + questionEnd);
    const stored = this.#phrasingTerms.data;
    for (let p = 0, from = 0; p < counts.length; from += counts[p]!, p++) {
      stored[at++] = counts[p]!;
      for (let k = 0; k < counts[p]!; k++) stored[at++] = questionTerms[from + k]!;
    }
    // One call for the whole fact: a word it repeats counts once.
    this.#lexicon.use(words);
    read.heads.forEach((head, i) => this.#starts.add(phrasingRef(slot, i), headOf(head, slot, i)));
    const entry = { fact, translated, slot };
    this.#entries.set(fact.id, entry);
    this.#bySlot[slot] = entry;
  }

  /**
   * The term ids of the words with these ids in the normalizer's table, in a scratch array reused
   * from fact to fact (valid until the next call): a build reads millions of words.
   */
  #termIdsOf(words: Int32Array): Int32Array {
    const { table } = this.#normalizer;
    if (table.size > this.#termIdOf.length) {
      this.#termIdOf = grown(this.#termIdOf, Math.max(1024, 2 * table.size), -1);
    }
    if (this.#termScratch.length < words.length) this.#termScratch = new Int32Array(2 * words.length);
    const termIdOf = this.#termIdOf;
    const ids = this.#termScratch;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      let id = termIdOf[word]!;
      if (id < 0) termIdOf[word] = id = this.#index.id(this.#normalizer.stem(table.word(word)));
      ids[i] = id;
    }
    return ids;
  }

  /**
   * What the matcher reads of a fact with its translations, as ids in the normalizer's table, in one
   * list (in scratch lists reused from fact to fact, where an array per phrasing and per step was
   * most of what a build allocated): each phrasing's content words, then the tags', then the
   * answers' (its own, its translations', then its caveat's; translated caveats are not indexed);
   * and each phrasing's first HEAD_CHARS folded characters (for autocomplete).
   */
  #wordsOf(fact: Fact, translated: readonly FactTranslation[]): FactWords {
    const { table, contentIds } = this.#normalizer;
    const folded = this.#folded;
    const words = this.#words;
    folded.length = 0;
    words.length = 0;
    const phrasingEnds: number[] = [];
    const heads: string[] = [];
    for (const phrasing of phrasingsOf(fact, translated)) {
      const from = folded.length;
      table.foldInto(phrasing, folded);
      contentIds(folded.data, from, folded.length, words);
      phrasingEnds.push(words.length);
      heads.push(this.#headOf(folded.data, from, folded.length));
    }
    // Folded one by one into one list, as if joined by spaces, which part words as any text does;
    // the answers before the tags, as the table has always numbered them.
    const bodyStart = folded.length;
    table.foldInto(fact.answer, folded);
    for (const translation of translated) table.foldInto(translation.answer, folded);
    if (fact.caveat) table.foldInto(fact.caveat, folded);
    const tagStart = folded.length;
    for (const tag of fact.tags) table.foldInto(tag, folded);
    const tagsFrom = words.length;
    contentIds(folded.data, tagStart, folded.length, words);
    const bodyFrom = words.length;
    contentIds(folded.data, bodyStart, tagStart, words);
    return { words: words.view(), phrasingEnds, tagsFrom, bodyFrom, heads };
  }

  /** The first HEAD_CHARS characters of the folded words `folded[from, to)`, joined by spaces: most are those of the first word, kept per word so that one string serves each time. */
  #headOf(folded: ArrayLike<number>, from: number, to: number): string {
    if (from === to) return '';
    const first = folded[from]!;
    const { table } = this.#normalizer;
    // Filled as the table grows, '' for none yet: an array written far past its end goes slow.
    while (this.#heads.length < table.size) this.#heads.push('');
    let head = this.#heads[first]!;
    if (head === '') {
      head = startOf(folded, from, to, table, HEAD_CHARS);
      if (table.word(first).length >= HEAD_CHARS) this.#heads[first] = head;
    }
    return head;
  }

  #remove(entry: Entry): void {
    const { words, heads } = this.#wordsOf(entry.fact, entry.translated);
    this.#lexicon.unuse(words);
    heads.forEach((head, i) => this.#starts.remove(phrasingRef(entry.slot, i), headOf(head, entry.slot, i)));
    this.#index.remove(entry.slot);
    this.#phrasingTerms.release(entry.slot);
    this.#bySlot[entry.slot] = undefined;
    this.#entries.delete(entry.fact.id);
  }

  /** The start key of the phrasing `ref` names, worked out again from its text when autocomplete first needs it. */
  #startKeyOf(ref: number): string {
    const slot = Math.floor(ref / PHRASINGS_PER_SLOT);
    const i = ref % PHRASINGS_PER_SLOT;
    const entry = this.#bySlot[slot];
    const question = entry && phrasingAt(entry, i);
    if (question === undefined) throw new Error(`no phrasing ${i} in slot ${slot}`);
    const folded = this.#normalizer.table.fold(question);
    return startKey(startOf(folded, 0, folded.length, this.#normalizer.table, MATCHING.completionStartChars), slot, i);
  }

  #entryAt(hit: Hit): Entry {
    const entry = this.#bySlot[hit.slot];
    if (!entry) throw new Error(`the word index returned slot ${hit.slot}, which holds no fact`);
    return entry;
  }

  /**
   * A term's weight: its idf in the 'ratio' form (idf.ts says why that one), df counting the facts
   * holding it in any field; an unknown word (id −1) is held by none. Kept per term for the index's
   * version: a candidate's every phrasing weighs its terms, and most repeat.
   */
  #idf(id: number): number {
    if (id < 0) return this.#idfOf(0);
    const version = this.#index.version;
    if (this.#idfs.version !== version || this.#idfs.values.length <= id) {
      this.#idfs = { version, values: new Float64Array(this.#index.terms).fill(NaN) };
    }
    const kept = this.#idfs.values[id]!;
    if (!Number.isNaN(kept)) return kept;
    return (this.#idfs.values[id] = this.#idfOf(this.#index.frequency(id)));
  }

  #idfOf(frequency: number): number {
    return idf(this.#index.size, frequency, 'ratio');
  }

  #queryTerms(question: string): QueryTerm[] {
    const seen = new Map<string, QueryTerm>();
    for (const word of this.#normalizer.words(question)) {
      const { stem, term } = this.#resolve(word);
      // An unknown word weighs the most, so one that only looks unknown must not count at all.
      if (term.credit === 0 && this.#normalizer.isFiller(word)) continue;
      const prior = seen.get(stem);
      if (!prior || prior.credit < term.credit) seen.set(stem, { ...term, stem });
    }
    return [...seen.values()];
  }

  #resolve(word: string): { stem: string; term: Omit<QueryTerm, 'stem'> } {
    const stem = this.#normalizer.stem(word);
    const id = this.#index.find(stem);
    if (id !== undefined) return { stem, term: { id, weight: this.#idf(id), credit: 1 } };
    const corrected = this.#lexicon.correct(word);
    if (corrected) {
      const fixed = this.#normalizer.stem(corrected.word);
      const fixedId = this.#index.find(fixed);
      if (fixedId !== undefined) return { stem: fixed, term: { id: fixedId, weight: this.#idf(fixedId), credit: MATCHING.typoCredit * corrected.similarity } };
    }
    return { stem, term: { id: -1, weight: this.#idf(-1), credit: 0 } };
  }

  #confidenceOf(entry: Entry, terms: readonly QueryTerm[], totalWeight: number): Candidate {
    let covered = 0;
    const unmatched: Candidate['unmatched'] = [];
    for (const t of terms) {
      const fields = t.id < 0 ? 0 : this.#index.fieldsOf(entry.slot, t.id);
      // The word's own idf, not its weight here, which a follow-up's focus may have raised: the
      // name rule (fit.ts) compares it with MATCHING.nameMinWeight.
      if (fields === 0) unmatched.push({ stem: t.stem, known: t.id >= 0, weight: this.#idf(t.id) });
      if (t.id < 0) continue;
      // A word the fact is about counts fully; one its answer merely mentions counts less.
      const field = fields & TOPIC_FIELDS ? 1 : fields ? MATCHING.answerOnlyCredit : 0;
      covered += t.weight * t.credit * field;
    }
    let bestLikeness = 0;
    let best = 0;
    const stored = this.#phrasingTerms.data;
    const end = this.#phrasingTerms.start(entry.slot) + this.#phrasingTerms.length(entry.slot);
    for (let i = 0, at = this.#phrasingTerms.start(entry.slot); at < end; i++, at += 1 + stored[at]!) {
      const from = at + 1;
      const to = from + stored[at]!;
      let shared = 0;
      for (const t of terms) if (t.id >= 0 && holds(stored, from, to, t.id)) shared += t.weight * t.credit;
      let phrasingWeight = 0;
      for (let k = from; k < to; k++) phrasingWeight += this.#idf(stored[k]!);
      const likeness = (2 * shared) / (totalWeight + phrasingWeight);
      if (likeness > bestLikeness) {
        bestLikeness = likeness;
        best = i;
      }
    }
    const bestQuestion = phrasingAt(entry, best) ?? entry.fact.questions[0] ?? '';
    const coverage = covered / totalWeight;
    const confidence = MATCHING.coverageWeight * coverage + (1 - MATCHING.coverageWeight) * bestLikeness;
    return { fact: entry.fact, confidence: Math.min(1, Math.max(0, confidence)), question: bestQuestion, unmatched };
  }

  #featured(limit: number): Fact[] {
    return featured(this.#base.facts, limit);
  }
}

/** Sorts a phrasing's few ids, `ids[from, to)`, in place, in increasing order: quicker than sort() for so few. */
function sortFew(ids: Int32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const id = ids[i]!;
    let at = i;
    for (; at > from && ids[at - 1]! > id; at--) ids[at] = ids[at - 1]!;
    ids[at] = id;
  }
}

/** The first `chars` characters of the folded words `folded[from, to)`, joined by spaces. */
function startOf(folded: ArrayLike<number>, from: number, to: number, table: WordTable, chars: number): string {
  let start = '';
  for (let i = from; i < to; i++) {
    const word = table.word(folded[i]!);
    start = start ? `${start} ${word}` : word;
    if (start.length >= chars) break;
  }
  return start.slice(0, chars);
}

/**
 * A phrasing's folded start (MATCHING.completionStartChars characters), then where it is: "who led
 * the delegati\n42\n0" is phrasing 0 of the fact in slot 42.
 */
function startKey(start: string, slot: number, i: number): string {
  return `${start}\n${slot}\n${i}`;
}

/** The start key's first HEAD_CHARS characters, from the start's (`head`): the key itself is only made for a start shorter than that. */
function headOf(head: string, slot: number, i: number): string {
  return head.length >= HEAD_CHARS ? head : startKey(head, slot, i).slice(0, HEAD_CHARS);
}

/** Room for this many phrasings a fact, numbering phrasing i of slot s as s × this + i: far more than any fact has, and still exact in a double. */
const PHRASINGS_PER_SLOT = 2 ** 21;

/** The number SortedStrings knows phrasing i of the fact in `slot` by. */
function phrasingRef(slot: number, i: number): number {
  return slot * PHRASINGS_PER_SLOT + i;
}

/** Whether a phrasing's few term ids, `ids[from, to)`, hold `id`. */
function holds(ids: Int32Array, from: number, to: number, id: number): boolean {
  for (let i = from; i < to; i++) if (ids[i] === id) return true;
  return false;
}

/** The fact's translations in the base, in TRANSLATED_LANGUAGES' order; a fact may have none yet. */
function translationsOf(base: FactBase, fact: Fact): readonly FactTranslation[] {
  const translated: FactTranslation[] = [];
  for (const language of TRANSLATED_LANGUAGES) {
    const translation = base.translations.get(language)?.get(fact.id);
    if (translation) translated.push(translation);
  }
  return translated;
}

/** A fact's phrasings as indexed: its own, then its translations' (phrasing i is phrasingAt(entry, i)). */
function phrasingsOf(fact: Fact, translated: readonly FactTranslation[]): readonly string[] {
  if (translated.length === 0) return fact.questions;
  const phrasings = [...fact.questions];
  for (const translation of translated) phrasings.push(...translation.questions);
  return phrasings;
}

/** The entry's phrasing i, counted as phrasingsOf counts them; undefined past the last. */
function phrasingAt(entry: Entry, i: number): string | undefined {
  const { questions } = entry.fact;
  if (i < questions.length) return questions[i];
  let at = i - questions.length;
  for (const translation of entry.translated) {
    if (at < translation.questions.length) return translation.questions[at];
    at -= translation.questions.length;
  }
  return undefined;
}

/** True when the two versions of a fact would be indexed alike (sources and dates are not indexed). */
function sameForMatching(a: Fact, b: Fact): boolean {
  return (
    a === b ||
    (a.status === b.status &&
    a.round === b.round &&
    a.answer === b.answer &&
    a.caveat === b.caveat &&
    isDeepStrictEqual(a.questions, b.questions) &&
    isDeepStrictEqual(a.tags, b.tags))
  );
}


/** True when the two versions of a translation would be indexed alike (its caveat is not indexed). */
function sameTranslation(a: FactTranslation, b: FactTranslation): boolean {
  return a === b || (a.answer === b.answer && isDeepStrictEqual(a.questions, b.questions));
}

/** Active facts to offer when the user has typed nothing useful yet: those tagged "overview" first. */
export function featured(facts: readonly Fact[], limit: number): Fact[] {
  const overview: Fact[] = [];
  const others: Fact[] = [];
  for (const fact of facts) {
    if (fact.status !== 'active') continue;
    if (fact.tags.includes('overview')) overview.push(fact);
    else if (others.length < limit) others.push(fact);
    if (overview.length >= limit) break;
  }
  return [...overview, ...others].slice(0, limit);
}
