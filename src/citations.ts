// Numbered citations, computed once in the core so every platform shows the same sources the same
// way. (The "as of" line is written per language in answer-text.ts.)
import { MESSAGES } from './messages.js';
import type { Fact, Source } from './knowledge/schema.js';

export interface Citation {
  /** 1-based, in the order the fact lists its sources. */
  n: number;
  title?: string;
  publisher?: string;
  /** ISO date, when the page has one. */
  published?: string;
  /** "23 July 2025", or "date not stated". */
  publishedText: string;
  url: string;
  /** "Title — Publisher, 23 July 2025": the whole citation as plain text. */
  label: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2025-07-23" → "23 July 2025". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = MONTHS[(m ?? 0) - 1];
  return month && d && y ? `${d} ${month} ${y}` : iso;
}

export function citationsOf(fact: Fact): Citation[] {
  return fact.sources.map((source, i) => toCitation(source, i + 1));
}

export function toCitation(source: Source, n: number): Citation {
  const publishedText = source.published ? formatDate(source.published) : MESSAGES.dateUnknown;
  const who = source.publisher ?? MESSAGES.publisherUnknown;
  const label = source.title ? `${source.title} — ${who}, ${publishedText}` : `${who}, ${publishedText}`;
  const citation: Citation = { n, publishedText, url: source.url, label };
  if (source.title !== undefined) citation.title = source.title;
  if (source.publisher !== undefined) citation.publisher = source.publisher;
  if (source.published !== undefined) citation.published = source.published;
  return citation;
}
