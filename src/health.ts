// Optional GET /healthz for systemd or Kubernetes probes: each adapter's state, the fact base's
// version and size, and uptime. 200 while at least one adapter serves, 503 otherwise.
import { createServer, type Server } from 'node:http';
import type { BotCore } from './core.js';

export type AdapterState = 'starting' | 'running' | 'failed' | 'stopping' | 'stopped';

export class HealthBoard {
  readonly #states = new Map<string, AdapterState>();
  readonly #started = Date.now();

  constructor(private readonly core: BotCore) {}

  set(adapter: string, state: AdapterState): void {
    this.#states.set(adapter, state);
  }

  get(adapter: string): AdapterState | undefined {
    return this.#states.get(adapter);
  }

  report() {
    const adapters = Object.fromEntries(this.#states);
    const serving = [...this.#states.values()].includes('running');
    return {
      status: serving ? 'ok' : 'unavailable',
      adapters,
      knowledge: { version: this.core.base.version, facts: this.core.base.facts.filter((f) => f.status === 'active').length },
      uptimeSeconds: Math.round((Date.now() - this.#started) / 1000),
    };
  }
}

export function serveHealth(board: HealthBoard, port: number, host = '0.0.0.0'): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/healthz') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found; try GET /healthz"}');
      return;
    }
    const report = board.report();
    res.writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(report));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
