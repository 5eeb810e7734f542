import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { BotCore } from '../../src/core.js';
import { KnowledgeWatcher } from '../../src/knowledge/watch.js';
import { copyOfFixtureKnowledge, loadBase } from '../helpers.js';
import { answered } from '../../src/answer.js';

const silent = pino({ level: 'silent' });
let watcher: KnowledgeWatcher | undefined;
afterEach(() => watcher?.close());

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for the reload');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('live reload of the fact base', () => {
  it('serves a saved change without a restart, refuses a broken save, and takes the fix', async () => {
    const dir = await copyOfFixtureKnowledge();
    const core = new BotCore(await loadBase(dir));
    watcher = new KnowledgeWatcher(dir, core, silent, 50);
    watcher.start();
    const file = path.join(dir, 'facts/rounds.yaml');
    const original = await readFile(file, 'utf8');
    const answerText = () => answered(core.answer({ factId: 'round-two-duration' }))?.text;

    await writeFile(file, original.replace('The second round lasted a little over an hour.', 'Edited on disk.'));
    await until(() => answerText() === 'Edited on disk.');

    await writeFile(file, original.replace('url: https://example.com/second', 'url: nope').replace('a little over an hour', 'BROKEN'));
    await until(() => (watcher?.problems.length ?? 0) > 0);
    expect(answerText()).toBe('Edited on disk.');
    expect(watcher.problems[0]).toMatchObject({ factId: 'round-two-duration', field: 'sources[0].url' });

    await writeFile(file, original);
    await until(() => answerText() === 'The second round lasted a little over an hour.');
    expect(watcher.problems).toEqual([]);
  });

  it('keeps serving when a file is half written', async () => {
    const dir = await copyOfFixtureKnowledge();
    const core = new BotCore(await loadBase(dir));
    watcher = new KnowledgeWatcher(dir, core, silent, 50);
    const file = path.join(dir, 'facts/rounds.yaml');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.slice(0, Math.floor(original.length / 2)));
    const outcome = await watcher.reload();
    expect(outcome.status).toBe('rejected');
    expect(answered(core.answer({ factId: 'round-three-duration' }))?.text).toBe('The third round lasted about 40 minutes.');
  });

  it('ignores editors’ temporary files', async () => {
    const dir = await copyOfFixtureKnowledge();
    const core = new BotCore(await loadBase(dir));
    watcher = new KnowledgeWatcher(dir, core, silent, 50);
    await writeFile(path.join(dir, 'facts/.rounds.yaml.swp'), 'garbage: [');
    await writeFile(path.join(dir, 'facts/rounds.yaml~'), 'garbage: [');
    expect((await watcher.reload()).status).toBe('unchanged');
  });
});
