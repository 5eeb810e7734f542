import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { KnowledgeStore } from '../../src/knowledge/store.js';
import { copyOfFixtureKnowledge, loadBase, ROOT } from '../helpers.js';

const WRITES = 40;

interface WriterResult {
  saved: number;
  refused: number;
  lost: number;
}

/** Starts a race writer; `go` lets it start writing, `done` settles with what it reports. */
function startWriter(dir: string, factId: string, tag: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/moderation/race-writer.ts', dir, factId, tag, String(WRITES)], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  const ready = new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => {
    out += String(chunk);
    if (out.includes('ready\n')) resolve();
  }));
  const done = new Promise<WriterResult>((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '') as WriterResult) : reject(new Error(`${tag} exited ${code}`)))),
  );
  return { ready, done, go: () => child.stdin.end('go\n') };
}

describe('two processes editing the same fact file', () => {
  it('keep every write either of them saved: neither overwrites the other’s change', async () => {
    const dir = await copyOfFixtureKnowledge();
    const writers = [startWriter(dir, 'round-two-duration', 'alice'), startWriter(dir, 'round-three-duration', 'bob')];
    await Promise.all(writers.map((w) => w.ready));
    for (const w of writers) w.go();
    const [alice, bob] = await Promise.all(writers.map((w) => w.done));

    expect(alice).toEqual({ saved: WRITES, refused: 0, lost: 0 });
    expect(bob).toEqual({ saved: WRITES, refused: 0, lost: 0 });
    const facts = (await loadBase(dir)).facts;
    expect(facts.find((f) => f.id === 'round-two-duration')?.answer).toBe(`alice version ${WRITES}.`);
    expect(facts.find((f) => f.id === 'round-three-duration')?.answer).toBe(`bob version ${WRITES}.`);
    expect(await new KnowledgeStore(dir).audit.readAll()).toHaveLength(2 * WRITES);
  }, 60_000);
});
