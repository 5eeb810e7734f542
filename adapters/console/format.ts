// Lays an answer out as plain terminal text. Layout only: every decision was made by the core.
import {
  MESSAGES,
  recencyLines,
  textOf,
  timelineQueryText,
  type AnswerResult,
  type SourceEntry,
  type TimelineEntry,
  type TimelinePage,
} from '../../src/index.js';

export function formatForConsole(result: AnswerResult): string {
  const lines: string[] = [...result.notes.map((n) => `(${n})`)];
  switch (result.kind) {
    case 'answer':
      lines.push(...recencyLines(result), result.text);
      if (result.caveat) lines.push('', `${textOf(result).sourcesDiffer} ${result.caveat}`);
      lines.push('', textOf(result).sourcesHeading);
      for (const c of result.citations) lines.push(`  [${c.n}] ${c.label} — ${c.url}`);
      lines.push(`(${result.asOfText}; confidence ${Math.round(result.confidence * 100)}%)`);
      if (result.suggestions.length > 0) {
        lines.push('', textOf(result).seeAlsoLead, ...result.suggestions.map((s) => `  • ${s.question}`));
      }
      break;
    case 'ambiguous':
      lines.push(result.text, ...result.suggestions.map((s, i) => `  ${i + 1}. ${s.question}`));
      break;
    case 'chat':
      lines.push(result.text);
      break;
    case 'declined':
      lines.push(result.text);
      if (result.suggestions.length > 0) {
        lines.push(textOf(result).declineSuggestionsLead, ...result.suggestions.map((s) => `  • ${s.question}`));
      }
      break;
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
  return lines.join('\n');
}

export function formatSourcesForConsole(sources: readonly SourceEntry[], updated: string): string {
  return [
    MESSAGES.sourcesLead(sources.length, updated),
    ...sources.map(({ citation: c }) => `  [${c.n}] ${c.label} — ${c.url}`),
  ].join('\n');
}

/** Every page of a timeline at once: a terminal scrolls, so it needs no page buttons. */
export function formatTimelineForConsole(pages: readonly TimelinePage[]): string {
  const first = pages[0];
  if (!first) return '';
  const filter = timelineQueryText(first.query);
  if (first.total === 0) return MESSAGES.timelineEmpty(filter);
  return [MESSAGES.timelineLead(first.total, filter), ...pages.flatMap((p) => p.entries.map(entryLine)), MESSAGES.timelineHint].join('\n');
}

export function formatLatestForConsole(entries: readonly TimelineEntry[]): string {
  if (entries.length === 0) return MESSAGES.latestEmpty;
  return [MESSAGES.latestLead, ...entries.map(entryLine)].join('\n');
}

/** "  29 March 2022 — Talks open in Istanbul — https://…" */
function entryLine(e: TimelineEntry): string {
  return `  ${e.dateText} — ${e.text} — ${e.citation.url}`;
}
