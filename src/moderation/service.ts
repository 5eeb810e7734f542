// The moderator commands, one core behind Discord and Telegram alike: show, add, edit, retire and
// cite facts; status, unanswered questions, history and undo. Returns plain text replies; every
// change goes through the store (validated, atomic, audited) and is served at once.
import type { ActivityLog } from '../activity.js';
import { translationGaps } from '../knowledge/translation.js';
import { formatDate } from '../citations.js';
import { MODERATION } from '../config/defaults.js';
import type { BotCore } from '../core.js';
import { formatProblem, type KnowledgeProblem } from '../knowledge/parse.js';
import type { Fact } from '../knowledge/schema.js';
import { factKey, type Actor, type AuditEntry, type FactStore, type WriteResult } from '../knowledge/store.js';
import type { KnowledgeWatcher } from '../knowledge/watch.js';
import { createNormalizer } from '../matching/normalize.js';
import { MOD_MESSAGES } from '../messages.js';
import { applyDraft, factFromDraft, type FactDraft } from './draft.js';
import { ratings, unansweredGaps } from './report.js';

export interface ModReply {
  ok: boolean;
  text: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class ModerationService {
  constructor(
    private readonly core: BotCore,
    private readonly store: FactStore,
    private readonly activity: ActivityLog,
    private readonly watcher?: KnowledgeWatcher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The fact as a moderator needs it to edit: every field, and the key an edit must quote. */
  show(id: string): ModReply {
    const fact = this.#find(id);
    if (!fact) return { ok: false, text: MOD_MESSAGES.notFound(id) };
    return { ok: true, text: describeFact(fact) };
  }

  /** The current version key of a fact, for an edit dialogue to quote when it saves. */
  keyOf(id: string): string | undefined {
    const fact = this.#find(id);
    return fact ? factKey(fact) : undefined;
  }

  find(id: string): Fact | undefined {
    return this.#find(id);
  }

  async add(draft: FactDraft, actor: Actor): Promise<ModReply> {
    return this.#write(await this.store.put(factFromDraft(draft), actor, 'add', null), MOD_MESSAGES.added);
  }

  /** expectedKey: the key shown when the moderator opened the fact; omitted, the current one. */
  async edit(id: string, draft: Partial<FactDraft>, actor: Actor, expectedKey?: string): Promise<ModReply> {
    const fact = this.#find(id);
    if (!fact) return { ok: false, text: MOD_MESSAGES.notFound(id) };
    return this.#write(await this.store.put(applyDraft(fact, draft), actor, 'edit', expectedKey ?? factKey(fact)), MOD_MESSAGES.edited);
  }

  async retire(id: string, actor: Actor): Promise<ModReply> {
    const fact = this.#find(id);
    if (!fact) return { ok: false, text: MOD_MESSAGES.notFound(id) };
    if (fact.status === 'retired') return { ok: false, text: MOD_MESSAGES.alreadyRetired(id) };
    return this.#write(await this.store.put({ ...fact, status: 'retired' }, actor, 'retire', factKey(fact)), MOD_MESSAGES.retired);
  }

  async addSource(id: string, source: { url: string; title?: string; publisher?: string; published?: string }, actor: Actor): Promise<ModReply> {
    const fact = this.#find(id);
    if (!fact) return { ok: false, text: MOD_MESSAGES.notFound(id) };
    const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== '')) as typeof source;
    return this.#write(await this.store.put({ ...fact, sources: [...fact.sources, cleaned] }, actor, 'source', factKey(fact)), MOD_MESSAGES.sourceAdded);
  }

  async undo(id: string, actor: Actor): Promise<ModReply> {
    return this.#write(await this.store.undo(id, actor), MOD_MESSAGES.undone);
  }

  async history(id: string): Promise<ModReply> {
    const entries = await this.store.history(id);
    if (entries.length === 0) return { ok: true, text: MOD_MESSAGES.noHistory(id) };
    return { ok: true, text: [MOD_MESSAGES.historyLead(id), ...entries.map(describeEntry)].join('\n') };
  }

  async status(): Promise<ModReply> {
    const { base } = this.core;
    const active = base.facts.filter((f) => f.status === 'active').length;
    const last = (await this.store.changes()).at(-1);
    const problems = this.watcher?.problems ?? [];
    const lines = [
      MOD_MESSAGES.statusFacts(base.facts.length, active, this.core.sources().length),
      MOD_MESSAGES.statusVersion(base.version, formatDate(base.newestDate || '')),
      last ? MOD_MESSAGES.statusLastChange(describeEntry(last)) : MOD_MESSAGES.statusNoChanges,
      problems.length === 0 ? MOD_MESSAGES.statusNoProblems : MOD_MESSAGES.statusProblems(problems.length),
      ...problems.map((p) => `  ${formatProblem(p)}`),
      ...translationGaps(base.facts, base.translations).flatMap(({ language, missing, stale }) => [
        MOD_MESSAGES.statusTranslations(language, active - missing.length - stale.length, active, missing.length, stale.length),
        ...(stale.length > 0 ? [`  ${MOD_MESSAGES.statusStale}: ${stale.join(', ')}`] : []),
      ]),
    ];
    return { ok: true, text: lines.join('\n') };
  }

  async unanswered(asked: number = MODERATION.unansweredDays): Promise<ModReply> {
    // A huge number would put `since` past the dates a Date can hold, and every question after it.
    const days = Math.min(Math.max(Math.trunc(asked), 1), MODERATION.unansweredMaxDays);
    const since = new Date(this.now().getTime() - days * DAY_MS);
    const normalizer = createNormalizer(this.core.base.vocabulary);
    const { gaps, truncated } = unansweredGaps(await this.activity.questions.readAll(), normalizer, since);
    const rated = ratings(await this.activity.feedback.readAll()).slice(0, MODERATION.reportRows);
    const lines = [MOD_MESSAGES.gapsLead(days)];
    if (days !== asked) lines.push(MOD_MESSAGES.daysOutOfRange(MODERATION.unansweredMaxDays));
    if (truncated) lines.push(MOD_MESSAGES.gapsTruncated(MODERATION.unansweredScan));
    if (gaps.length === 0) lines.push(MOD_MESSAGES.noGaps);
    for (const g of gaps.slice(0, MODERATION.reportRows)) lines.push(MOD_MESSAGES.gapLine(g.count, g.askers, g.example));
    lines.push('', MOD_MESSAGES.ratingsLead);
    if (rated.length === 0) lines.push(MOD_MESSAGES.noRatings);
    for (const r of rated) lines.push(MOD_MESSAGES.ratingLine(r.factId, r.up, r.down));
    return { ok: true, text: lines.join('\n') };
  }

  #find(id: string): Fact | undefined {
    return this.core.base.facts.find((f) => f.id === id.trim());
  }

  #write(result: WriteResult, done: (id: string) => string): ModReply {
    if (!result.ok) {
      switch (result.reason) {
        case 'invalid':
          return { ok: false, text: [MOD_MESSAGES.invalid, ...result.problems.map(describeProblem)].join('\n') };
        case 'blocked':
          return { ok: false, text: MOD_MESSAGES.blocked(result.problems.length, [...new Set(result.problems.map((p) => p.file))]) };
        case 'busy':
          return { ok: false, text: MOD_MESSAGES.busy };
        case 'unrecorded':
          return { ok: false, text: MOD_MESSAGES.unrecorded(result.detail) };
        case 'unwritten':
          return { ok: false, text: MOD_MESSAGES.unwritten(result.detail) };
        case 'unavailable':
          return { ok: false, text: MOD_MESSAGES.unavailable(result.detail) };
        case 'conflict':
        case 'not-found':
          return { ok: false, text: result.message };
        default: {
          const unreachable: never = result;
          return unreachable;
        }
      }
    }
    // Served at once; the file watcher will find the same version and leave it be.
    this.core.replace(result.base);
    return { ok: true, text: done(result.fact.id) };
  }
}

/** A problem in words a moderator acts on: the field, then what is wrong with it. */
function describeProblem(p: KnowledgeProblem): string {
  return `  • ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

export function describeFact(fact: Fact): string {
  return [
    `id: ${fact.id}${fact.status === 'retired' ? ' (retired)' : ''}`,
    `version: ${factKey(fact)}`,
    fact.round !== undefined ? `round: ${fact.round}` : undefined,
    'questions:',
    ...fact.questions.map((q) => `  - ${q}`),
    `answer: ${fact.answer}`,
    fact.caveat ? `caveat: ${fact.caveat}` : undefined,
    'sources:',
    ...fact.sources.map((s, i) => `  sources[${i}]: ${[s.title, s.publisher, s.published, s.url].filter(Boolean).join(' | ')}`),
    `asOf: ${fact.asOf}`,
    `tags: ${fact.tags.join(', ') || '—'}`,
  ]
    .filter((line): line is string => line !== undefined)
    .join('\n');
}

function describeEntry(e: AuditEntry): string {
  return MOD_MESSAGES.historyLine(e.at.replace('T', ' ').slice(0, 16), e.actor.name, e.actor.platform, e.action, e.factId);
}
