import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BotCore } from '../../src/core.js';
import { factBaseCheck, HealthBoard, serveHealth } from '../../src/health.js';
import type { KnowledgeProblem } from '../../src/knowledge/parse.js';
import { FIXTURE_KNOWLEDGE, loadBase } from '../helpers.js';

let core: BotCore;
let board: HealthBoard;
let url: string;
let close: (() => void) | undefined;

beforeEach(async () => {
  core = new BotCore(await loadBase(FIXTURE_KNOWLEDGE));
  board = new HealthBoard(core);
  const server = await serveHealth(board, 0, '127.0.0.1');
  close = () => server.close();
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
});
afterEach(() => {
  close?.();
  vi.useRealTimers();
});

async function healthz(): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('the health endpoint', () => {
  it('is ok (200) with every adapter serving and no check finding anything, and reports the fact base and uptime', async () => {
    board.set('telegram', 'running');
    board.set('discord', 'running');
    board.addCheck('data folder', () => Promise.resolve(undefined));

    const { status, body } = await healthz();
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      adapters: { telegram: 'running', discord: 'running' },
      problems: [],
      knowledge: { version: core.base.version, facts: 3 },
      uptimeSeconds: expect.any(Number),
    });
    expect((await fetch(url.replace('/healthz', '/other'))).status).toBe(404);
  });

  it('is degraded (still 200) when a check gives a reason, listing each problem by its check', async () => {
    board.set('telegram', 'running');
    board.addCheck('data folder', () => Promise.resolve('DATA_DIR (/srv/data) cannot be written (EROFS)'));
    board.addCheck('fact base', () => Promise.resolve(undefined));
    board.addCheck('database', () => Promise.resolve('unreachable'));

    const { status, body } = await healthz();
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'degraded',
      problems: [
        { check: 'data folder', reason: 'DATA_DIR (/srv/data) cannot be written (EROFS)' },
        { check: 'database', reason: 'unreachable' },
      ],
    });
  });

  it('is unavailable (503) when no adapter serves, or when one has failed though another serves', async () => {
    board.set('telegram', 'starting');
    expect(await healthz()).toMatchObject({ status: 503, body: { status: 'unavailable' } });

    board.set('telegram', 'running');
    board.set('discord', 'failed');
    expect(await healthz()).toMatchObject({ status: 503, body: { status: 'unavailable', adapters: { telegram: 'running', discord: 'failed' } } });

    board.set('discord', 'running');
    expect(await healthz()).toMatchObject({ status: 200, body: { status: 'ok' } });
    board.set('telegram', 'stopped');
    board.set('discord', 'stopped');
    expect(await healthz()).toMatchObject({ status: 503, body: { status: 'unavailable' } });
  });

  it('counts a check that throws or does not answer in time as a problem, without its message', async () => {
    board.set('telegram', 'running');
    board.addCheck('throws', () => Promise.reject(Object.assign(new Error('connect to postgres://bot:secret@db failed'), { code: 'ECONNREFUSED' })));
    board.addCheck('hangs', () => new Promise<undefined>(() => {}));
    vi.useFakeTimers();

    const report = board.report();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await report).toMatchObject({
      status: 'degraded',
      problems: [
        { check: 'throws', reason: 'the check failed (ECONNREFUSED)' },
        { check: 'hangs', reason: 'no answer within 2 s' },
      ],
    });
    expect(JSON.stringify(await report)).not.toContain('secret');
  });
});

describe('the fact-base check', () => {
  it('says how many problems the refused change on disk has and which version is still served', async () => {
    const watcher = { problems: [] as KnowledgeProblem[] };
    const check = factBaseCheck(watcher, core);
    expect(await check()).toBeUndefined();

    watcher.problems = [{ file: 'facts/a.yaml', message: 'bad' }, { file: 'facts/b.yaml', message: 'worse' }];
    expect(await check()).toBe(`the fact base on disk has 2 problems (npm run kb:check lists them); still serving version ${core.base.version}`);
    watcher.problems = watcher.problems.slice(0, 1);
    expect(await check()).toMatch(/^the fact base on disk has 1 problem \(/);
  });
});
