// Lays the core's results out as Discord messages: embeds, buttons and autocomplete choices.
// Pure layout: every decision was made by the core. Discord rejects a message that breaks any
// of its limits, so every length is enforced here, and long text is cut where a reader expects.
import {
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
  type ApplicationCommandOptionChoiceData,
  type MessageMentionOptions,
} from 'discord.js';
import {
  DISCORD,
  MESSAGES,
  recencyLines,
  textOf,
  timelineQueryText,
  dateIn,
  UI_TEXT,
  type Language,
  type Announcement,
  type AnswerResult,
  type Citation,
  type SourceEntry,
  type Suggestion,
  type TimelineEntry,
  type TimelinePage,
  type Vote,
} from '../../src/index.js';

/** Questions are the members' own words: whatever they typed, the bot's posts ping nobody. */
export const NO_MENTIONS: MessageMentionOptions = Object.freeze({ parse: [], repliedUser: false });

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

export interface DiscordReply {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  allowedMentions: MessageMentionOptions;
}

/** What a pressed button asks for; its custom id carries it, since the bot keeps no state per message. */
export type ButtonAction =
  | { kind: 'ask'; factId: string }
  | { kind: 'vote'; vote: Vote; factId: string }
  /** A /timeline page button: the page and the filter it was asked with. */
  | { kind: 'timeline'; page: number; filter: string };

export const COLOURS = Object.freeze({ answer: 0x2b6cb0, ambiguous: 0xd69e2e, declined: 0x718096, refused: 0xc53030 });
/** A field needs a name; continuation fields of one list show none. */
const BLANK = '\u200b';
const ELLIPSIS = '…';
/** A cut at a sentence or word end is preferred only if it keeps at least this share of the room. */
const CLEAN_CUT_SHARE = 0.6;

export function formatAnswer(result: AnswerResult): DiscordReply {
  const title = result.question ? escapeAndCut(result.question, DISCORD.embedTitle) : undefined;
  const notes = result.notes.map((note) => `*${note}*`);
  switch (result.kind) {
    case 'answer': {
      const footer = result.asOfText;
      const fields = sourceFields(result.citations.map(citationLine), DISCORD.sourceFields, Infinity, textOf(result).sourcesHeading);
      const room = Math.min(
        DISCORD.embedDescription,
        DISCORD.embedTotal - (title?.length ?? 0) - footer.length - fieldsLength(fields),
      );
      const caveat = result.caveat === undefined ? [] : [`**${textOf(result).sourcesDiffer}** ${result.caveat}`];
      // A question about now: the answer's date (and a warning when old) comes first.
      notes.push(...recencyLines(result).map((line) => `**${line}**`));
      const around = [...notes, ...caveat].reduce((sum, part) => sum + part.length + 2, 0);
      const description = cutText([...notes, cutText(result.text, room - around), ...caveat].join('\n\n'), room);
      return reply({ title, description, fields, footer: { text: footer }, color: COLOURS.answer }, [
        voteRow(result.factId),
        ...suggestionRows(result.suggestions, ButtonStyle.Secondary),
      ]);
    }
    case 'ambiguous':
      return reply(
        { title, description: cutText([...notes, result.text].join('\n\n'), DISCORD.embedDescription), color: COLOURS.ambiguous },
        suggestionRows(result.suggestions, ButtonStyle.Primary),
      );
    case 'chat':
      return formatNotice(result.text);
    case 'declined': {
      const lead = result.suggestions.length > 0 ? [textOf(result).declineSuggestionsLead] : [];
      return reply(
        { title, description: cutText([...notes, result.text, ...lead].join('\n\n'), DISCORD.embedDescription), color: COLOURS.declined },
        suggestionRows(result.suggestions, ButtonStyle.Secondary),
      );
    }
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
}

/** `updated`: when the fact base was last updated, as a reader reads it ("24 July 2025"). */
/** The cited articles after when the base was last updated (ISO `updated`), in the language. */
export function formatSources(sources: readonly SourceEntry[], updated: string, lang: Language = 'en'): DiscordReply {
  const description = UI_TEXT[lang].sourcesLead(sources.length, dateIn(lang, updated));
  const lines = sources.map((s) => citationLine(s.citation));
  return reply({ description, fields: sourceFields(lines, DISCORD.embedFields, DISCORD.embedTotal - description.length), color: COLOURS.answer });
}

export function formatHelp(examples: readonly string[], lang: Language = 'en'): DiscordReply {
  const say = UI_TEXT[lang];
  const description = [say.help, say.discordHowTo, say.helpExamplesLead, ...examples.map((q) => `• ${escapeMarkdown(q)}`)];
  return reply({ description: cutText(description.join('\n\n'), DISCORD.embedDescription), color: COLOURS.answer });
}

/** A fact added or changed, posted to the announcement channel: the answer under a one-line lead. */
export function formatAnnouncement({ kind, answer }: Announcement): DiscordReply {
  return formatAnswer({ ...answer, notes: [MESSAGES.announced(kind)] });
}

/** One page of the timeline, with "earlier" and "later" buttons that carry its filter along. */
export function formatTimeline(page: TimelinePage, lang: Language = 'en'): DiscordReply {
  const say = UI_TEXT[lang];
  const filter = timelineQueryText(page.query);
  if (page.total === 0) return formatNotice(say.timelineEmpty(filter));
  const lines = [say.timelineLead(page.total, filter), '', ...page.entries.map((e) => entryLine(e, lang))];
  const buttons: APIButtonComponentWithCustomId[] = [];
  const button = (label: string, n: number): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: timelineButtonId(n, filter),
    label,
  });
  if (page.page > 1) buttons.push(button(say.previousPage, page.page - 1));
  if (page.page < page.pages) buttons.push(button(say.nextPage, page.page + 1));
  const embed = {
    description: cutText(lines.join('\n'), DISCORD.embedDescription),
    footer: { text: `${say.timelinePage(page.page, page.pages)} · ${say.timelineHint}` },
    color: COLOURS.answer,
  };
  return reply(embed, buttons.length > 0 ? [row(buttons)] : []);
}

/** The newest facts, each a line with its source, and a button each for the full answer. */
export function formatLatest(entries: readonly TimelineEntry[], lang: Language = 'en'): DiscordReply {
  if (entries.length === 0) return formatNotice(UI_TEXT[lang].latestEmpty);
  const description = cutText([UI_TEXT[lang].latestLead, '', ...entries.map((e) => entryLine(e, lang))].join('\n'), DISCORD.embedDescription);
  const suggestions = entries.map((e) => ({ factId: e.factId, question: `${dateIn(lang, e.date)} — ${e.text}` }));
  return reply({ description, color: COLOURS.answer }, suggestionRows(suggestions, ButtonStyle.Secondary));
}

/** "**29 March 2022** — Talks open in Istanbul ([Publisher](https://…))" */
function entryLine(e: TimelineEntry, lang: Language): string {
  const label = escapeMarkdown(e.citation.publisher ?? e.citation.title ?? MESSAGES.sourcesHeading).replace(/[[\]]/g, '\\$&');
  return `**${dateIn(lang, e.date)}** — ${escapeMarkdown(e.text)} ([${label}](${linkTarget(e.citation.url)}))`;
}

/** A one-line message of the bot's own (an apology, a thank-you): never holds a member's text. */
export function formatNotice(text: string): DiscordReply {
  return { content: text, embeds: [], components: [], allowedMentions: NO_MENTIONS };
}

/**
 * Lines of plain text for a moderator (which may quote members' questions): escaped, and split at
 * line ends over as many embeds as they need, one per message; red when they say no.
 */
export function formatLines(lines: readonly string[], refused = false): DiscordReply[] {
  const escaped = lines.map((line) => escapeAndCut(line, DISCORD.embedDescription));
  const color = refused ? COLOURS.refused : COLOURS.answer;
  return packLines(escaped, DISCORD.embedDescription).map((description) => reply({ description, color }));
}

export function formatChoices(questions: readonly string[]): ApplicationCommandOptionChoiceData<string>[] {
  return questions.map((q) => cutText(q, DISCORD.choiceText)).map((q) => ({ name: q, value: q }));
}

export function askButtonId(factId: string): string {
  return `ask:${factId}`;
}

export function voteButtonId(vote: Vote, factId: string): string {
  return `fb:${vote}:${factId}`;
}

export function parseButtonId(customId: string): ButtonAction | undefined {
  const ask = /^ask:([a-z0-9-]+)$/.exec(customId);
  if (ask?.[1]) return { kind: 'ask', factId: ask[1] };
  const vote = /^fb:(up|down):([a-z0-9-]+)$/.exec(customId);
  if (vote?.[1] && vote[2]) return { kind: 'vote', vote: vote[1] as Vote, factId: vote[2] };
  const timeline = /^tl:(\d{1,4}):(.*)$/s.exec(customId);
  if (timeline?.[1]) return { kind: 'timeline', page: Number(timeline[1]), filter: timeline[2] ?? '' };
  return undefined;
}

export function timelineButtonId(page: number, filter: string): string {
  return `tl:${page}:${filter}`;
}

/**
 * Cuts `text` to at most `max` characters (UTF-16 units, which is never fewer than what Discord
 * counts) and marks the cut with an ellipsis, at a sentence end or else a word end when one is near.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - ELLIPSIS.length - 1; // one more for the space after a sentence end
  if (room <= 0) return ELLIPSIS.slice(0, Math.max(max, 0));
  let kept = text.slice(0, room);
  // Never leave half of a surrogate pair (an emoji) behind.
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  const floor = kept.length * CLEAN_CUT_SHARE;
  // One character past the cut shows whether the kept text ends a word.
  const probe = text.slice(0, kept.length + 1);
  const sentenceEnd = lastMatchEnd(probe, /[.!?…]["'”’)\]]*(?=\s)/g);
  if (sentenceEnd >= floor) return `${kept.slice(0, sentenceEnd)} ${ELLIPSIS}`;
  const wordEnd = lastMatchEnd(probe, /\S(?=\s)/g);
  if (wordEnd >= floor) return `${kept.slice(0, wordEnd)}${ELLIPSIS}`;
  return `${kept}${ELLIPSIS}`;
}

/**
 * Escapes markdown in text that will be cut to `max` anyway. discord.js's escapeMarkdown takes
 * time quadratic in the length (0.7 s for 20,000 characters), so the text is cut first, and cut
 * again in case escaping lengthened it.
 */
export function escapeAndCut(text: string, max: number): string {
  return cutText(escapeMarkdown(cutText(text, max)), max);
}

/** Everything Discord counts towards an embed's 6,000-character total. */
export function embedLength(embed: APIEmbed): number {
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + fieldsLength(embed.fields ?? []) + (embed.footer?.text.length ?? 0);
}

export function reply(embed: APIEmbed, components: ButtonRow[] = []): DiscordReply {
  return { embeds: [embed], components, allowedMentions: NO_MENTIONS };
}

/** "[1] [Title — Publisher, 23 July 2025](https://…)": the whole citation is the link. */
function citationLine(c: Citation): string {
  const label = cutText(c.label, DISCORD.citationChars);
  const plain = `[${c.n}] ${escapeMarkdown(label)}`;
  const text = escapeMarkdown(label).replace(/[[\]]/g, '\\$&');
  const linked = `[${c.n}] [${text}](${linkTarget(c.url)})`;
  return linked.length <= DISCORD.embedFieldValue ? linked : plain;
}

/**
 * The sources as embed fields: lines packed into values of at most 1,024 characters, in at most
 * `maxFields` fields and `maxChars` in all; what does not fit is counted, never dropped silently.
 */
function sourceFields(lines: readonly string[], maxFields: number, maxChars = Infinity, heading: string = MESSAGES.sourcesHeading): APIEmbedField[] {
  for (let shown = lines.length; shown > 0; shown--) {
    const kept = lines.slice(0, shown);
    if (shown < lines.length) kept.push(MESSAGES.moreSources(lines.length - shown));
    const fields = packFields(kept, heading);
    if (fields.length <= maxFields && fieldsLength(fields) <= maxChars) return fields;
  }
  return [];
}

function packFields(lines: readonly string[], heading: string): APIEmbedField[] {
  return packLines(lines, DISCORD.embedFieldValue).map((value, i) => ({ name: i === 0 ? heading : BLANK, value }));
}

/** Lines joined into as few texts of at most `max` characters as they fit in, in order. */
function packLines(lines: readonly string[], max: number): string[] {
  const texts: string[] = [];
  for (const line of lines) {
    const last = texts.length - 1;
    const current = texts[last];
    if (current !== undefined && current.length + 1 + line.length <= max) texts[last] = `${current}\n${line}`;
    else texts.push(line);
  }
  return texts;
}

function fieldsLength(fields: readonly APIEmbedField[]): number {
  return fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0);
}

function voteRow(factId: string): ButtonRow {
  return row([
    { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: voteButtonId('up', factId), emoji: { name: MESSAGES.voteUp } },
    { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: voteButtonId('down', factId), emoji: { name: MESSAGES.voteDown } },
  ]);
}

function suggestionRows(suggestions: readonly Suggestion[], style: ButtonStyle.Primary | ButtonStyle.Secondary): ButtonRow[] {
  if (suggestions.length === 0) return [];
  return [
    row(
      suggestions.slice(0, DISCORD.buttonsPerRow).map((s) => ({
        type: ComponentType.Button,
        style,
        custom_id: askButtonId(s.factId),
        label: cutText(s.question, DISCORD.buttonLabel),
      })),
    ),
  ];
}

/** Parentheses and spaces would end a markdown link early; percent-encoded, the address is the same. */
function linkTarget(url: string): string {
  return url.replace(/[()\s]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function row(components: APIButtonComponentWithCustomId[]): ButtonRow {
  return { type: ComponentType.ActionRow, components };
}

function lastMatchEnd(text: string, pattern: RegExp): number {
  let end = -1;
  for (const match of text.matchAll(pattern)) end = match.index + match[0].length;
  return end;
}
