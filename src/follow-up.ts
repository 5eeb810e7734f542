// Reading a follow-up with the turn before it. "And the second one?" after "When was the first
// round?" asks when the second round was; "where was it held?" asks where that round was held. The
// follow-up's own words win: a word of the same kind in the earlier question (an ordinal, a year,
// a name, a month) gives way to it, and the rest of the earlier question supplies what it leaves out.
import type { Vocabulary } from './knowledge/schema.js';
import { foldAll, foldText } from './matching/fold.js';
import { CONVERSATION } from './config/defaults.js';
import { yearsNamed, type WordSense } from './fit.js';
import { escapeRegExp } from './reading.js';

export interface FollowUpWords {
  /** Words that point back ("he", "it", "that", "then"), folded. */
  anaphora: readonly string[];
  /** Openings of a follow-up ("and", "what about"), folded. */
  openings: readonly string[];
  /** Kinds of word of which a follow-up's one replaces the earlier question's: ordinals, months, names… */
  kinds: readonly (readonly string[])[];
}

/** True when a question reads as a follow-up: it opens as one, points back, or is a bare "why?". */
export function readsAsFollowUp(question: string, words: Vocabulary['followUp']): boolean {
  const folded = ` ${foldText(question)} `;
  if (words.openings.some((o) => folded.startsWith(` ${foldText(o)} `))) return true;
  return words.anaphora.some((a) => folded.includes(` ${foldText(a)} `));
}

/** The earlier turn: its question as understood, and the answer it got, if any. */
export interface Earlier {
  question: string;
  answer?: string;
  /** The fact that answered it, if one did. */
  factId?: string;
  /** What that fact is about, in its curators' words (its tags): whom its answer is about. */
  about?: string;
}

/**
 * The follow-up with "he" or "she" replaced, where it stands, by the person meant: the one the
 * earlier question named, or, when it named none, the person its answer is about: the first its
 * answer names of those the fact's tags name, else the first it names ("who led Russia's team?" …
 * "how old is he?" asks how old Medinsky is). Unchanged when it points to no one
 * the conversation named. `fromAnswer` says whether the person came from the earlier answer.
 */
export function withPersonNamed(question: string, earlier: Earlier, words: Vocabulary['followUp'], names: Vocabulary['names']): { text: string; fromAnswer: boolean } {
  const mine = ` ${foldText(question)} `;
  // A pronoun right after a name is that person's own ("did Putin himself come?"), not a pointer back.
  const afterName = (p: string) => foldAll(names.people).some((name) => mine.includes(` ${name} ${p} `));
  const pronouns = foldAll(words.personPronouns).filter((p) => mine.includes(` ${p} `) && !afterName(p));
  // Also when the follow-up names someone itself ("did Fomin meet him?"): measured, reading "he"
  // as the conversation's person there read more held-back turns right than leaving it.
  if (pronouns.length === 0) return { text: question, fromAnswer: false };
  const named = firstNamed(earlier.question, names.people);
  const person = named ?? firstNamed(earlier.answer ?? '', names.people, earlier.about);
  if (person === undefined) return { text: question, fromAnswer: false };
  let text = mine;
  for (const p of pronouns) text = text.replaceAll(` ${p} `, ` ${foldText(person)} `);
  return { text: text.trim(), fromAnswer: named === undefined };
}

/**
 * The follow-up read with the earlier turn. A person it points to is named (withPersonNamed); when
 * that person came from the earlier answer ("who led Russia's team?" … "what did he say then?"),
 * that is all it needs. Otherwise the follow-up's words come first, then the earlier question's,
 * less any word of a kind the follow-up names anew ("second" replaces "first", "2022" replaces
 * "2025", "Umerov" replaces "Medinsky").
 */
export function withContext(question: string, earlier: Earlier, words: Vocabulary['followUp'], names: Vocabulary['names']): string {
  const asked = withPersonNamed(question, earlier, words, names);
  if (asked.fromAnswer) return asked.text;
  const mine = ` ${foldText(asked.text)} `;
  let theirs = ` ${foldText(earlier.question)} `;
  // A person replaces a person and a place a place, where it stood: "what about Fomin?" keeps "in
  // Istanbul", and "what about the first?" after "how long did the third round last?" asks how long
  // the first round lasted, its ordinal beside "round" again.
  const kinds = [...words.kinds, names.people, names.places];
  // A word is of the first kind that lists it: "Ukrainian" is a side, though the synonym table
  // also spells Kyiv and Moscow with the sides' adjectives, and must not replace "in Istanbul".
  const claimed = new Set<string>();
  for (const kind of kinds) {
    const phrases = foldAll(kind).filter((p) => p && !claimed.has(p));
    for (const p of phrases) claimed.add(p);
    const own = phrases.find((p) => mine.includes(` ${p} `));
    if (own === undefined) continue;
    // Two people joined in the earlier question are what it was about ("a Putin–Zelensky summit",
    // "Putin and Zelensky"), no slot to fill: "and Fidan's take?" asks Fidan's view of it.
    if (kind === names.people && namesJoined(theirs, phrases)) continue;
    // The longest spelling first, so "recep tayyip erdogan" goes whole. A day before the word goes
    // with it: "and in June?" after "…on 23 July?" asks of June, not 23 June.
    for (const p of [...phrases].sort((a, b) => b.length - a.length)) {
      if (theirs.includes(` ${p} `)) theirs = theirs.replace(new RegExp(` (?:\\d{1,2} )?${escapeRegExp(p)}(?= )`, 'gu'), ` ${own}`);
    }
  }
  const [year] = yearsNamed(question);
  if (year !== undefined) theirs = theirs.replace(/\b(?:19|20)\d\d\b/g, String(year));
  return `${asked.text.trim()} ${theirs.replace(/\s+/g, ' ').trim()}`;
}

/** Words that join two names into one subject ("Putin and Zelensky", «Путін і Зеленський»). */
const JOINING = new Set(['', 'and', 'і', 'й', 'та', 'и', 'with', 'з', 'с']);

/** True when the (padded, folded) text names two people side by side or joined by "and". */
function namesJoined(text: string, spellings: readonly string[]): boolean {
  const spans: [number, number][] = [];
  for (const p of spellings) {
    for (let at = text.indexOf(` ${p} `); at >= 0; at = text.indexOf(` ${p} `, at + 1)) spans.push([at + 1, at + 1 + p.length]);
  }
  // One name's spellings overlap ("recep tayyip erdogan" holds "erdogan"): the longest stands.
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const names = spans.filter((span, i) => !spans.slice(0, i).some((o) => o[0] <= span[0] && span[1] <= o[1]));
  return names.some((span, i) => i > 0 && JOINING.has(text.slice(names[i - 1]![1], span[0]).trim()));
}

/** The person the text names first, of those listed (folded), if any. */
function firstNamed(text: string, people: readonly string[], about?: string): string | undefined {
  const words = ` ${foldText(text)} `;
  // An answer often names who said it before whom it is about ("Witkoff said … a dialogue led by
  // Grynkewich"): the person the fact is about, when its tags name one, goes first.
  const subject = about === undefined ? '' : ` ${foldText(about)} `;
  // Folded once per list (foldAll): with every spelling of every name, a list runs to a thousand.
  const folded = foldAll(people);
  const ofSubject = folded.filter((name) => subject.includes(` ${name} `));
  if (ofSubject.length > 0) {
    const first = firstNamed(text, ofSubject);
    if (first !== undefined) return first;
  }
  let first: { name: string; at: number } | undefined;
  for (const name of folded) {
    const at = words.indexOf(` ${name} `);
    if (at >= 0 && (!first || at < first.at)) first = { name, at };
  }
  return first?.name;
}

/**
 * The names with every spelling the synonym table gives them («зеленський», "zelenskyy" beside
 * "zelensky"), so that a follow-up's person or place is found, and replaces the earlier one, in any
 * alphabet. Each name's own spelling stays first.
 */
export function spelledNames(names: Vocabulary['names'], synonyms: Vocabulary['synonyms']): Vocabulary['names'] {
  // Each spelling's group, folded, in one pass: a fact edited while running rebuilds this.
  const groupOf = new Map<string, readonly string[]>();
  for (const group of synonyms) {
    const folded = foldAll(group);
    for (const word of folded) if (!groupOf.has(word)) groupOf.set(word, folded);
  }
  const spellingsOf = (name: string) => {
    const folded = foldText(name);
    return [folded, ...(groupOf.get(folded) ?? []).filter((w) => w !== folded)];
  };
  const spelt = (list: readonly string[]) => [...new Set(list.flatMap(spellingsOf))];
  return { ...names, people: spelt(names.people), places: spelt(names.places) };
}

/**
 * True when the fact holds at least CONVERSATION.relatedShare of the question's telling words (those
 * fewer than CONVERSATION.tellingShare of the facts hold): it speaks of what the earlier question
 * asked about, though the curators filed it under another topic than the earlier answer.
 */
export function speaksOf(factId: string, question: string, sense: WordSense): boolean {
  const telling = [...new Set(sense.stems(question))].filter((s) => sense.share(s) > 0 && sense.share(s) < CONVERSATION.tellingShare);
  if (telling.length === 0) return false;
  return telling.filter((s) => sense.holds(factId, s)).length >= CONVERSATION.relatedShare * telling.length;
}
