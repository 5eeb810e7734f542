// Lays core results out as Telegram HTML messages. Pure layout: every decision was the core's.
// Telegram's HTML mode reads <, > and & as markup, so every piece of fact or user text is escaped
// here, and a message is fitted to Telegram's length limit here, never by cutting a tag or an entity.
import type { InlineKeyboardButton, InlineKeyboardMarkup, InlineQueryResultArticle, ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'telegraf/types';
import {
  MATCHING,
  MESSAGES,
  recencyLines,
  textOf,
  TELEGRAM,
  type Announcement,
  type AnswerOk,
  type AnswerResult,
  type Citation,
  type SourceEntry,
  type Suggestion,
  timelineQueryText,
  dateIn,
  UI_TEXT,
  type Language,
  type TimelineEntry,
  type TimelinePage,
} from '../../src/index.js';
import { encodeAction } from './callback-data.js';

export interface TelegramMessage {
  /** HTML, at most TELEGRAM.messageChars characters. */
  text: string;
  reply_markup?: InlineKeyboardMarkup;
}

/** A message to a moderator: besides buttons under it, a dialogue's keyboard (its choices as buttons) or that keyboard's removal. */
export interface TelegramModMessage {
  text: string;
  reply_markup?: InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;
}

/** How every message is sent: previews of the cited pages would bury the answer. */
export const HTML_OPTIONS = Object.freeze({
  parse_mode: 'HTML',
  link_preview_options: Object.freeze({ is_disabled: true }),
} as const);

const ELLIPSIS = '…';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** For attribute values, which are quoted: a " would end the value early. */
function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

export function formatResult(result: AnswerResult): TelegramMessage {
  const notes = result.notes.map((note) => `<i>${escapeHtml(note)}</i>`);
  switch (result.kind) {
    case 'answer':
      return { text: answerHtml(result, notes), reply_markup: voteKeyboard(result.factId) };
    case 'ambiguous':
      return withSuggestions([...notes, escapeHtml(result.text)], result.suggestions);
    case 'chat':
      return formatNotice(result.text);
    case 'declined': {
      const lead = result.suggestions.length > 0 ? `\n${escapeHtml(textOf(result).declineSuggestionsLead)}` : '';
      return withSuggestions([...notes, `${escapeHtml(result.text)}${lead}`], result.suggestions);
    }
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
}

/** A fixed sentence such as an apology, as a message. */
export function formatNotice(sentence: string): TelegramMessage {
  return { text: fit(escapeHtml(sentence)) };
}

export function formatWelcome(examples: readonly string[], lang: Language = 'en'): TelegramMessage {
  return { text: fit(blocks([escapeHtml(UI_TEXT[lang].telegramWelcome), examplesBlock(examples, lang)])) };
}

export function formatHelp(botUsername: string, commands: readonly { command: string; description: string }[], lang: Language = 'en'): TelegramMessage {
  const commandLines = commands.map((c) => `/${c.command} — ${escapeHtml(c.description)}`).join('\n');
  return { text: fit(blocks([escapeHtml(UI_TEXT[lang].help), escapeHtml(UI_TEXT[lang].telegramHowTo(botUsername)), commandLines])) };
}

/** The cited articles, one per line, after when the base was last updated (ISO `updated`); split into as many messages as the limit needs. */
export function formatSources(sources: readonly SourceEntry[], updated: string, lang: Language = 'en'): TelegramMessage[] {
  const lines = [
    escapeHtml(UI_TEXT[lang].sourcesLead(sources.length, dateIn(lang, updated))),
    ...sources.map(({ citation }) => citationLine(citation)),
  ];
  return packLines(lines, TELEGRAM.messageChars).map((text) => ({ text }));
}

/** A fact added or changed, posted to the announcement channel: the answer under a one-line lead. */
export function formatAnnouncement({ kind, answer }: Announcement): TelegramMessage {
  return formatResult({ ...answer, notes: [MESSAGES.announced(kind)] });
}

/** One page of the timeline, with "earlier" and "later" buttons that carry its filter along. */
export function formatTimeline(page: TimelinePage, lang: Language = 'en'): TelegramMessage {
  const say = UI_TEXT[lang];
  const filter = timelineQueryText(page.query);
  if (page.total === 0) return formatNotice(say.timelineEmpty(filter));
  const lines = [escapeHtml(say.timelineLead(page.total, filter)), '', ...page.entries.map((e) => entryLine(e, lang))];
  const footer = `<i>${escapeHtml(say.timelinePage(page.page, page.pages))}</i> ${escapeHtml(say.timelineHint)}`;
  const buttons: InlineKeyboardButton[] = [];
  const to = (n: number) => encodeAction({ kind: 'timeline', page: n, filter });
  if (page.page > 1) buttons.push({ text: say.previousPage, callback_data: to(page.page - 1) });
  if (page.page < page.pages) buttons.push({ text: say.nextPage, callback_data: to(page.page + 1) });
  const message: TelegramMessage = { text: fit(blocks([lines.join('\n'), footer])) };
  if (buttons.length > 0) message.reply_markup = { inline_keyboard: [buttons] };
  return message;
}

/** The newest facts, each a line with its source and a button for its full answer. */
export function formatLatest(entries: readonly TimelineEntry[], lang: Language = 'en'): TelegramMessage {
  if (entries.length === 0) return formatNotice(UI_TEXT[lang].latestEmpty);
  const rows = entries.map((e): InlineKeyboardButton[] => [
    { text: `${dateIn(lang, e.date)} — ${e.text}`, callback_data: encodeAction({ kind: 'ask', factId: e.factId }) },
  ]);
  const text = fit([escapeHtml(UI_TEXT[lang].latestLead), '', ...entries.map((e) => entryLine(e, lang))].join('\n'));
  return { text, reply_markup: { inline_keyboard: rows } };
}

/** "<b>29 March 2022</b> — Talks open in Istanbul (<a>Publisher</a>)", the date written in the language. */
function entryLine(e: TimelineEntry, lang: Language): string {
  const label = escapeHtml(e.citation.publisher ?? e.citation.title ?? MESSAGES.sourcesHeading);
  return `<b>${escapeHtml(dateIn(lang, e.date))}</b> — ${escapeHtml(e.text)} (<a href="${escapeAttribute(e.citation.url)}">${label}</a>)`;
}

/** One inline-mode result: the answer as it would be sent in a chat, titled by its question. */
export function formatArticle(answer: AnswerOk): InlineQueryResultArticle {
  const { text, reply_markup } = formatResult(answer);
  return {
    type: 'article',
    id: answer.factId,
    title: answer.question,
    description: answer.text,
    input_message_content: { message_text: text, ...HTML_OPTIONS },
    reply_markup,
  };
}

/**
 * Cuts HTML to at most `max` characters at a token boundary (never inside a tag or an entity),
 * preferring a word boundary, and closes the tags left open. Unchanged when it already fits.
 */
export function truncateHtml(html: string, max: number): string {
  if (html.length <= max) return html;
  if (max < ELLIPSIS.length) return '';
  const open: string[] = [];
  let cut = { at: 0, closing: '' };
  let wordCut: typeof cut | undefined;
  for (let i = 0; i < html.length; ) {
    const closing = open.map((tag) => `</${tag}>`).reverse().join('');
    if (i + ELLIPSIS.length + closing.length > max) break;
    cut = { at: i, closing };
    if (/\s/.test(html.charAt(i))) wordCut = cut;
    i = skipToken(html, i, open);
  }
  // A word boundary reads better, unless taking it would throw away more than half the room.
  const chosen = wordCut && wordCut.at > cut.at / 2 ? wordCut : cut;
  return `${html.slice(0, chosen.at).trimEnd()}${ELLIPSIS}${chosen.closing}`;
}

/** The index just past the token at `i` (a tag, an entity or one character), tracking open tags. */
function skipToken(html: string, i: number, open: string[]): number {
  const end = html[i] === '<' ? html.indexOf('>', i) : html[i] === '&' ? html.indexOf(';', i) : -1;
  if (end !== -1) {
    const tag = /^<(\/?)([a-z-]+)/i.exec(html.slice(i, end));
    if (tag?.[1]) open.pop();
    else if (tag?.[2]) open.push(tag[2]);
    return end + 1;
  }
  const code = html.charCodeAt(i);
  // Never split a surrogate pair (emoji, rare scripts).
  return code >= 0xd800 && code <= 0xdbff ? i + 2 : i + 1;
}

function answerHtml(result: AnswerOk, notes: readonly string[]): string {
  // The sources (capped) and the "as of" line are never cut; the date comes last, so a reader
  // always sees how fresh the answer is.
  const sources = sourcesBlock(result.citations, textOf(result).sourcesHeading);
  const asOf = `<i>${escapeHtml(result.asOfText)}</i>`;
  const caveat = result.caveat !== undefined ? [`<b>${escapeHtml(textOf(result).sourcesDiffer)}</b> ${escapeHtml(result.caveat)}`] : [];
  // A question about now: the answer's date (and a warning when old) comes first, before the answer.
  const lead = [...notes, ...recencyLines(result).map((line) => `<b>${escapeHtml(line)}</b>`)];
  // What they leave goes to the notes, the answer and the caveat. A long answer gives way first
  // (the empty block holds its place), then the end of a long caveat. Either room may be negative:
  // truncateHtml then leaves nothing.
  const room = TELEGRAM.messageChars - blocks(['', sources, asOf]).length;
  const body = truncateHtml(escapeHtml(result.text), room - blocks([...lead, '', ...caveat]).length);
  const rest = truncateHtml(blocks([...lead, body, ...caveat].filter(Boolean)), room);
  return fit(blocks([rest, sources, asOf].filter(Boolean)));
}

/**
 * The sources heading and as many citations as fit in TELEGRAM.sourcesChars, in order; those
 * that do not fit are counted, never dropped silently.
 */
function sourcesBlock(citations: readonly Citation[], title: string): string {
  const heading = `<b>${escapeHtml(title)}</b>`;
  const lines = citations.map(citationLine);
  for (let shown = lines.length; ; shown--) {
    const more = shown < lines.length ? [escapeHtml(MESSAGES.moreSources(lines.length - shown))] : [];
    const block = [heading, ...lines.slice(0, shown), ...more].join('\n');
    if (block.length <= TELEGRAM.sourcesChars || shown === 0) return block;
  }
}

function citationLine(c: Citation): string {
  const label = truncateHtml(escapeHtml(c.label), TELEGRAM.citationChars);
  return `${c.n}. <a href="${escapeAttribute(c.url)}">${label}</a>`;
}

function examplesBlock(examples: readonly string[], lang: Language): string {
  return [escapeHtml(UI_TEXT[lang].helpExamplesLead), ...examples.map((q) => `• <i>${escapeHtml(q)}</i>`)].join('\n');
}

function withSuggestions(parts: string[], suggestions: readonly Suggestion[]): TelegramMessage {
  const rows = suggestions.slice(0, MATCHING.suggestions).map((s): InlineKeyboardButton[] => [
    { text: s.question, callback_data: encodeAction({ kind: 'ask', factId: s.factId }) },
  ]);
  const message: TelegramMessage = { text: fit(blocks(parts)) };
  if (rows.length > 0) message.reply_markup = { inline_keyboard: rows };
  return message;
}

function voteKeyboard(factId: string): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      [
        { text: MESSAGES.voteUp, callback_data: encodeAction({ kind: 'vote', vote: 'up', factId }) },
        { text: MESSAGES.voteDown, callback_data: encodeAction({ kind: 'vote', vote: 'down', factId }) },
      ],
    ],
  };
}

function blocks(parts: readonly string[]): string {
  return parts.join('\n\n');
}

/** The hard guarantee behind every message: never over Telegram's limit. */
function fit(html: string): string {
  return truncateHtml(html, TELEGRAM.messageChars);
}

/** Whole lines into as few messages as fit the limit; a line too long on its own is cut. */
export function packLines(lines: readonly string[], max: number): string[] {
  const messages: string[] = [];
  let current = '';
  for (const line of lines.map((l) => truncateHtml(l, max))) {
    if (current && current.length + 1 + line.length > max) {
      messages.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) messages.push(current);
  return messages;
}
