// What's new reaches people: when the served base changes (a moderator's edit, a reviewed file
// reload), each fact added or changed in what it tells readers is posted once to the channels that
// adapters registered (TELEGRAM_ANNOUNCE_CHAT, DISCORD_ANNOUNCE_CHANNEL). The diff is taken between
// the two snapshots the core served, so the same edit seen twice (written, then reloaded from the
// file) is one change, and a retired fact is never announced.
import { isDeepStrictEqual } from 'node:util';
import type { AnswerOk } from './answer.js';
import { ANNOUNCE } from './config/defaults.js';
import type { FactBase } from './knowledge/parse.js';
import type { Fact } from './knowledge/schema.js';
import type { Logger } from './logger.js';

export type AnnouncementKind = 'added' | 'updated';

export interface Announcement {
  kind: AnnouncementKind;
  /** The fact as it is now served, laid out like any answer. */
  answer: AnswerOk;
}

/** A channel news is posted to; each adapter lays the announcement out in its platform's format. */
export interface AnnounceTarget {
  readonly name: string;
  post(announcement: Announcement): Promise<void>;
  /** One line for the facts beyond ANNOUNCE.maxPerChange in one change. */
  postMore(count: number): Promise<void>;
}

/** What a reader is told: phrasings, tags and ids are not news. */
const TOLD: readonly (keyof Fact)[] = ['answer', 'caveat', 'sources', 'asOf', 'timeline'];

/** Facts active after the change that are new to readers, or tell them something else now. */
export function changedFacts(before: FactBase, after: FactBase): { kind: AnnouncementKind; fact: Fact }[] {
  const previous = new Map(before.facts.map((f) => [f.id, f]));
  const changes: { kind: AnnouncementKind; fact: Fact }[] = [];
  for (const fact of after.facts) {
    if (fact.status !== 'active') continue;
    const old = previous.get(fact.id);
    if (!old || old.status !== 'active') changes.push({ kind: 'added', fact });
    else if (TOLD.some((key) => !isDeepStrictEqual(old[key], fact[key]))) changes.push({ kind: 'updated', fact });
  }
  return changes;
}

/**
 * Posts each change to every target, in order, one post at a time (the adapters' own queues keep
 * within each platform's limits). A failed post is logged, never thrown: an announcement must not
 * undo or hold up the edit that caused it.
 */
export class Announcer {
  readonly #targets = new Set<AnnounceTarget>();
  #queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly logger: Logger,
    private readonly answerFact: (factId: string) => AnswerOk | undefined,
  ) {}

  /** Adds a channel; the returned function removes it (when its adapter stops). */
  add(target: AnnounceTarget): () => void {
    this.#targets.add(target);
    return () => this.#targets.delete(target);
  }

  /** Called with the base before and after each change the core serves. Resolves when posted. */
  changed(before: FactBase, after: FactBase): Promise<void> {
    if (this.#targets.size === 0) return this.#queue;
    const changes = changedFacts(before, after);
    if (changes.length === 0) return this.#queue;
    const shown = changes.slice(0, ANNOUNCE.maxPerChange);
    const more = changes.length - shown.length;
    const targets = [...this.#targets];
    this.#queue = this.#queue.then(async () => {
      for (const { kind, fact } of shown) {
        const answer = this.answerFact(fact.id);
        if (!answer) continue;
        for (const target of targets) await this.#attempt(target, fact.id, () => target.post({ kind, answer }));
      }
      if (more > 0) for (const target of targets) await this.#attempt(target, `${more} more`, () => target.postMore(more));
    });
    return this.#queue;
  }

  /** Resolves when every announcement asked for so far has been posted or given up. */
  settled(): Promise<void> {
    return this.#queue;
  }

  async #attempt(target: AnnounceTarget, what: string, post: () => Promise<void>): Promise<void> {
    try {
      await post();
      this.logger.info({ target: target.name, fact: what }, 'announced a fact-base change');
    } catch (err) {
      this.logger.error({ err, target: target.name, fact: what }, 'could not announce a fact-base change');
    }
  }
}
