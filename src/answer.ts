// The one use case: a question in, data out (an answer, a "did you mean…", or a decline). Never
// throws for any input; adapters only lay the result out for their platform.
import { ANSWER_TEXT, dateIn, type AnswerText } from './answer-text.js';
import { citationsOf, type Citation } from './citations.js';
import { misfitOf, nameStemsOf, needsOf, type WordSense } from './fit.js';
import { asksAboutNow, isStale, isStaleBy } from './freshness.js';
import { CONVERSATION, LIMITS, MATCHING, READING } from './config/defaults.js';
import { readsAsFollowUp, speaksOf, spelledNames, withContext, withPersonNamed, type Earlier } from './follow-up.js';
import type { Fact, Vocabulary } from './knowledge/schema.js';
import type { FactBase } from './knowledge/parse.js';
import { foldAll, foldText } from './matching/fold.js';
import { featured, type Candidate, type Matcher } from './matching/matcher.js';
import { cleanMessage, readMessage, type Part, type SmallTalk } from './reading.js';
import { withDatesAsWritten } from './typed-dates.js';
import { looksTransliterated, toCyrillic } from './transliteration.js';
import { englishFingerprint } from './knowledge/translation.js';
import { languageOfLocale, readLanguage, type Language } from './language.js';

export interface Suggestion {
  factId: string;
  question: string;
}

interface ResultBase {
  /** The question as read: trimmed, and cut to the length limit. */
  question: string;
  /** The language the reply is written in: the question's own, else the platform's hint, else English. */
  lang: Language;
  /** In [0, 1]: the best candidate's confidence (0 when nothing matched). */
  confidence: number;
  suggestions: Suggestion[];
  /** Things the user should know about how the question was read (e.g. it was cut). */
  notes: string[];
}

export interface AnswerOk extends ResultBase {
  kind: 'answer';
  factId: string;
  text: string;
  /** Where sources disagree: a sentence naming both sides. */
  caveat?: string;
  citations: Citation[];
  /** ISO date the fact was true. */
  asOf: string;
  /** "as of 23 July 2025", in the reply's language. */
  asOfText: string;
  /**
   * Set when the question asked about now ("the latest", "still", "any news"): the answer is the
   * newest fact that fits, and `stale` says it is older than the freshness window, so the reply
   * states its date first and warns that it may be out of date.
   */
  recency?: {
    stale: boolean;
    /** Set when "the latest round" was answered from a numbered round the base's news has gone on past: the newest fact's date, in the reply's language. */
    newsTo?: string;
  };
}

export interface AnswerAmbiguous extends ResultBase {
  kind: 'ambiguous';
  text: string;
}

export interface AnswerDeclined extends ResultBase {
  kind: 'declined';
  text: string;
}

/** Small talk ("hi", "thanks!", "help", "?"): one short friendly line, no buttons, no decline. */
export interface AnswerChat extends ResultBase {
  kind: 'chat';
  topic: SmallTalk;
  text: string;
}

export type AnswerResult = AnswerOk | AnswerAmbiguous | AnswerDeclined | AnswerChat;

export interface Snapshot {
  base: FactBase;
  matcher: Matcher;
  /** What a question with nothing near it is offered: worked out once per base, not per question (a scan of every fact). */
  featured: Fact[];
  /** The stems of the vocabulary's names, once per base. */
  names: ReadonlySet<string>;
  /** The stems of the vocabulary's people alone. */
  people: ReadonlySet<string>;
  /** The stems of the two sides (names.sides): Russia and its synonyms, Ukraine and its. */
  sides: ReadonlySet<string>;
  /** The newest numbered round any active fact belongs to (0 for none): "the latest round". */
  newestRound: number;
  /** The ISO date of the newest active fact ('' for none): how far the base's news goes. */
  newestAsOf: string;
  /** The vocabulary's names with all their spellings (spelledNames), for reading follow-ups. */
  spelled: Vocabulary['names'];
}

/** What the fit checks need of the matcher (src/fit.ts WordSense): the same matcher's view, in one place. */
function senseOf(matcher: Matcher): WordSense {
  return { stems: (text) => matcher.stems(text), share: (stem) => matcher.share(stem), holds: (factId, stem) => matcher.holds(factId, stem) };
}

export function snapshotOf(base: FactBase, matcher: Matcher): Snapshot {
  const sense = senseOf(matcher);
  return {
    base,
    matcher,
    featured: featured(base.facts, MATCHING.suggestions),
    names: nameStemsOf([...base.vocabulary.names.people, ...base.vocabulary.names.places], sense),
    people: nameStemsOf(base.vocabulary.names.people, sense),
    sides: nameStemsOf(base.vocabulary.names.sides, sense),
    newestRound: base.facts.reduce((newest, f) => (f.status === 'active' && (f.round ?? 0) > newest ? (f.round ?? 0) : newest), 0),
    newestAsOf: base.facts.reduce((newest, f) => (f.status === 'active' && f.asOf > newest ? f.asOf : newest), ''),
    spelled: spelledNames(base.vocabulary.names, base.vocabulary.synonyms),
  };
}

/**
 * What is asked: a question (in a conversation, when follow-ups should be read with the turn
 * before), or a pressed suggestion's fact.
 */
export type Ask =
  | string
  | { question: string; conversation?: string; locale?: string }
  | { factId: string; conversation?: string; locale?: string };

/** An answer, and the question as understood (a follow-up with its context), for the conversation to remember. */
export interface Understood {
  result: AnswerResult;
  understood: string;
}

/**
 * Answers a message. `earlier` is the conversation's last turn, if it is recent: a follow-up ("and
 * the second one?", "what did he say then?") is then read with it.
 */
export function answerQuestion(snapshot: Snapshot, rawQuestion: string, now: Date, earlier?: Earlier, locale?: string): Understood {
  const reading = readMessage(rawQuestion, snapshot.base.vocabulary);
  const { lang, sure } = readLanguage(reading.question, languageOfLocale(locale));
  const say = ANSWER_TEXT[lang];
  if (reading.smallTalk) {
    const chat: AnswerChat = { kind: 'chat', topic: reading.smallTalk, question: reading.question, lang, text: say.smallTalk[reading.smallTalk], confidence: 0, suggestions: [], notes: [] };
    return { result: chat, understood: earlier?.question ?? '' };
  }
  const first = reading.parts[0]?.text;
  if (first === undefined) return { result: declined(snapshot, lang, reading.question, [], [], say.empty), understood: '' };
  // The parts are tried in order and the first one the base answers is answered (each in the ways
  // readingsOf lists); a message that asked several things says which it answered. Nothing
  // answered: the nearest miss is returned.
  let nearest: AnswerResult | undefined;
  for (const part of reading.parts) {
    let chosen: { result: AnswerOk; text: string } | undefined;
    const readings = readingsOf(part, snapshot.base.vocabulary, snapshot.spelled, earlier);
    // Only a part worded as a follow-up ("where was he then?"), not one merely short ("Who is Umerov?").
    const pointsBack = readsAsFollowUp(part.text, snapshot.base.vocabulary.followUp);
    const keepsTopic = (r: AnswerOk) => continues(snapshot, earlier, r.factId);
    for (const [i, { text, own }] of readings.entries()) {
      const answer = answerPart(snapshot, text, now, lang, sure, own);
      // A follow-up the conversation could not answer, read alone, may land anywhere ("where was
      // he at the time?" on another fact about Zelensky): unless it keeps to the earlier answer's
      // topic or speaks of what the earlier question asked, that fact is offered, not asserted; so
      // too after a turn that got no answer.
      const leftThread = answer.kind === 'answer' && own === undefined && pointsBack && earlier !== undefined && !keepsTopic(answer) && !speaksOf(answer.factId, earlier.question, senseOf(snapshot.matcher));
      const result = leftThread ? offered(snapshot, answer) : answer;
      if (result.kind === 'answer') {
        // The first reading answered, unless a reading with the earlier turn keeps to its topic and that one left it.
        if (!chosen || (own !== undefined && keepsTopic(result) && !keepsTopic(chosen.result))) chosen = { result, text };
        // No later reading can take its place: stop rather than match again.
        if (keepsTopic(chosen.result) || !readings.slice(i + 1).some((r) => r.own !== undefined)) break;
        continue;
      }
      if (!nearest || (nearest.kind === 'declined' && result.kind === 'ambiguous') || (nearest.kind === result.kind && result.confidence > nearest.confidence)) nearest = result;
    }
    if (chosen) {
      const { result, text } = chosen;
      result.question = part.text;
      if (reading.questionParts > 1) result.notes.push(say.answeredOne(part.text));
      return { result, understood: text };
    }
  }
  // Ukrainian or Russian typed in Latin letters ("koly buv tretiy raund?"): read back into each
  // language's letters, the better answer of the two.
  if (looksTransliterated(reading.question)) {
    const readBack = (['uk', 'ru'] as const).map((to) => answerQuestion(snapshot, toCyrillic(rawQuestion, to), now, earlier, locale));
    const best = readBack.filter((r) => r.result.kind === 'answer').sort((a, b) => b.result.confidence - a.result.confidence)[0];
    if (best) return { ...best, result: { ...best.result, question: reading.question } };
  }
  const result = nearest ?? declined(snapshot, lang, first, [], [], say.declined);
  // Read no further than readMessage does: a longer message is cut either way.
  const cut = [...cleanMessage(rawQuestion.slice(0, READING.messageChars))].length > LIMITS.questionChars;
  return { result: { ...result, question: reading.question, notes: cut ? [say.trimmed(LIMITS.questionChars)] : [] }, understood: first };
}

/**
 * The ways to read one part, in the order they are preferred. A part that leans on a question the
 * same message asked before it ("…held, and who attended?", "How long did it last?") is read with
 * that only: alone it would ask something else. One that leans on a statement ("Trump gave Putin a
 * deadline. How many days?") is read with it first, then as any part is, since the statement may
 * be a preamble about something else. In a conversation, a part that reads as a follow-up or is
 * too short to stand alone is read with the earlier turn first, then alone; any other part alone
 * first, then with the earlier turn, since a whole question may still leave out what the
 * conversation is about ("how did the Kremlin respond?" after a question on Ukraine's proposal).
 */
function readingsOf(part: Part, vocabulary: Snapshot['base']['vocabulary'], names: Vocabulary['names'], earlier: Earlier | undefined): { text: string; own?: string }[] {
  const { text } = part;
  const leans = readsAsFollowUp(text, vocabulary.followUp) || foldText(text).split(' ').length <= CONVERSATION.shortFollowUpWords;
  const withBefore = part.after !== undefined && leans ? { text: withContext(text, { question: part.after }, vocabulary.followUp, names), own: text } : undefined;
  if (withBefore && !part.stated) return [withBefore];
  const rest = (): { text: string; own?: string }[] => {
    if (earlier === undefined) return [{ text }];
    const combined = { text: withContext(text, earlier, vocabulary.followUp, names), own: text };
    // Alone, "how old is he?" still means the person the conversation named.
    const alone = { text: withPersonNamed(text, earlier, vocabulary.followUp, names).text };
    return leans ? [combined, alone] : [alone, combined];
  };
  return withBefore ? [withBefore, ...rest()] : rest();
}

/**
 * True when a fact keeps to the topic of the fact that answered the earlier turn: it sits in the
 * same knowledge file, which is how the curators group the facts of one topic.
 */
function continues(snapshot: Snapshot, earlier: Earlier | undefined, factId: string): boolean {
  if (earlier?.factId === undefined) return false;
  const file = snapshot.base.fileOf.get(earlier.factId);
  return file !== undefined && snapshot.base.fileOf.get(factId) === file;
}

/**
 * The answer a fact gives, in the asker's language: built here only, for a matched question, a
 * pressed suggestion or an inline result. A fact with no current translation into that language
 * (none yet, or made from older English) is served in English, with a line that says so.
 */
export function answerFrom(
  snapshot: Snapshot,
  fact: Fact,
  lang: Language,
  question: string,
  confidence: number,
  suggestions: Suggestion[],
  notes: string[],
): AnswerOk {
  const translation = currentTranslation(snapshot, fact, lang);
  const result: AnswerOk = {
    kind: 'answer',
    question,
    lang,
    factId: fact.id,
    text: translation?.answer ?? fact.answer,
    citations: citationsOf(fact),
    asOf: fact.asOf,
    asOfText: ANSWER_TEXT[lang].asOf(dateIn(lang, fact.asOf)),
    confidence,
    suggestions,
    notes: lang !== 'en' && !translation ? [...notes, ANSWER_TEXT[lang].untranslated] : notes,
  };
  const caveat = translation ? (translation.caveat ?? fact.caveat) : fact.caveat;
  if (caveat !== undefined) result.caveat = caveat;
  return result;
}

/** The fact's translation into the language, if there is one made from its English as it is now. */
function currentTranslation(snapshot: Snapshot, fact: Fact, lang: Language) {
  if (lang === 'en') return undefined;
  const translation = snapshot.base.translations.get(lang)?.get(fact.id);
  return translation && translation.from === englishFingerprint(fact) ? translation : undefined;
}

/** The language of one of a fact's phrasings: Ukrainian or Russian when a translation holds it. */
function languageOfPhrasing(snapshot: Snapshot, fact: Fact, phrasing: string): Language | undefined {
  for (const [lang, translations] of snapshot.base.translations) {
    if (translations.get(fact.id)?.questions.includes(phrasing)) return lang;
  }
  return undefined;
}

/**
 * The translation of the fact that spells more of the question's words as it does ("умеров" is the
 * Russian spelling, "умєров" the Ukrainian): undefined when neither does more. Names meet across
 * languages through the vocabulary, so the phrasing that matched need not share the asker's spelling.
 */
function languageOfSpelling(snapshot: Snapshot, fact: Fact, question: string): Language | undefined {
  const words = foldText(question).split(' ').filter((w) => /[\u0400-\u04ff]/.test(w));
  let best: { lang: Language; hits: number } | undefined;
  let tied = false;
  for (const [lang, translations] of snapshot.base.translations) {
    const translation = translations.get(fact.id);
    if (!translation) continue;
    const spelt = new Set(foldText([...translation.questions, translation.answer].join(' ')).split(' '));
    const hits = words.filter((w) => spelt.has(w)).length;
    if (!best || hits > best.hits) {
      best = { lang, hits };
      tied = false;
    } else if (hits === best.hits) tied = true;
  }
  return best && best.hits > 0 && !tied ? best.lang : undefined;
}

/** What a suggestion button shows for a fact: its display question, in the language when translated. */
export function displayQuestion(snapshot: Snapshot, fact: Fact, lang: Language): string {
  return currentTranslation(snapshot, fact, lang)?.questions[0] ?? fact.questions[0] ?? fact.id;
}

/** The answer a result gives, if it is one: for code that only wants a fact's answer. */
export function answered(result: AnswerResult): AnswerOk | undefined {
  return result.kind === 'answer' ? result : undefined;
}

/** A pressed suggestion: its fact's answer, or a plain word that it is gone (retired, removed). */
export function answerFact(snapshot: Snapshot, fact: Fact | undefined, lang: Language): AnswerOk | AnswerDeclined {
  if (!fact) return declined(snapshot, lang, '', [], [], ANSWER_TEXT[lang].suggestionGone);
  return answerFrom(snapshot, fact, lang, displayQuestion(snapshot, fact, lang), 1, [], []);
}

/**
 * One reading of a part, matched and checked. `own` is the part's own text when the reading adds
 * the question it follows: a word of its own that no fact holds ("what's his wife's name?") rules
 * every fact out, however well the added words match.
 */
function answerPart(snapshot: Snapshot, asked: string, now: Date, guessed: Language, sure: boolean, typedOwn?: string): AnswerOk | AnswerAmbiguous | AnswerDeclined {
  // Matched and checked with its dates as the facts write them; shown back as it was typed.
  const question = withDatesAsWritten(asked, guessed);
  const own = typedOwn === undefined ? undefined : withDatesAsWritten(typedOwn, guessed);
  const notes: string[] = [];
  // A fact that does not give what the question asks for (its year, a number of what it counts, an
  // age, a length of time, a view) never answers it, however many words it shares.
  const { fit } = snapshot.base.vocabulary;
  const { matcher } = snapshot;
  const sense = senseOf(matcher);
  // The sides a follow-up names are its own: the earlier question's ("…Russia and Ukraine agree…")
  // need not be in a fact that answers "when was that carried out?".
  const needs = needsOf(question, fit, sense, snapshot.people, sense.stems(own ?? question).filter((s) => snapshot.sides.has(s)));
  const ownStems = new Set(own === undefined ? [] : sense.stems(own));
  const { recency } = snapshot.base.vocabulary;
  const aboutNow = asksAboutNow(question, recency);
  const candidates = candidatesFor(snapshot.matcher, question, aboutNow ? recency : [], own)
    .filter((c) => misfitOf(needs, c, fit, sense, snapshot.names, snapshot.sides) === undefined)
    .filter((c) => !c.unmatched.some((u) => !u.known && ownStems.has(u.stem)));
  const aboutRound = aboutNow && asksAboutRound(question, fit.roundWords);
  if (aboutNow) moveNewestFirst(candidates, aboutRound);
  else if (needs.rounds.length > 0) moveRoundFirst(candidates, needs.rounds);
  // Last, as measured: run before the round rule (so that rule had the last word), it read one of
  // our questions fewer right; a question about now is left to the newest fact.
  if (!aboutNow) moveAskingAlikeFirst(candidates, question, fit.asks);
  const best = candidates[0];
  // Cyrillic without a letter only one of the languages has ("головний результат першого раунду")
  // is told by the phrasing it matched, which is written in one of them.
  const lang = sure || !best ? guessed : (languageOfSpelling(snapshot, best.fact, question) ?? languageOfPhrasing(snapshot, best.fact, best.question) ?? guessed);
  const say = ANSWER_TEXT[lang];
  if (!best || best.confidence < MATCHING.suggestThreshold) return declined(snapshot, lang, asked, candidates, notes, say.declined);
  if (best.confidence < MATCHING.answerThreshold) {
    return {
      kind: 'ambiguous',
      question: asked,
      lang,
      text: say.ambiguous,
      confidence: best.confidence,
      suggestions: suggestionsFrom(snapshot, lang, candidates, MATCHING.suggestThreshold * 0.5),
      notes,
    };
  }
  const { fact } = best;
  // Related facts worth a look, never the answered one again.
  const related = suggestionsFrom(snapshot, lang, candidates.slice(1), MATCHING.suggestThreshold);
  // "The latest round" answered from an older round says so: the base holds nothing on that for the newest.
  const olderRound = aboutRound && fact.round !== undefined && fact.round < snapshot.newestRound;
  if (olderRound && fact.round !== undefined) notes.push(say.olderRound(fact.round, snapshot.newestRound));
  const result = answerFrom(snapshot, fact, lang, asked, best.confidence, related, notes);
  if (aboutNow) {
    result.recency = { stale: isStale(fact.asOf, now) };
    // The numbered rounds are one series; talks went on in others (trilateral rounds elsewhere),
    // which "the latest round" does not renumber: such an answer says how far the base's news goes.
    if (aboutRound && fact.round !== undefined && isStaleBy(fact.asOf, snapshot.newestAsOf)) result.recency.newsTo = dateIn(lang, snapshot.newestAsOf);
  }
  return result;
}

/**
 * The matcher's candidates. For a question about now, its recency words are not what it is about
 * (which fact is newest is decided after matching), so it is matched without them; and, so that the
 * facts saying where things stand are among the candidates however the question put it ("are the
 * talks still going on"), once more with the vocabulary's first recency word ("latest"), keeping
 * each fact's better confidence. `own`, a follow-up's own words when it is read with the question
 * before it, is the matcher's focus.
 */
function candidatesFor(matcher: Matcher, question: string, recency: readonly string[], own: string | undefined): Candidate[] {
  if (recency.length === 0) return matcher.match(question, own).candidates;
  const plain = withoutPhrases(question, recency);
  const best = new Map<string, Candidate>();
  for (const text of [plain, `${plain} ${recency[0]}`]) {
    for (const c of matcher.match(text, own).candidates) {
      const seen = best.get(c.fact.id);
      if (!seen || seen.confidence < c.confidence) best.set(c.fact.id, c);
    }
  }
  return [...best.values()].sort((a, b) => b.confidence - a.confidence);
}

/** The question, folded, without the given phrases. */
function withoutPhrases(question: string, phrases: readonly string[]): string {
  let text = ` ${foldText(question)} `;
  for (const phrase of [...foldAll(phrases)].sort((a, b) => b.length - a.length)) {
    if (phrase) text = text.split(` ${phrase} `).join(' ');
  }
  return text.trim();
}

/** True when the question is about a round of talks ("the latest round", «останній раунд»): it holds one of fit.roundWords. */
function asksAboutRound(question: string, roundWords: readonly string[]): boolean {
  const padded = ` ${foldText(question)} `;
  return foldAll(roundWords).some((w) => w.length > 0 && padded.includes(` ${w} `));
}

/**
 * For a question about now: the newest of the candidates near the best one goes first. Near means
 * within MATCHING.latestBand of its confidence, so "the latest exchange" picks the newest exchange,
 * not the newest fact that shares a word; among facts of one date the better match stays first.
 * "The latest round" is the newest numbered round in the base (a fact's `round`), when a candidate
 * near the best belongs to one: later talks in other formats do not renumber the Istanbul rounds.
 */
function moveNewestFirst(candidates: Candidate[], aboutRound: boolean): void {
  const best = candidates[0];
  if (!best) return;
  const floor = best.confidence * MATCHING.latestBand;
  const near = candidates.filter((c, i) => i === 0 || (c.confidence >= floor && c.confidence >= MATCHING.answerThreshold));
  const newestRound = Math.max(0, ...near.map((c) => c.fact.round ?? 0));
  const pool = aboutRound && newestRound > 0 ? near.filter((c) => c.fact.round === newestRound) : near;
  let newest = pool[0]!;
  for (const c of pool) if (c.fact.asOf > newest.fact.asOf) newest = c;
  const at = candidates.indexOf(newest);
  if (at > 0) candidates.unshift(...candidates.splice(at, 1));
}

/**
 * For a question that names a numbered round ("the first round"): a candidate near the best that
 * belongs to that round, and misses no word of the question the best holds, goes first. Facts of
 * other series (the Belarus rounds of 2022, the trilateral rounds of 2026) carry no round number
 * and also speak of "the first round"; the
 * numbered rounds are what a bare ordinal means, as `round` says.
 */
function moveRoundFirst(candidates: Candidate[], rounds: readonly number[]): void {
  const best = candidates[0];
  if (!best) return;
  const ofRound = (c: Candidate) => c.fact.round !== undefined && rounds.includes(c.fact.round);
  // It must hold every word of the question the best holds: "the third round of trilateral talks"
  // names its series, which a fact of the third Istanbul round lacks.
  const missedByBest = new Set(best.unmatched.map((u) => u.stem));
  moveFirstNear(candidates, MATCHING.latestBand, (c) => ofRound(c) && c.unmatched.every((u) => missedByBest.has(u.stem)));
}

/**
 * Moves to the front the first candidate that `wanted` picks, among those within `band` (a share
 * of its confidence) of the best and at or above the answer threshold, unless the best is one.
 */
function moveFirstNear(candidates: Candidate[], band: number, wanted: (c: Candidate) => boolean): void {
  const best = candidates[0];
  if (!best || wanted(best)) return;
  const floor = best.confidence * band;
  const at = candidates.findIndex((c) => c.confidence >= floor && c.confidence >= MATCHING.answerThreshold && wanted(c));
  if (at > 0) candidates.unshift(...candidates.splice(at, 1));
}

/**
 * Which of the kinds of question (fit.asks: where, when, who…) a text asks: the first kind, in the
 * vocabulary's order, whose question word it holds; -1 for none. (Taking the word that comes first
 * in the text instead read one fewer question right in each of three of our sets.)
 */
function kindAsked(text: string, asks: readonly (readonly string[])[]): number {
  const padded = ` ${foldText(text)} `;
  return asks.findIndex((words) => foldAll(words).some((w) => padded.includes(` ${w} `)));
}

/**
 * A tie-break between near candidates: the one whose closest phrasing asks what the question asks
 * ("where did Trump set the new deadline?" and "Where did Trump announce the 10-12 day deadline?")
 * goes before one that matched as well with a phrasing asking something else ("What did Moscow say
 * about the new deadline?"). The phrasings say what each fact answers.
 */
function moveAskingAlikeFirst(candidates: Candidate[], question: string, asks: readonly (readonly string[])[]): void {
  const kind = kindAsked(question, asks);
  if (kind >= 0) moveFirstNear(candidates, MATCHING.askingAlikeBand, (c) => kindAsked(c.question, asks) === kind);
}

/** Small talk that a group does not need to see answered: thanks and acknowledgements. */
export function quietInGroups(result: AnswerResult): boolean {
  return result.kind === 'chat' && (result.topic === 'thanks' || result.topic === 'ack');
}

/** The lines an answer to a question about now starts with: its date, and a warning when old. */
export function recencyLines(result: AnswerOk): string[] {
  if (!result.recency) return [];
  const say = textOf(result);
  const { stale, newsTo } = result.recency;
  return [newsTo === undefined ? say.newestLead(result.asOfText) : say.roundLead(result.asOfText, newsTo), ...(stale ? [say.mayBeOutdated] : [])];
}

/** The words the core says around a result, in the result's language (for adapters' labels too). */
export function textOf(result: Pick<AnswerResult, 'lang'>): AnswerText {
  return ANSWER_TEXT[result.lang];
}

/** The answer with its caveat, as one plain text (what the CLI's JSON mode prints). */
export function plainText(result: AnswerResult): string {
  if (result.kind !== 'answer') return result.text;
  const text = [...recencyLines(result), result.text].join(' ');
  return result.caveat === undefined ? text : `${text} ${textOf(result).sourcesDiffer} ${result.caveat}`;
}

/** A "did you mean" for an answer that should not be given outright: its fact first, then the ones suggested beside it. */
function offered(snapshot: Snapshot, answer: AnswerOk): AnswerAmbiguous {
  const fact = snapshot.base.facts.find((f) => f.id === answer.factId);
  const own = fact ? [{ factId: fact.id, question: displayQuestion(snapshot, fact, answer.lang) }] : [];
  const suggestions = [...own, ...answer.suggestions.filter((s) => s.factId !== answer.factId)].slice(0, MATCHING.suggestions);
  return { kind: 'ambiguous', question: answer.question, lang: answer.lang, text: ANSWER_TEXT[answer.lang].ambiguous, confidence: answer.confidence, suggestions, notes: answer.notes };
}

function declined(snapshot: Snapshot, lang: Language, question: string, candidates: Candidate[], notes: string[], text: string): AnswerDeclined {
  const near = suggestionsFrom(snapshot, lang, candidates, MATCHING.suggestThreshold * 0.5);
  const suggestions = near.length > 0 ? near : snapshot.featured.map((f) => ({ factId: f.id, question: displayQuestion(snapshot, f, lang) }));
  return { kind: 'declined', question, lang, text, confidence: candidates[0]?.confidence ?? 0, suggestions, notes };
}

function suggestionsFrom(snapshot: Snapshot, lang: Language, candidates: readonly Candidate[], floor: number): Suggestion[] {
  return candidates
    .filter((c) => c.confidence >= floor)
    .slice(0, MATCHING.suggestions)
    // Offered by the fact's display question: a question a person would ask, not the phrasing that matched.
    .map((c) => ({ factId: c.fact.id, question: displayQuestion(snapshot, c.fact, lang) }));
}
