// Lays a moderator command's result out as Telegram HTML messages. Layout only: the core decided
// everything, and the sentences come from the moderator catalogues. Every piece of fact or member
// text is escaped; long results are split at line ends over as many messages as they need. A
// dialogue's choices ("keep", "skip", "save", "cancel") are a reply keyboard whose buttons send
// the word, so nothing needs typing; it goes away when the dialogue ends.
import type { KeyboardButton, ReplyKeyboardMarkup } from 'telegraf/types';
import {
  askText,
  factLines,
  gapsLines,
  historyLines,
  moderatorText,
  previewDetailLines,
  problemText,
  refusalProblems,
  refusalText,
  savedText,
  statusLines,
  TELEGRAM,
  usageText,
  type DialogueAsk,
  type DialoguePreview,
  type Language,
  type ModResult,
} from '../../src/index.js';
import { escapeHtml, formatResult, packLines, type TelegramModMessage } from './format.js';

/** A problem with a typed value, as the core reports it. */
type Problem = Parameters<typeof problemText>[0];

type Word = keyof ReturnType<typeof moderatorText>['dialogue']['words'];

/** The messages a moderator gets for one result, in order; a keyboard, when there is one, sits on the last. */
export function formatModeration(result: ModResult, lang: Language = 'en'): TelegramModMessage[] {
  const { dialogue } = moderatorText(lang);
  switch (result.kind) {
    case 'fact':
      return plain(factLines(result.fact, result.version, lang));
    case 'saved':
      return closing(plain([savedText(result, lang)]));
    case 'refused':
      return plain([refusalText(result, lang), ...refusalProblems(result).map((p) => `  • ${problemText(p, lang)}`)]);
    case 'status':
      return plain(statusLines(result, lang));
    case 'gaps':
      return plain(gapsLines(result, lang));
    case 'history':
      return plain(historyLines(result, lang));
    case 'ask':
      return withKeyboard(askHtml(result, lang), choicesOf(result), lang);
    case 'preview':
      return withKeyboard(previewHtml(result, lang), result.problems.length > 0 ? ['cancel'] : ['save', 'cancel'], lang);
    case 'cancelled':
      return closing(plain([result.unchanged ? dialogue.unchanged : dialogue.cancelled]));
    case 'usage':
      return plain(usageText(result.problem, lang).split('\n'));
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
}

function askHtml(ask: DialogueAsk, lang: Language): string[] {
  const { dialogue } = moderatorText(lang);
  const { lead, prompt, current, hint } = askText(ask, lang);
  const problems = ask.problems.length > 0 ? [`<b>${escapeHtml(dialogue.notTaken)}</b>`, ...bullets(ask.problems, lang), ''] : [];
  return [
    ...(lead ? [escapeHtml(lead), ''] : []),
    ...problems,
    ...prompt.split('\n').map((line, i) => (i === 0 ? `<b>${escapeHtml(line)}</b>` : escapeHtml(line))),
    ...(current !== undefined ? [`<i>${escapeHtml(current)}</i>`] : []),
    ...(hint ? [`<i>${escapeHtml(hint)}</i>`] : []),
  ];
}

/** What the keyboard offers at a step: keep (editing) or skip (an optional field), and cancel. */
function choicesOf(ask: DialogueAsk): Word[] {
  if (ask.mode === 'edit') return ['keep', 'cancel'];
  return ask.required ? ['cancel'] : ['skip', 'cancel'];
}

function previewHtml(p: DialoguePreview, lang: Language): string[] {
  const { dialogue } = moderatorText(lang);
  const lines: string[] = [];
  if (p.refused) {
    lines.push(`<b>${escapeHtml(refusalText(p.refused, lang))}</b>`, ...bullets(refusalProblems(p.refused), lang), escapeHtml(p.rebased ? dialogue.rebased : dialogue.draftKept), '');
  }
  if (p.notTaken.length > 0) lines.push(`<b>${escapeHtml(dialogue.notTaken)}</b>`, ...bullets(p.notTaken, lang), '');
  if (p.notUnderstood) lines.push(escapeHtml(dialogue.notUnderstood), '');
  lines.push(`<b>${escapeHtml(dialogue.previewLead(p.mode, p.factId))}</b>`, '');
  // The answer exactly as a member would get it (its 👍/👎 buttons aside), kept whole on its lines.
  lines.push(...(p.answer ? formatResult(p.answer).text : escapeHtml(p.fact.answer)).split('\n'), '');
  lines.push(...previewDetailLines(p, lang).map(escapeHtml), '');
  if (p.problems.length > 0) lines.push(`<b>${escapeHtml(dialogue.previewBlocked)}</b>`, ...bullets(p.problems, lang), escapeHtml(dialogue.previewBlockedHow));
  else lines.push(`<i>${escapeHtml(dialogue.previewHow)}</i>`);
  return lines;
}

function bullets(problems: readonly Problem[], lang: Language): string[] {
  return problems.map((p) => `  • ${escapeHtml(problemText(p, lang))}`);
}

function plain(lines: readonly string[]): TelegramModMessage[] {
  return pack(lines.map(escapeHtml));
}

function pack(html: readonly string[]): TelegramModMessage[] {
  return packLines(html, TELEGRAM.messageChars).map((text) => ({ text }));
}

/** The dialogue's choices as keyboard buttons on the last message. */
function withKeyboard(html: readonly string[], words: readonly Word[], lang: Language): TelegramModMessage[] {
  const messages = pack(html);
  const last = messages.at(-1);
  if (last) last.reply_markup = keyboard(words.map((word) => ({ text: moderatorText(lang).dialogue.words[word] })));
  return messages;
}

function keyboard(buttons: KeyboardButton[]): ReplyKeyboardMarkup {
  return { keyboard: [buttons], resize_keyboard: true, one_time_keyboard: true };
}

/** The last message of a dialogue (saved, cancelled) takes its keyboard away. */
function closing(messages: TelegramModMessage[]): TelegramModMessage[] {
  const last = messages.at(-1);
  if (last) last.reply_markup = { remove_keyboard: true };
  return messages;
}
