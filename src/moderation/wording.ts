// The sentences of a moderation result, picked from the moderator catalogues (src/messages.ts) in
// one place, so every adapter says the same thing and only lays it out its own way (HTML, embeds,
// terminal text). Plain text: each adapter escapes it for its platform.
import { dateIn } from '../answer-text.js';
import { formatDate } from '../citations.js';
import { formatProblem } from '../knowledge/parse.js';
import type { Fact } from '../knowledge/schema.js';
import type { Language } from '../language.js';
import { moderatorText } from '../messages.js';
import type { FieldProblem } from './fields.js';
import type { DialogueAsk, DialoguePreview, HistoryItem, ModResult, Refusal, UsageProblem } from './result.js';

/**
 * "sources[0].url: must be a URL (http or https)". The moderation's own problems (a required field,
 * a round that is no number …) in the moderator's language; the fact schema's in its English words,
 * as `kb:check` says them.
 */
export function problemText(p: FieldProblem, lang: Language = 'en'): string {
  const message = p.code ? moderatorText(lang).dialogue[p.code] : p.message;
  return p.field ? `${p.field}: ${message}` : message;
}

/** Why nothing was saved, in one sentence; the problems, when there are some, are listed apart. */
export function refusalText(r: Refusal, lang: Language = 'en'): string {
  const { mod } = moderatorText(lang);
  switch (r.reason) {
    case 'invalid':
      return mod.invalid;
    case 'blocked':
      return mod.blocked(r.problems.length, r.files);
    case 'busy':
      return mod.busy;
    case 'unrecorded':
      return mod.unrecorded(r.detail);
    case 'unwritten':
      return mod.unwritten(r.detail);
    case 'unavailable':
      return mod.unavailable(r.detail);
    case 'conflict':
      return r.message;
    case 'not-found':
      return r.message ?? mod.notFound(r.id);
    case 'already-retired':
      return mod.alreadyRetired(r.id);
    case 'limited':
      return mod.tooManyChanges(r.perMinute);
    case 'no-draft':
      return mod.discordForm.draftGone;
    default: {
      const unreachable: never = r;
      return unreachable;
    }
  }
}

/** The problems a refusal lists under its sentence (only an invalid change has any). */
export function refusalProblems(r: Refusal): FieldProblem[] {
  return r.reason === 'invalid' ? r.problems : [];
}

/** What a saved change did. */
export function savedText(result: Extract<ModResult, { kind: 'saved' }>, lang: Language = 'en'): string {
  const { mod } = moderatorText(lang);
  const id = result.fact.id;
  switch (result.action) {
    case 'add':
      return mod.added(id);
    case 'edit':
      return mod.edited(id);
    case 'retire':
      return mod.retired(id);
    case 'source':
      return mod.sourceAdded(id);
    case 'undo':
      return mod.undone(id);
    default: {
      const unreachable: never = result.action;
      return unreachable;
    }
  }
}

/** "2025-12-02 09:30 UTC — alice (telegram) — undo x (took back the edit by bob at …)" */
export function historyLineText(item: HistoryItem, lang: Language = 'en'): string {
  const { mod } = moderatorText(lang);
  const line = mod.historyLine(mod.timeOf(item.at), item.actor.name, item.actor.platform, mod.actionNames[item.action], item.factId);
  return item.undid ? `${line} ${mod.historyUndid(mod.actionNames[item.undid.action], item.undid.actor.name, mod.timeOf(item.undid.at))}` : line;
}

/** The command list, or the one line a command typed almost right needs. */
export function usageText(problem: UsageProblem | undefined, lang: Language = 'en'): string {
  const { mod } = moderatorText(lang);
  if (!problem) return mod.usage;
  switch (problem.kind) {
    case 'days':
      return mod.badDays(problem.given, problem.max);
    case 'needs-id':
      return mod.needsId(problem.command);
    case 'source':
      return mod.sourceNeeds;
    case 'unknown-field':
      return mod.unknownField(problem.field, problem.fields);
    case 'needs-value':
      return mod.fieldNeedsValue(problem.field);
    default: {
      const unreachable: never = problem;
      return unreachable;
    }
  }
}

/** A dialogue's question: the prompt with its place, and what can be sent instead of a value. */
export function askText(ask: DialogueAsk, lang: Language = 'en'): { lead?: string; prompt: string; current?: string; hint?: string } {
  const { dialogue } = moderatorText(lang);
  const lead = ask.opening ? (ask.mode === 'add' ? dialogue.addLead : dialogue.editLead(ask.factId ?? '')) : undefined;
  const prompt = `${dialogue.stepOf(ask.number, ask.total)} ${dialogue.prompts[ask.step]}`;
  const optional = ask.step === 'source' || ask.step === 'round' || ask.step === 'tags';
  const hint =
    ask.mode === 'edit' ? [dialogue.keepHow, ...(optional && ask.current !== undefined ? [dialogue.clearHow] : [])].join(' ') : ask.required ? undefined : dialogue.skipHint;
  return {
    ...(lead ? { lead } : {}),
    prompt,
    ...(ask.mode === 'edit' ? { current: dialogue.keepHint(ask.current ?? moderatorText(lang).mod.none) } : {}),
    ...(hint ? { hint } : {}),
  };
}

/** Every field of a fact as `fact show` lists it, one "label: value" line each (questions and sources one a line). */
export function factLines(fact: Fact, version: string | undefined, lang: Language = 'en'): string[] {
  const { mod } = moderatorText(lang);
  const label = mod.fieldLabels;
  return [
    `${label.id}: ${fact.id}${fact.status === 'retired' ? ` ${mod.retiredMark}` : ''}`,
    ...(version !== undefined ? [mod.showVersion(version)] : []),
    ...(fact.round !== undefined ? [`${label.round}: ${fact.round}`] : []),
    `${label.questions}:`,
    ...fact.questions.map((q) => `  - ${q}`),
    `${label.answer}: ${fact.answer}`,
    ...(fact.caveat ? [`${label.caveat}: ${fact.caveat}`] : []),
    `${label.sources}:`,
    ...fact.sources.map((s, i) => `  sources[${i}]: ${[s.title, s.publisher, s.published, s.url].filter(Boolean).join(' | ')}`),
    `${label.asOf}: ${fact.asOf}`,
    `${label.tags}: ${fact.tags.join(', ') || mod.none}`,
  ];
}

/** `kb status`, line by line: the first says how many facts; problems and stale translations indented under theirs. */
export function statusLines(s: Extract<ModResult, { kind: 'status' }>, lang: Language = 'en'): string[] {
  const { mod } = moderatorText(lang);
  return [
    mod.statusFacts(s.facts, s.active, s.sources),
    mod.statusVersion(s.version, lang === 'en' ? formatDate(s.newest) : dateIn(lang, s.newest)),
    s.last ? mod.statusLastChange(historyLineText(s.last, lang)) : mod.statusNoChanges,
    s.problems.length === 0 ? mod.statusNoProblems : mod.statusProblems(s.problems.length),
    ...s.problems.map((p) => `  ${formatProblem(p)}`),
    ...s.translations.flatMap((t) => [
      mod.statusTranslations(t.language, t.current, s.active, t.missing, t.stale.length),
      ...(t.stale.length > 0 ? [`  ${mod.statusStale}: ${t.stale.join(', ')}`] : []),
    ]),
  ];
}

/** `kb unanswered`, line by line: the gaps, a blank line, then the ratings. */
export function gapsLines(g: Extract<ModResult, { kind: 'gaps' }>, lang: Language = 'en'): string[] {
  const { mod } = moderatorText(lang);
  return [
    mod.gapsLead(g.days),
    ...(g.days !== g.asked ? [mod.daysOutOfRange(g.maxDays)] : []),
    ...(g.truncated ? [mod.gapsTruncated(g.scanned)] : []),
    ...(g.gaps.length === 0 ? [mod.noGaps] : g.gaps.map((gap) => mod.gapLine(gap.count, gap.askers, gap.example))),
    '',
    mod.ratingsLead,
    ...(g.ratings.length === 0 ? [mod.noRatings] : g.ratings.map((r) => mod.ratingLine(r.factId, r.up, r.down))),
  ];
}

/** `kb history`: a lead and a line per change, or that there is none. */
export function historyLines(h: Extract<ModResult, { kind: 'history' }>, lang: Language = 'en'): string[] {
  const { mod } = moderatorText(lang);
  if (h.entries.length === 0) return [mod.noHistory(h.factId)];
  return [mod.historyLead(h.factId), ...h.entries.map((e) => historyLineText(e, lang))];
}

/** What a preview shows besides the answer: the phrasings, round and tags, and (editing) what changed. */
export function previewDetailLines(p: DialoguePreview, lang: Language = 'en'): string[] {
  const { mod, dialogue } = moderatorText(lang);
  const label = mod.fieldLabels;
  return [
    dialogue.previewDetails,
    `  ${label.questions}: ${p.fact.questions.join(' | ') || mod.none}`,
    `  ${label.round}: ${p.fact.round ?? mod.none}`,
    `  ${label.tags}: ${(p.fact.tags ?? []).join(', ') || mod.none}`,
    ...(p.mode === 'edit' && p.changed.length > 0 ? [dialogue.previewChanged(p.changed)] : []),
  ];
}
