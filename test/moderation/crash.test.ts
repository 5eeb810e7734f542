import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/knowledge/load.js';
import { KnowledgeStore } from '../../src/knowledge/store.js';
import { copyOfFixtureKnowledge, killMidWrite } from '../helpers.js';

describe('a crash in the middle of a write', () => {
  it('leaves the fact base whole: the old version or the new one, never half of each', async () => {
    const dir = await copyOfFixtureKnowledge();
    for (const delayMs of [200, 600]) {
      await killMidWrite('test/moderation/crash-writer.ts', [dir], delayMs);

      const loaded = await loadFactBase(dir);
      expect(loaded.ok ? [] : loaded.problems).toEqual([]);
      if (!loaded.ok) return;
      expect(loaded.base.facts.find((f) => f.id === 'round-two-duration')?.answer).toMatch(/^(The second round|Version \d+\.)/);
    }
    // The audit log may end in a torn line; it still reads, and the next write appends cleanly.
    const store = new KnowledgeStore(dir);
    const entries = await store.audit.readAll();
    expect(entries.length).toBeGreaterThan(0);
    // Leftover temporary files are hidden, so the loader and watcher never read them.
    expect((await readdir(path.join(dir, 'facts'))).filter((f) => !f.startsWith('.')).sort()).toEqual(['rounds.yaml']);
  }, 30_000);
});
