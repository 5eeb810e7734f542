// Optional GET /healthz for systemd or Kubernetes probes: each adapter's state, the checks that
// found something wrong, the fact base's version and size, and uptime.
// - unavailable (503): no adapter serves, or one has failed: a platform is down, so a probe should alert.
// - degraded (200): every adapter serves but a check found a problem (the data folder cannot be
//   written, the fact base on disk was refused…): members are still answered, an operator should look.
// - ok (200): nothing to report.
import { createServer, type Server } from 'node:http';
import type { BotCore } from './core.js';
import type { KnowledgeWatcher } from './knowledge/watch.js';

export type AdapterState = 'starting' | 'running' | 'failed' | 'stopping' | 'stopped';
export type HealthStatus = 'ok' | 'degraded' | 'unavailable';

/** Resolves with why something the bot relies on is not right (one line for an operator), or undefined when it is. */
export type HealthCheck = () => Promise<string | undefined>;

export interface HealthProblem {
  check: string;
  reason: string;
}

/** A check that has not answered by then counts as a problem: a probe must get its answer in time. */
const CHECK_MS = 2_000;

export class HealthBoard {
  readonly #states = new Map<string, AdapterState>();
  readonly #checks = new Map<string, HealthCheck>();
  readonly #started = Date.now();

  constructor(private readonly core: BotCore) {}

  set(adapter: string, state: AdapterState): void {
    this.#states.set(adapter, state);
  }

  get(adapter: string): AdapterState | undefined {
    return this.#states.get(adapter);
  }

  /** Runs `check` at each report; a reason it gives makes the report degraded and is listed under its name. */
  addCheck(name: string, check: HealthCheck): void {
    this.#checks.set(name, check);
  }

  async report() {
    const states = [...this.#states.values()];
    const problems = await this.#problems();
    const status: HealthStatus = !states.includes('running') || states.includes('failed') ? 'unavailable' : problems.length > 0 ? 'degraded' : 'ok';
    return {
      status,
      adapters: Object.fromEntries(this.#states),
      problems,
      knowledge: { version: this.core.base.version, facts: this.core.base.facts.filter((f) => f.status === 'active').length },
      uptimeSeconds: Math.round((Date.now() - this.#started) / 1000),
    };
  }

  async #problems(): Promise<HealthProblem[]> {
    const results = await Promise.all([...this.#checks].map(async ([check, run]) => ({ check, reason: await answerOf(run) })));
    return results.filter((result): result is HealthProblem => result.reason !== undefined);
  }
}

/** The check's answer; one that throws or hangs is a problem too, not a broken report. */
async function answerOf(check: HealthCheck): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`no answer within ${CHECK_MS / 1000} s`), CHECK_MS)));
  try {
    return await Promise.race([check(), late]);
  } catch (err) {
    // Its code or kind only: the endpoint is unauthenticated, and a library's message may quote a setting.
    const code = (err as { code?: unknown }).code;
    return `the check failed (${typeof code === 'string' ? code : err instanceof Error ? err.name : 'unknown error'})`;
  } finally {
    clearTimeout(timer);
  }
}

/** A change on disk that did not validate: the bot serves its last good version, so the folder and the bot disagree. */
export function factBaseCheck(watcher: Pick<KnowledgeWatcher, 'problems'>, core: BotCore): HealthCheck {
  return () => {
    const count = watcher.problems.length;
    if (count === 0) return Promise.resolve(undefined);
    return Promise.resolve(`the fact base on disk has ${count} problem${count === 1 ? '' : 's'} (npm run kb:check lists them); still serving version ${core.base.version}`);
  };
}

export function serveHealth(board: HealthBoard, port: number, host = '0.0.0.0'): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/healthz') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found; try GET /healthz"}');
      return;
    }
    void board.report().then((report) => {
      res.writeHead(report.status === 'unavailable' ? 503 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(report));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
