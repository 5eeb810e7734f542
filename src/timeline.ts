// The story in order: every fact with a `timeline` line is one dated event, and /timeline lists
// them oldest first, a page at a time, optionally narrowed to a year or to words ("/timeline 2022",
// "/timeline exchange"). /latest is the newest facts, whatever they are. Both are data: each
// adapter lays a page out and makes its own "previous" and "next" buttons from `page` and `pages`.
import { toCitation, formatDate, type Citation } from './citations.js';
import { TIMELINE } from './config/defaults.js';
import type { Fact } from './knowledge/schema.js';
import { foldText } from './matching/fold.js';

export interface TimelineEntry {
  factId: string;
  /** ISO date of the event (the fact's asOf). */
  date: string;
  /** "29 March 2022" */
  dateText: string;
  /** The fact's timeline line or, for a fact without one, its display question. */
  text: string;
  /** The page the entry links to: the one that reported the event (published on its date or soonest after), else the fact's first. */
  citation: Citation;
}

export interface TimelineQuery {
  /** Only events of this year. */
  year?: number;
  /** Folded words every listed event must hold (stems compared), '' for none. */
  words: string;
}

export interface TimelinePage {
  query: TimelineQuery;
  /** 1-based; a page past the end is the last page. */
  page: number;
  /** At least 1, so "page 1 of 1" reads right for an empty list. */
  pages: number;
  /** Events that match the query, on all pages. */
  total: number;
  entries: TimelineEntry[];
}

/**
 * "/timeline 2022 grain" → { year: 2022, words: "grain" }. Folded and cut to TIMELINE.queryChars, so
 * a page button can carry the query back within Telegram's 64-byte callback data.
 */
export function parseTimelineQuery(text: string): TimelineQuery {
  const words = foldText(text).split(' ').filter(Boolean);
  const yearAt = words.findIndex((w) => /^(?:19|20)\d\d$/.test(w));
  const query: TimelineQuery = { words: cutWords(words.filter((_, i) => i !== yearAt)) };
  if (yearAt >= 0) query.year = Number(words[yearAt]);
  return query;
}

/** The query as a user would type it again: "2022 grain". */
export function timelineQueryText(query: TimelineQuery): string {
  return [query.year, query.words].filter((part) => part !== undefined && part !== '').join(' ');
}

function cutWords(words: readonly string[]): string {
  let out = '';
  for (const word of words) {
    const next = out ? `${out} ${word}` : word;
    if ([...next].length > TIMELINE.queryChars) {
      // A first word longer than the limit is cut rather than dropped, so the filter still narrows.
      if (!out) out = [...word].slice(0, TIMELINE.queryChars).join('');
      break;
    }
    out = next;
  }
  return out;
}

/** The timeline's events, oldest first (facts of one date in base order). */
export function timelineEvents(facts: readonly Fact[]): TimelineEntry[] {
  return facts
    .filter((f) => f.status === 'active' && f.timeline !== undefined)
    .map((f) => entryOf(f, f.timeline ?? ''))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The `count` newest active facts, newest first: what /latest lists. */
export function latestEntries(facts: readonly Fact[], count: number): TimelineEntry[] {
  return facts
    .filter((f) => f.status === 'active')
    .map((f) => entryOf(f, f.timeline ?? f.questions[0] ?? f.id))
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, count);
}

/**
 * One page of the events that match the query. `stems` turns text into comparable word stems (the
 * matcher's), so "exchanges" finds "exchange" and "swap" finds what the vocabulary calls the same.
 */
export function timelinePage(
  events: readonly TimelineEntry[],
  facts: ReadonlyMap<string, Fact>,
  query: TimelineQuery,
  page: number,
  stems: (text: string) => string[],
): TimelinePage {
  const wanted = query.words ? stems(query.words) : [];
  // Words that are all filler ("the") narrow to nothing rather than silently show everything.
  const narrowsToNothing = query.words !== '' && wanted.length === 0;
  const matching = events.filter((e) => {
    if (narrowsToNothing) return false;
    if (query.year !== undefined && Number(e.date.slice(0, 4)) !== query.year) return false;
    if (wanted.length === 0) return true;
    const fact = facts.get(e.factId);
    const held = new Set(stems([e.text, fact?.answer ?? '', ...(fact?.tags ?? [])].join(' ')));
    return wanted.every((w) => held.has(w));
  });
  const pages = Math.max(1, Math.ceil(matching.length / TIMELINE.pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const start = (current - 1) * TIMELINE.pageSize;
  return { query, page: current, pages, total: matching.length, entries: matching.slice(start, start + TIMELINE.pageSize) };
}

/**
 * The source that reported the event: published on the fact's date or soonest after it (a later
 * analysis of a 2022 event is not its report), else the first the fact lists.
 */
export function reportOf(fact: Fact): Fact['sources'][number] {
  const after = fact.sources.filter((s) => s.published !== undefined && s.published >= fact.asOf);
  const soonest = after.reduce<Fact['sources'][number] | undefined>((a, b) => (!a || (b.published ?? '') < (a.published ?? '') ? b : a), undefined);
  // The schema requires every fact to cite at least one source.
  return soonest ?? fact.sources[0]!;
}

function entryOf(fact: Fact, text: string): TimelineEntry {
  const citation = toCitation(reportOf(fact), 1);
  return { factId: fact.id, date: fact.asOf, dateText: formatDate(fact.asOf), text, citation };
}
