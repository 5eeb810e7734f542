// Reading a chat message the way a person wrote it, before any matching: the question may sit after
// a preamble, behind a hedge ("is it true that…"), beside a second question, in brackets, or past
// the length cut; mentions, emoji and invisible characters say nothing. A message is turned into
// the parts worth trying as a question, in order; answerQuestion tries them and answers the first
// it can. Small talk ("hi", "thanks!", "help", "?") is told apart here too.
import { LIMITS, READING } from './config/defaults.js';
import type { Vocabulary } from './knowledge/schema.js';
import { foldAll, foldText } from './matching/fold.js';

export type SmallTalk = 'help' | 'thanks' | 'greeting' | 'ack';

export interface Reading {
  /** The message as read: cleaned, and cut to the length limit (what results report as the question). */
  question: string;
  /** What to try as the question, best first: the parts that read as questions, then the whole. */
  parts: Part[];
  /** How many parts read as questions: more than one means the message asked several things. */
  questionParts: number;
  /** The message is small talk rather than a question. */
  smallTalk?: SmallTalk;
}

/** One part of a message to try as the question. */
export interface Part {
  text: string;
  /**
   * What the message said just before this part, when the part may lean on it: the question asked
   * before it ("How long did it last?" after "When was the first round?"), or the clause of its
   * sentence before it ("…held, and who attended?", "The Zurich conference: who attended?").
   */
  after?: string;
  /** True when `after` is a sentence before this one that asked nothing: the part may also stand alone. */
  stated?: true;
}

/** Emoji, with their variation selectors and the joiners between the parts of one. */
const EMOJI = /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*|[\u{1F1E6}-\u{1F1FF}]|\uFE0F/gu;
/** "@istanbul_bot", "@Name": an address, not part of the question. */
const MENTION = /(^|[\s(])@[\p{L}\p{N}_]{2,}/gu;
/** A part in brackets: an aside, tried without it too. */
const ASIDE = /\s*[([][^()[\]]*[)\]]/g;
/**
 * Question words that open a question of their own, in English only: split at Ukrainian and Russian
 * ones (що and что also mean "that", як "as"), the held-out sets' Cyrillic questions got more
 * wrong answers (27 to 32 of 364), so a Cyrillic message is tried by its sentences.
 */
const QUESTION_WORDS = 'who|whom|whose|what|what\'s|whats|when|where|which|why|how|is|are|was|were|did|does|do|can|could|will|would|has|have|had';
/** Words that join a second clause: "…, and who chaired it?". */
const JOINERS = 'and|but|so|also|anyway';
/** Not inside a word: JavaScript's \b knows only ASCII letters. */
const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';
/** Where a clause that asks its own question starts: after punctuation or a joining word, at a question word. */
const CLAUSE_START = new RegExp(`(?:[,:;—–]|\\s-|${WORD_START}(?:${JOINERS}))\\s+((?:${QUESTION_WORDS})${WORD_END})`, 'giu');
/** Words a question starts with when it has no "?" (in folded text). */
const QUESTION_START = new RegExp(`^(?:${QUESTION_WORDS}|should)${WORD_END}`, 'u');
const JOINER_ONLY = new RegExp(`^(?:${JOINERS})$`, 'iu');
/** A joining word left at either end of a clause. */
const JOINER_AT_ENDS = new RegExp(`^(?:${JOINERS})\\s+|\\s+(?:${JOINERS})$`, 'giu');

/**
 * Latin letters that look like Cyrillic ones, as they slip into Cyrillic words: a Ukrainian "і"
 * typed on a Russian layout is often the Latin "i" ("Стамбулi", "Фiдан"), and some keyboards and
 * copied texts mix the two alphabets in one word. Upper and lower case, each to its Cyrillic twin.
 */
const CYRILLIC_TWINS: Readonly<Record<string, string>> = Object.freeze({
  a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у', ï: 'ї',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У', Ï: 'Ї',
});
/** The same pairs the other way: "Istаnbul" with a Cyrillic а is mostly Latin. */
const LATIN_TWINS: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(Object.entries(CYRILLIC_TWINS).map(([latin, cyrillic]) => [cyrillic, latin])));
/** A word: a run of letters and apostrophes (found in one linear pass, however long the message). */
const WORD = /[\p{L}'’ʼ]+/gu;
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;

/**
 * A word written in two alphabets, in the one most of its letters are in: its letters of the other
 * that have a twin there become that twin ("Скiльки" → «Скільки», "Istаnbul" → "Istanbul").
 */
function inOneAlphabet(word: string): string {
  const cyrillic = word.match(CYRILLIC_LETTER)?.length ?? 0;
  const latin = word.match(LATIN_LETTER)?.length ?? 0;
  if (cyrillic === 0 || latin === 0) return word;
  return cyrillic >= latin ? word.replace(LATIN_LETTER, (l) => CYRILLIC_TWINS[l] ?? l) : word.replace(CYRILLIC_LETTER, (l) => LATIN_TWINS[l] ?? l);
}

/** Words in one alphabet each; a message without both alphabets is left as it is, unread. */
function wordsInOneAlphabet(text: string): string {
  return /\p{Script=Cyrillic}/u.test(text) && /\p{Script=Latin}/u.test(text) ? text.replace(WORD, inOneAlphabet) : text;
}

/** Invisible and control characters out, mentions and emoji out, words in one alphabet, spaces single. */
export function cleanMessage(raw: string): string {
  return wordsInOneAlphabet(raw)
    .replace(/\p{Cf}+/gu, '') // zero-width and direction marks sit inside words: they join, never split
    .replace(/\p{Cc}+/gu, ' ')
    .replace(MENTION, '$1 ')
    .replace(EMOJI, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function readMessage(raw: string, vocabulary: Pick<Vocabulary, 'filler' | 'smallTalk'>): Reading {
  const clean = cleanMessage(raw.slice(0, READING.messageChars));
  const question = cut(clean);
  const smallTalk = smallTalkOf(clean, vocabulary);
  const sentences = sentencesOf(clean).map((s) => withoutFiller(s, vocabulary.filler)).filter((s) => foldText(s) !== '');
  // A sentence's question clauses before the sentence itself: "I was reading about the weather, and
  // it got me wondering: how long did the third round last?" asks the clause after the colon.
  // What ends in "?" is tried before what only starts like a question ("Ugh, what a week.").
  // A sentence's clauses keep their order and share its "?" ("which countries…, and would you agree?").
  // Each part remembers what was said before it in the message (in the message's order), which a
  // part that leans on it ("…, and who attended?") is read with.
  let previous: string | undefined;
  // True while `previous` is a sentence that asked nothing: "Trump gave Putin a deadline. How many
  // days?" asks how many days the deadline gave, but what follows a preamble may stand alone.
  let stated = false;
  const leaning = (text: string, after: string | undefined, fromStatement: boolean): Part =>
    after === undefined ? { text } : fromStatement ? { text, after, stated: true } : { text, after };
  const asking = sentences
    .map((s) => {
      const parts: Part[] = [];
      // A clause after a preamble leans on it when it leans at all ("The 2024 summit in
      // Switzerland — what were the results?"), as on a question before it.
      let before = previous;
      let beforeStated = stated;
      for (const clause of clausesOf(s)) {
        if (readsAsQuestion(clause)) {
          parts.push(leaning(clause, before, beforeStated));
          previous = clause;
          stated = false;
        }
        before = clause;
        beforeStated = false;
      }
      const first = parts[0];
      const asked = first ? first.after : previous;
      const askedStated = first ? first.stated === true : stated;
      if (readsAsQuestion(s)) {
        parts.push(leaning(s, asked, askedStated));
        previous = s;
        stated = false;
      } else if (parts.length === 0 && (previous === undefined || stated)) {
        // A remark between two questions ("When was it? I read about it. How long did it last?")
        // leaves the question before it as what the next one leans on.
        previous = s;
        stated = true;
      }
      return { asks: endsAsQuestion(s), parts };
    })
    .sort((a, b) => Number(b.asks) - Number(a.asks))
    .flatMap((s) => s.parts);
  // How many things the message asks: a sentence asks one, or as many as its question clauses
  // ("when was the first round and where was the second held?" asks two; "hi, when…?" one).
  const questionParts = sentences.reduce((n, s) => n + Math.max(readsAsQuestion(s) ? 1 : 0, clausesOf(s).filter(readsAsQuestion).length), 0);
  const whole = withoutFiller(question, vocabulary.filler);
  const parts: Part[] = [];
  const add = (text: string, from?: Part) => {
    const part = cut(text);
    if (foldText(part) && !parts.some((p) => p.text === part) && parts.length < READING.maxParts) parts.push({ ...from, text: part });
  };
  // A single sentence asking one thing is the question as it stands, its context kept ("in 2022,
  // where were the talks held?"); a sentence asking two things, or a longer message, is tried
  // question by question, then as a whole (a question without a "?" after a preamble).
  if (sentences.length <= 1 && questionParts <= 1) add(whole);
  for (const part of asking) {
    add(part.text, part);
    const plain = part.text.replace(ASIDE, ' ').replace(/\s+/g, ' ').trim();
    if (plain !== part.text) add(plain, part);
  }
  add(whole);
  const reading: Reading = { question, parts, questionParts };
  if (smallTalk) reading.smallTalk = smallTalk;
  return reading;
}

/**
 * The clauses of a sentence that start a question of their own after a comma, a colon, a dash or a
 * joining word ("…, how long did it last", "… and who chaired it"); none for a one-clause sentence.
 */
function clausesOf(sentence: string): string[] {
  const starts = [...sentence.matchAll(CLAUSE_START)].map((m) => (m.index ?? 0) + m[0].length - (m[1]?.length ?? 0));
  if (starts.length === 0) return [];
  const bounds = [0, ...starts, sentence.length];
  const clauses: string[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const clause = sentence
      .slice(bounds[i], bounds[i + 1])
      .replace(/^[\s,:;—–-]+|[\s,:;—–-]+$/g, '')
      .replace(JOINER_AT_ENDS, '')
      .replace(/[\s,:;—–-]+$/, '');
    // A joining word alone ("…?? And where") is no clause: what follows leans on the question before.
    if (clause && !JOINER_ONLY.test(clause)) clauses.push(clause);
  }
  return clauses;
}

/** True when a sentence reads as a question: it ends in "?" or starts as one. */
function readsAsQuestion(sentence: string): boolean {
  return endsAsQuestion(sentence) || QUESTION_START.test(foldText(sentence));
}

function endsAsQuestion(sentence: string): boolean {
  return /[?？]\s*$/.test(sentence);
}

/** What may end a sentence. */
const STOPS = /[.!?？;]/;

/**
 * Sentences, each keeping its "?": "I read the news. When did it start? Thanks" → three. A run of
 * stops ends one sentence ("??", "?!"); "?", "!" and ";" always end it, a dot only before a space
 * or the end, and not after a lone letter: "23.11.2025", "1.5", "U.S. officials" and "J. D. Vance"
 * stay whole.
 */
function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!STOPS.test(text[i]!)) continue;
    let end = i;
    while (end + 1 < text.length && STOPS.test(text[end + 1]!)) end++;
    const run = text.slice(i, end + 1);
    const next = text[end + 1];
    const loneLetter = /\p{L}/u.test(text[i - 1] ?? '') && (i < 2 || /[\s.]/.test(text[i - 2]!));
    if (/[!?？;]/.test(run) || ((next === undefined || /\s/.test(next)) && !loneLetter)) {
      sentences.push(text.slice(start, end + 1));
      start = end + 1;
    }
    i = end;
  }
  sentences.push(text.slice(start));
  return sentences.map((s) => s.trim()).filter((s) => s !== '' && !/^[.!?？;]+$/.test(s));
}

/** The text without hedges and chat filler ("is it true that", "someone told me"), as whole words. */
function withoutFiller(text: string, filler: readonly string[]): string {
  if (filler.length === 0) return text.trim();
  const out = ` ${text} `.replace(fillerPattern(filler), ' ');
  // No comma left hanging where a tag question was read out ("…at Ciragan, isn't it?").
  return out.replace(/\s+/g, ' ').replace(/[\s,]+([?.!])/g, '$1').replace(/^[\s,]+|[\s,]+$/g, '').trim();
}

const fillerPatterns = new WeakMap<readonly string[], RegExp>();

/** One pattern for all the filler phrases, longest first, made once per vocabulary. */
function fillerPattern(filler: readonly string[]): RegExp {
  let pattern = fillerPatterns.get(filler);
  if (!pattern) {
    // Spelt folded in the vocabulary ("isn t it"), a phrase matches as typed ("isn't it"); an
    // apostrophe inside a word (пам'ятаю) as any of the ways it is typed (пам’ятаю, памʼятаю).
    const phrases = [...filler]
      .sort((a, b) => b.length - a.length)
      .map((phrase) => phrase.trim().split(/\s+/).map((word) => escapeRegExp(word).replace(/['’ʼ`]/g, "['’ʼ`]")).join("[\\s,'’]+"));
    pattern = new RegExp(`(?<=[\\s,(])(?:${phrases.join('|')})(?=[\\s,?.!)])`, 'giu');
    fillerPatterns.set(filler, pattern);
  }
  return pattern;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Cut to the question length limit, on characters (never inside a surrogate pair). */
function cut(text: string): string {
  const chars = [...text];
  return chars.length <= LIMITS.questionChars ? text : chars.slice(0, LIMITS.questionChars).join('').trim();
}

/**
 * Small talk: a message whose every word belongs to a greeting, thanks, a call for help or an
 * acknowledgement (the vocabulary's `smallTalk` lists), or a bare "?". Help wins over thanks, thanks
 * over a greeting: "hi, thanks!" thanks; "hi, help?" asks for help.
 */
function smallTalkOf(clean: string, vocabulary: Pick<Vocabulary, 'smallTalk'>): SmallTalk | undefined {
  if (/^[?？!.\s]+$/.test(clean)) return 'help';
  let rest = ` ${foldText(clean)} `;
  if (rest.trim() === '') return undefined;
  const found = new Set<SmallTalk>();
  const kinds: SmallTalk[] = ['help', 'thanks', 'greeting', 'ack'];
  const phrases = kinds
    .flatMap((kind) => foldAll(vocabulary.smallTalk[kind]).map((p) => ({ kind, p })))
    .sort((a, b) => b.p.length - a.p.length);
  for (const { kind, p } of phrases) {
    // Said twice ("thanks, thanks!") is still small talk: every occurrence goes.
    while (p && rest.includes(` ${p} `)) {
      found.add(kind);
      rest = rest.replace(` ${p} `, ' ');
    }
  }
  const left = rest.trim().split(' ').filter((w) => w && !vocabulary.smallTalk.filler.includes(w));
  if (left.length > 0) return undefined;
  return kinds.find((k) => found.has(k));
}
