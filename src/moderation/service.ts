// The moderator commands, one core behind Discord, Telegram, the console and the web console: show,
// add, edit, retire and cite facts; status, unanswered questions, history and undo. Returns data (a
// ModResult) for each adapter to lay out. Every change goes through the store (validated, atomic,
// audited), counts towards the moderator's limit (reading never does), and is served at once.
import type { ActivityLog } from '../activity.js';
import { MODERATION } from '../config/defaults.js';
import type { BotCore } from '../core.js';
import { translationGaps } from '../knowledge/translation.js';
import { fieldIssues } from '../knowledge/parse.js';
import { FactSchema, type Fact, type FactInput } from '../knowledge/schema.js';
import { factKey, undoneBy, type Actor, type AuditEntry, type FactStore, type WriteResult } from '../knowledge/store.js';
import type { KnowledgeWatcher } from '../knowledge/watch.js';
import { createNormalizer } from '../matching/normalize.js';
import type { RateLimiter } from '../ratelimit.js';
import { applyDraft, completeDraft, factFromDraft, type FactDraft } from './draft.js';
import { problemOf, readField, type Field, type FieldProblem } from './fields.js';
import { ratings, unansweredGaps } from './report.js';
import type { DialoguePreview, HistoryItem, ModResult, Refusal } from './result.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a preview shows of a draft: the fact as it would be saved, its answer, and what keeps it from being saved. */
export type DraftPreview = Pick<DialoguePreview, 'factId' | 'fact' | 'answer' | 'problems' | 'changed'>;

export class ModerationService {
  constructor(
    private readonly core: BotCore,
    private readonly store: FactStore,
    private readonly activity: ActivityLog,
    private readonly watcher?: KnowledgeWatcher,
    private readonly now: () => Date = () => new Date(),
    /** Counts each moderator's changes (never their reading); none: unlimited. */
    private readonly limiter?: RateLimiter,
  ) {}

  /** The fact as a moderator needs it to edit: every field, and the key an edit must quote. */
  show(id: string): ModResult {
    const fact = this.#find(id);
    if (!fact) return notFound(id);
    return { kind: 'fact', fact, version: factKey(fact) };
  }

  /** The current version key of a fact, for an edit dialogue to quote when it saves. */
  keyOf(id: string): string | undefined {
    const fact = this.#find(id);
    return fact ? factKey(fact) : undefined;
  }

  find(id: string): Fact | undefined {
    return this.#find(id);
  }

  /**
   * A draft as it would be saved: a new fact (`editing` unset) or the fact `editing` with the
   * draft laid over it; undefined when that fact does not exist. Checked as a whole by the fact
   * schema, and answered as members would get it when it passes.
   */
  preview(draft: Partial<FactDraft>, editing?: string): DraftPreview | undefined {
    const current = editing === undefined ? undefined : this.#find(editing);
    if (editing !== undefined && !current) return undefined;
    const fact = current ? applyDraft(current, draft) : factFromDraft(completeDraft(draft));
    const parsed = FactSchema.safeParse(fact);
    const problems: FieldProblem[] = parsed.success ? [] : fieldIssues(parsed.error);
    if (!current && this.#find(fact.id)) problems.push(problemOf('idTaken', 'id'));
    return {
      factId: fact.id,
      fact,
      ...(parsed.success && problems.length === 0 ? { answer: this.core.preview(parsed.data) } : {}),
      problems,
      changed: current ? changedFields(current, fact) : [],
    };
  }

  async add(draft: FactDraft, actor: Actor): Promise<ModResult> {
    const limited = await this.#limited(actor);
    if (limited) return limited;
    const fact = factFromDraft(draft);
    return this.#write(await this.store.put(fact, actor, 'add', null), fact.id);
  }

  /** expectedKey: the key shown when the moderator opened the fact; omitted, the current one. An edit that changes nothing saves nothing. */
  async edit(id: string, draft: Partial<FactDraft>, actor: Actor, expectedKey?: string): Promise<ModResult> {
    const fact = this.#find(id);
    if (!fact) return notFound(id);
    const edited = applyDraft(fact, draft);
    if (changedFields(fact, edited).length === 0) return { kind: 'cancelled', unchanged: true };
    const limited = await this.#limited(actor);
    if (limited) return limited;
    return this.#write(await this.store.put(edited, actor, 'edit', expectedKey ?? factKey(fact)), fact.id);
  }

  /** One field changed in one message ("fact edit <id> round 4"), checked as it is typed. */
  async change(id: string, field: Field, value: string, actor: Actor): Promise<ModResult> {
    if (!this.#find(id)) return notFound(id);
    const read = readField(field, value);
    if (!read.ok) return { kind: 'refused', reason: 'invalid', problems: read.problems };
    return this.edit(id, read.draft, actor);
  }

  async retire(id: string, actor: Actor): Promise<ModResult> {
    const fact = this.#find(id);
    if (!fact) return notFound(id);
    if (fact.status === 'retired') return { kind: 'refused', reason: 'already-retired', id: fact.id };
    const limited = await this.#limited(actor);
    if (limited) return limited;
    return this.#write(await this.store.put({ ...fact, status: 'retired' }, actor, 'retire', factKey(fact)), fact.id);
  }

  async addSource(id: string, source: { url: string; title?: string; publisher?: string; published?: string }, actor: Actor): Promise<ModResult> {
    const fact = this.#find(id);
    if (!fact) return notFound(id);
    const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== '')) as typeof source;
    const limited = await this.#limited(actor);
    if (limited) return limited;
    return this.#write(await this.store.put({ ...fact, sources: [...fact.sources, cleaned] }, actor, 'source', factKey(fact)), fact.id);
  }

  async undo(id: string, actor: Actor): Promise<ModResult> {
    const limited = await this.#limited(actor);
    if (limited) return limited;
    return this.#write(await this.store.undo(id.trim(), actor), id.trim());
  }

  async history(id: string): Promise<ModResult> {
    const factId = id.trim();
    return { kind: 'history', factId, entries: historyItems(await this.store.history(factId)) };
  }

  async status(): Promise<ModResult> {
    const { base } = this.core;
    const active = base.facts.filter((f) => f.status === 'active').length;
    const changes = await this.store.changes();
    const lastFact = changes.at(-1)?.factId;
    const last = lastFact === undefined ? undefined : historyItems(changes.filter((e) => e.factId === lastFact)).at(-1);
    return {
      kind: 'status',
      facts: base.facts.length,
      active,
      sources: this.core.sources().length,
      version: base.version,
      newest: base.newestDate || '',
      ...(last ? { last } : {}),
      problems: this.watcher?.problems ?? [],
      translations: translationGaps(base.facts, base.translations).map(({ language, missing, stale }) => ({
        language,
        current: active - missing.length - stale.length,
        missing: missing.length,
        stale,
      })),
    };
  }

  async unanswered(asked: number = MODERATION.unansweredDays): Promise<ModResult> {
    // A huge number would put `since` past the dates a Date can hold, and every question after it.
    const days = Math.min(Math.max(Math.trunc(asked), 1), MODERATION.unansweredMaxDays);
    const since = new Date(this.now().getTime() - days * DAY_MS);
    const normalizer = createNormalizer(this.core.base.vocabulary);
    const { gaps, truncated } = unansweredGaps(await this.activity.questions.readAll(), normalizer, since);
    const rated = ratings(await this.activity.feedback.readAll()).slice(0, MODERATION.reportRows);
    return {
      kind: 'gaps',
      days,
      asked,
      maxDays: MODERATION.unansweredMaxDays,
      truncated,
      scanned: MODERATION.unansweredScan,
      gaps: gaps.slice(0, MODERATION.reportRows),
      ratings: rated,
    };
  }

  #find(id: string): Fact | undefined {
    return this.core.base.facts.find((f) => f.id === id.trim());
  }

  /** Counts a change against the moderator's limit: a refusal when over it. */
  async #limited(actor: Actor): Promise<Refusal | undefined> {
    if (!this.limiter) return undefined;
    if ((await this.limiter.check(`${actor.platform}:${actor.id}`)) === 'ok') return undefined;
    return { kind: 'refused', reason: 'limited', perMinute: this.limiter.limit ?? MODERATION.commandsPerWindow };
  }

  /** `id`: the fact the change was for, which a refusal names. */
  #write(result: WriteResult, id: string): ModResult {
    if (!result.ok) {
      switch (result.reason) {
        case 'invalid':
          return { kind: 'refused', reason: 'invalid', problems: result.problems };
        case 'blocked':
          return { kind: 'refused', reason: 'blocked', problems: result.problems, files: [...new Set(result.problems.map((p) => p.file))] };
        case 'busy':
          return { kind: 'refused', reason: 'busy' };
        case 'unrecorded':
        case 'unwritten':
        case 'unavailable':
          return { kind: 'refused', reason: result.reason, detail: result.detail };
        case 'conflict':
          return { kind: 'refused', reason: 'conflict', message: result.message };
        case 'not-found':
          return { kind: 'refused', reason: 'not-found', id, message: result.message };
        default: {
          const unreachable: never = result;
          return unreachable;
        }
      }
    }
    // Served at once; the file watcher will find the same version and leave it be.
    this.core.replace(result.base);
    return { kind: 'saved', action: result.entry.action, fact: result.fact, entry: historyItem(result.entry) };
  }
}

function notFound(id: string): Refusal {
  return { kind: 'refused', reason: 'not-found', id: id.trim() };
}

/** A fact's recorded changes, each undo with the change it took back. */
export function historyItems(entries: readonly AuditEntry[]): HistoryItem[] {
  const took = undoneBy(entries);
  return entries.map((entry, i) => {
    const undone = took.get(i);
    return { ...historyItem(entry), ...(undone ? { undid: { action: undone.action, at: undone.at, actor: undone.actor } } : {}) };
  });
}

function historyItem(entry: AuditEntry): HistoryItem {
  return { at: entry.at, actor: entry.actor, action: entry.action, factId: entry.factId };
}

/** The fields in which an edited fact differs from the fact as it is. */
function changedFields(before: Fact, after: FactInput): Field[] {
  const read = (f: FactInput): Record<Exclude<Field, 'id' | 'source'>, unknown> => ({
    questions: f.questions,
    answer: f.answer,
    caveat: f.caveat,
    url: f.sources[0]?.url,
    title: f.sources[0]?.title,
    publisher: f.sources[0]?.publisher,
    published: f.sources[0]?.published,
    asOf: f.asOf,
    round: f.round,
    tags: f.tags ?? [],
  });
  const [was, is] = [read(before), read(after)];
  return (Object.keys(was) as (keyof typeof was)[]).filter((key) => JSON.stringify(was[key]) !== JSON.stringify(is[key]));
}
