// Child process for the crash test: edits one fact as fast as it can until it is killed.
import { factKey, KnowledgeStore } from '../../src/knowledge/store.js';

const store = new KnowledgeStore(process.argv[2] ?? '');
const actor = { platform: 'console', id: 'crash', name: 'crash-writer' };
for (let n = 1; ; n++) {
  const loaded = await store.load();
  if (!loaded.ok) throw new Error('the fact base broke while writing');
  const fact = loaded.base.facts.find((f) => f.id === 'round-two-duration');
  if (!fact) throw new Error('the fact vanished');
  // A long answer makes each write slow enough for the kill to land mid-write.
  await store.put({ ...fact, answer: `Version ${n}. ${'x'.repeat(50_000)}` }, actor, 'edit', factKey(fact));
  // Told after the first write, so the kill lands while later writes are under way.
  if (n === 1) process.stdout.write('ready\n');
}
