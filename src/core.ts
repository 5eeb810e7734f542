// The bot's core as adapters see it: one current snapshot of the fact base and its matcher,
// replaced when a new base validates, so a reader never sees half an update.
import { answerFact, answerFrom, answerQuestion, displayQuestion, snapshotOf, type AnswerOk, type AnswerResult, type Ask, type Snapshot } from './answer.js';
import { toCitation, type Citation } from './citations.js';
import { MemoryConversations, type ConversationStore } from './conversation.js';
import { LIMITS } from './config/defaults.js';
import type { FactBase } from './knowledge/parse.js';
import type { Fact } from './knowledge/schema.js';
import { languageOfLocale, type Language } from './language.js';
import { createMatcher, featured } from './matching/matcher.js';
import { AskedCounts } from './most-asked.js';
import { TIMELINE } from './config/defaults.js';
import { latestEntries, parseTimelineQuery, timelineEvents, timelinePage, type TimelineEntry, type TimelinePage } from './timeline.js';

export interface SourceEntry {
  citation: Citation;
  /** How many active facts cite this page. */
  facts: number;
}

export class BotCore {
  #snapshot: Snapshot;
  /** ISO date of the last run-time change (a reload or a moderator's edit); undefined before one. */
  #changedOn: string | undefined;
  /** How often each fact has been asked; fed from the questions log by countAskedQuestions. */
  readonly asked = new AskedCounts();
  /** The active facts by id, made when first needed after each change: a pressed button should not scan the whole base. */
  #activeById: Map<string, Fact> | undefined;
  /** The timeline's events, sorted once per change rather than per /timeline. */
  #events: TimelineEntry[] | undefined;
  readonly #listeners = new Set<(before: FactBase, after: FactBase) => void>();

  readonly #conversations: ConversationStore;

  constructor(
    base: FactBase,
    private readonly now: () => Date = () => new Date(),
    conversations: ConversationStore = new MemoryConversations(),
  ) {
    this.#conversations = conversations;
    this.#snapshot = snapshotOf(base, createMatcher(base));
  }

  get base(): FactBase {
    return this.#snapshot.base;
  }

  /**
   * Swaps in a new, already validated fact base. The matcher re-indexes only the facts that
   * changed, in place: it runs to the end before any question is read, so none sees half an update.
   */
  replace(base: FactBase): void {
    const { matcher, base: before } = this.#snapshot;
    matcher.update(base);
    this.#snapshot = snapshotOf(base, matcher);
    this.#activeById = undefined;
    this.#events = undefined;
    this.#changedOn = this.now().toISOString().slice(0, 10);
    for (const listener of this.#listeners) listener(before, base);
  }

  /** Calls `listener` with the base before and after each change, once served; returns how to stop. */
  onChange(listener: (before: FactBase, after: FactBase) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * ISO date the fact base was last updated, for /sources: the newest date its active facts speak
   * of (retired ones are no longer served), or the day it was changed while running, if later.
   */
  lastUpdated(): string {
    let newest = '';
    for (const fact of this.#snapshot.base.facts) {
      if (fact.status !== 'active') continue;
      for (const date of [fact.asOf, ...fact.sources.map((s) => s.published)]) if (date !== undefined && date > newest) newest = date;
    }
    return this.#changedOn !== undefined && this.#changedOn > newest ? this.#changedOn : newest;
  }

  /**
   * The answer a fact not yet served would give, in English, as a member pressing its question
   * would get it: what a moderator sees before saving a new or edited fact.
   */
  preview(fact: Fact): AnswerOk {
    return answerFrom(this.#snapshot, fact, 'en', fact.questions[0] ?? fact.id, 1, [], []);
  }

  /**
   * The one use case: a question (a follow-up read with the conversation's last turn, when a
   * conversation is named) or a pressed suggestion's fact, in; an answer, "did you mean", a decline
   * or a small-talk line, out. Never throws for any input.
   */
  answer(ask: Ask): AnswerResult {
    const request = typeof ask === 'string' ? { question: ask } : ask;
    const now = this.now();
    const key = request.conversation;
    const turn = key === undefined ? undefined : this.#conversations.recent(key, now.getTime());
    if ('factId' in request) {
      // A pressed suggestion has no words of its own: it keeps the language its asker was using.
      const lang: Language = turn?.lang ?? languageOfLocale(request.locale) ?? 'en';
      const fact = this.#active().get(request.factId);
      const result = answerFact(this.#snapshot, fact, lang);
      if (key !== undefined && fact) this.#conversations.remember(key, { question: fact.questions[0] ?? fact.id, factId: fact.id, lang, at: now.getTime() });
      return result;
    }
    const fact = turn?.factId === undefined ? undefined : this.#active().get(turn.factId);
    const earlier = turn && { question: turn.question, ...(fact ? { answer: fact.answer, factId: fact.id, about: fact.tags.join(' ') } : {}) };
    const { result, understood } = answerQuestion(this.#snapshot, request.question, now, earlier, request.locale);
    // Small talk keeps the thread: "thanks" between two questions does not lose what was asked.
    if (key !== undefined && result.kind !== 'chat' && understood) {
      this.#conversations.remember(key, { question: understood, lang: result.lang, ...(result.kind === 'answer' ? { factId: result.factId } : {}), at: now.getTime() });
    }
    return result;
  }

  /**
   * Answers to offer while a user types (Telegram's inline mode), at most `limit`: the best match
   * (as answer() gives it, dated when it asks about now) and the facts suggested beside it; for an
   * empty query, the most asked facts, then featured ones.
   */
  inlineAnswers(query: string, limit: number, locale?: string): AnswerOk[] {
    const best = query.trim() ? this.answer({ question: query, ...(locale !== undefined ? { locale } : {}) }) : undefined;
    const lang: Language = best?.lang ?? languageOfLocale(locale) ?? 'en';
    const factIds = best
      ? [...(best.kind === 'answer' ? [best.factId] : []), ...best.suggestions.map((s) => s.factId)]
      : [...this.asked.ranked(), ...featured(this.base.facts, limit).map((f) => f.id)];
    const answers: AnswerOk[] = [];
    for (const factId of new Set(factIds)) {
      if (answers.length >= limit) break;
      if (best?.kind === 'answer' && factId === best.factId) {
        answers.push(best);
        continue;
      }
      // A fact asked about before may since have been retired or removed.
      const answer = answerFact(this.#snapshot, this.#active().get(factId), lang);
      if (answer.kind === 'answer') answers.push(answer);
    }
    return answers;
  }

  /**
   * One page of the dated events, oldest first, narrowed by what follows /timeline ("2022",
   * "exchange", "2022 grain"); a page past the end gives the last one.
   */
  timeline(filter: string, page = 1): TimelinePage {
    this.#events ??= timelineEvents(this.#snapshot.base.facts);
    const { matcher } = this.#snapshot;
    return timelinePage(this.#events, this.#active(), parseTimelineQuery(filter), page, (text) => matcher.stems(text));
  }

  /** The newest facts, newest first: what /latest lists. */
  latest(count: number = TIMELINE.latest): TimelineEntry[] {
    return latestEntries(this.#snapshot.base.facts, count);
  }

  #active(): Map<string, Fact> {
    this.#activeById ??= new Map(this.#snapshot.base.facts.filter((f) => f.status === 'active').map((f) => [f.id, f]));
    return this.#activeById;
  }

  /** Example questions for help and welcome texts: the featured facts' display questions, in the language. */
  examples(count: number, lang: Language = 'en'): string[] {
    return this.#snapshot.featured.slice(0, count).map((f) => displayQuestion(this.#snapshot, f, lang));
  }

  /** Known questions for autocomplete. */
  complete(prefix: string, limit: number = LIMITS.autocomplete): string[] {
    return this.#snapshot.matcher.complete(prefix, limit);
  }

  /** Every page the active facts cite, newest first, each once. */
  sources(): SourceEntry[] {
    const byKey = new Map<string, SourceEntry>();
    for (const fact of this.#snapshot.base.facts) {
      if (fact.status !== 'active') continue;
      for (const source of fact.sources) {
        const key = source.url ?? source.title ?? '';
        const entry = byKey.get(key);
        if (entry) entry.facts += 1;
        else byKey.set(key, { citation: toCitation(source, 0), facts: 1 });
      }
    }
    return [...byKey.values()]
      .sort((a, b) => (b.citation.published ?? '').localeCompare(a.citation.published ?? ''))
      .map((entry, i) => ({ ...entry, citation: { ...entry.citation, n: i + 1 } }));
  }
}
