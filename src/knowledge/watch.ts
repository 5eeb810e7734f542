// Live reload: a saved change to knowledge/ is served within about a second, without a restart.
// A change that does not validate is refused as a whole and the last good base keeps serving, so a
// typo or an editor's half-written save never takes the bot down.
import { watch, type FSWatcher } from 'node:fs';
import { RELOAD } from '../config/defaults.js';
import type { BotCore } from '../core.js';
import type { Logger } from '../logger.js';
import { loadFactBase } from './load.js';
import { formatProblem, type KnowledgeProblem, type ParseResult } from './parse.js';
import { AUDIT_FILE } from './store.js';

export type ReloadOutcome = { status: 'reloaded'; version: string } | { status: 'unchanged' } | { status: 'rejected'; problems: KnowledgeProblem[] };

export class KnowledgeWatcher {
  #watcher: FSWatcher | undefined;
  #unfollow: Promise<() => void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<ReloadOutcome> | undefined;
  #again = false;
  /** Problems of the newest change on disk that was refused; empty when disk and bot agree. */
  problems: KnowledgeProblem[] = [];

  constructor(
    private readonly dir: string,
    private readonly core: BotCore,
    private readonly logger: Logger,
    private readonly debounceMs: number = RELOAD.debounceMs,
    /** How the base is read: the folder alone by default; with a shared database, the folder and its recorded changes. */
    private readonly load: () => Promise<ParseResult> = () => loadFactBase(dir),
    /** Where changes made elsewhere come from (other replicas' edits): calls `reload` for each; returns how to stop. */
    private readonly follow?: (reload: () => void) => Promise<() => void>,
  ) {}

  start(): void {
    this.#watcher = watch(this.dir, { recursive: true }, (_event, name) => {
      if (name && !isWatched(String(name))) return;
      clearTimeout(this.#timer);
      // Editors save in bursts (temp file, rename, chmod): wait for the burst to settle.
      this.#timer = setTimeout(() => void this.reload(), this.debounceMs);
    });
    this.#watcher.on('error', (err) => this.logger.error({ err, dir: this.dir }, 'watching the fact base failed; live reload is off'));
    const reloadQuietly = () =>
      void this.reload().catch((err: unknown) => this.logger.warn({ err }, 'could not read the fact base with the other replicas’ changes; still serving the last good version'));
    this.#unfollow = this.follow?.(reloadQuietly).catch((err: unknown) => {
      this.logger.error({ err }, "following the other replicas' fact-base changes failed; they reach this one at its next restart");
      return () => {};
    });
  }

  close(): void {
    clearTimeout(this.#timer);
    this.#watcher?.close();
    void this.#unfollow?.then((stop) => stop());
  }

  /** Loads the folder now and swaps it in if it validates. Overlapping calls run one after another. */
  async reload(): Promise<ReloadOutcome> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#load();
    try {
      let outcome = await this.#running;
      while (this.#again) {
        this.#again = false;
        outcome = await this.#load();
      }
      return outcome;
    } finally {
      this.#running = undefined;
    }
  }

  async #load(): Promise<ReloadOutcome> {
    const result = await this.load();
    if (!result.ok) {
      this.problems = result.problems;
      this.logger.warn(
        { problems: result.problems.map(formatProblem), serving: this.core.base.version },
        'fact base change refused; still serving the last good version',
      );
      return { status: 'rejected', problems: result.problems };
    }
    this.problems = [];
    if (result.base.version === this.core.base.version) return { status: 'unchanged' };
    this.core.replace(result.base);
    this.logger.info({ version: result.base.version, facts: result.base.facts.length }, 'fact base reloaded');
    return { status: 'reloaded', version: result.base.version };
  }
}

function isWatched(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base !== AUDIT_FILE && !base.startsWith('.') && !base.endsWith('~');
}
