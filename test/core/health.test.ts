import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BotCore } from '../../src/core.js';
import { HealthBoard, serveHealth } from '../../src/health.js';
import { FIXTURE_KNOWLEDGE, loadBase } from '../helpers.js';

let close: (() => void) | undefined;
afterEach(() => close?.());

describe('the health endpoint', () => {
  it('reports each adapter, the fact base and uptime, and 503 once nothing serves', async () => {
    const core = new BotCore(await loadBase(FIXTURE_KNOWLEDGE));
    const board = new HealthBoard(core);
    board.set('telegram', 'running');
    board.set('discord', 'failed');
    const server = await serveHealth(board, 0, '127.0.0.1');
    close = () => server.close();
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;

    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      status: 'ok',
      adapters: { telegram: 'running', discord: 'failed' },
      knowledge: { version: core.base.version, facts: 3 },
    });

    board.set('telegram', 'stopped');
    expect((await fetch(url)).status).toBe(503);
    expect((await fetch(url.replace('/healthz', '/other'))).status).toBe(404);
  });
});
