// Lays a moderator command's result out as plain terminal text. Layout only: the core decided
// everything, and the sentences come from the moderator catalogues.
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
  usageText,
  type DialoguePreview,
  type Language,
  type ModResult,
} from '../../src/index.js';
import { formatForConsole } from './format.js';

/** A problem with a typed value, as the core reports it. */
type Problem = Parameters<typeof problemText>[0];

export function formatModerationForConsole(result: ModResult, lang: Language = 'en'): string {
  const { dialogue } = moderatorText(lang);
  switch (result.kind) {
    case 'fact':
      return factLines(result.fact, result.version, lang).join('\n');
    case 'saved':
      return savedText(result, lang);
    case 'refused':
      return [refusalText(result, lang), ...refusalProblems(result).map((problem) => bullet(problem, lang))].join('\n');
    case 'status':
      return statusLines(result, lang).join('\n');
    case 'gaps':
      return gapsLines(result, lang).join('\n');
    case 'history':
      return historyLines(result, lang).join('\n');
    case 'ask': {
      const { lead, prompt, current, hint } = askText(result, lang);
      const problems = result.problems.length > 0 ? [dialogue.notTaken, ...result.problems.map((problem) => bullet(problem, lang))] : [];
      return [lead, ...problems, prompt, current, hint].filter((line) => line !== undefined).join('\n');
    }
    case 'preview':
      return previewText(result, lang);
    case 'cancelled':
      return result.unchanged ? dialogue.unchanged : dialogue.cancelled;
    case 'usage':
      return usageText(result.problem, lang);
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
}

function previewText(p: DialoguePreview, lang: Language): string {
  const { dialogue } = moderatorText(lang);
  const lines: string[] = [];
  if (p.refused) lines.push(refusalText(p.refused, lang), ...refusalProblems(p.refused).map((problem) => bullet(problem, lang)), p.rebased ? dialogue.rebased : dialogue.draftKept, '');
  if (p.notTaken.length > 0) lines.push(dialogue.notTaken, ...p.notTaken.map((problem) => bullet(problem, lang)), '');
  if (p.notUnderstood) lines.push(dialogue.notUnderstood, '');
  lines.push(dialogue.previewLead(p.mode, p.factId));
  lines.push(p.answer ? formatForConsole(p.answer) : p.fact.answer, '', ...previewDetailLines(p, lang), '');
  if (p.problems.length > 0) lines.push(dialogue.previewBlocked, ...p.problems.map((problem) => bullet(problem, lang)), dialogue.previewBlockedHow);
  else lines.push(dialogue.previewHow);
  return lines.join('\n');
}

function bullet(p: Problem, lang: Language): string {
  return `  • ${problemText(p, lang)}`;
}
