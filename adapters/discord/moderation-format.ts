// Lays a moderator command's result out as Discord messages (sent privately by the caller). Layout
// only: the core decided everything, and the sentences come from the moderator catalogues. Text is
// escaped (it may quote members' questions), split at line ends over as many embeds as it needs, and
// red when it says no. A form's preview shows the answer as members will see it, what else the fact
// holds, and buttons: Save, Change the form, Round/tags/caveat, Cancel.
import {
  askText,
  DISCORD,
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
  usageText,
  type DialoguePreview,
  type Language,
  type ModResult,
} from '../../src/index.js';
import { draftButtons } from './fact-form.js';
import { COLOURS, embedLength, escapeAndCut, formatAnswer, formatLines, NO_MENTIONS, type DiscordReply } from './format.js';

/** A problem with a typed value, as the core reports it. */
type Problem = Parameters<typeof problemText>[0];

export function formatModeration(result: ModResult, lang: Language = 'en'): DiscordReply[] {
  const { dialogue } = moderatorText(lang);
  switch (result.kind) {
    case 'fact':
      return formatLines(factLines(result.fact, result.version, lang));
    case 'saved':
      return formatLines([savedText(result, lang)]);
    case 'refused':
      return formatLines([refusalText(result, lang), ...refusalProblems(result).map((problem) => bullet(problem, lang))], true);
    case 'status':
      return formatLines(statusLines(result, lang));
    case 'gaps':
      return formatLines(gapsLines(result, lang));
    case 'history':
      return formatLines(historyLines(result, lang));
    case 'ask': {
      // Discord adds and edits through forms, not step by step; laid out all the same.
      const { lead, prompt, current, hint } = askText(result, lang);
      const problems = result.problems.length > 0 ? [dialogue.notTaken, ...result.problems.map((problem) => bullet(problem, lang))] : [];
      return formatLines([lead, ...problems, prompt, current, hint].filter((line): line is string => line !== undefined));
    }
    case 'preview':
      return preview(result, lang);
    case 'cancelled':
      return formatLines([result.unchanged ? dialogue.unchanged : dialogue.cancelled]);
    case 'usage':
      return formatLines(usageText(result.problem, lang).split('\n'), result.problem !== undefined);
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
}

function preview(p: DialoguePreview, lang: Language): DiscordReply[] {
  const { dialogue } = moderatorText(lang);
  const notice: string[] = [];
  if (p.refused) notice.push(refusalText(p.refused, lang), ...refusalProblems(p.refused).map((problem) => bullet(problem, lang)), p.rebased ? dialogue.rebased : '');
  if (p.notTaken.length > 0) notice.push(dialogue.notTakenForm, ...p.notTaken.map((problem) => bullet(problem, lang)));
  const details = [...previewDetailLines(p, lang)];
  if (p.problems.length > 0) details.push('', dialogue.previewBlocked, ...p.problems.map((problem) => bullet(problem, lang)));
  // A value that was not taken would be lost by saving: the form is changed first.
  const canSave = p.problems.length === 0 && p.notTaken.length === 0;
  const answer = p.answer ? formatAnswer(p.answer).embeds[0] : { description: escapeAndCut(p.fact.answer, DISCORD.embedDescription), color: COLOURS.declined };
  const embeds = [
    ...(notice.some(Boolean) ? [{ description: lines(notice.filter(Boolean)), color: COLOURS.refused }] : []),
    ...(answer ? [answer] : []),
    { description: lines(details), color: canSave ? COLOURS.answer : COLOURS.refused },
  ];
  const content = escapeAndCut(dialogue.previewLead(p.mode, p.factId), DISCORD.embedDescription);
  const buttons = [draftButtons(canSave, lang)];
  // Discord counts every embed of a message towards one 6,000-character total.
  if (embeds.reduce((sum, e) => sum + embedLength(e), 0) <= DISCORD.embedTotal) {
    return [{ content, embeds, components: buttons, allowedMentions: NO_MENTIONS }];
  }
  return embeds.map((embed, i) => ({
    ...(i === 0 ? { content } : {}),
    embeds: [embed],
    components: i === embeds.length - 1 ? buttons : [],
    allowedMentions: NO_MENTIONS,
  }));
}

function lines(text: readonly string[]): string {
  return escapeAndCut(text.join('\n'), DISCORD.embedDescription);
}

function bullet(p: Problem, lang: Language): string {
  return `• ${problemText(p, lang)}`;
}
