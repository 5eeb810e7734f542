// Child process for the cross-process test: edits one fact `count` times, each from a fresh read of
// the files, and counts the times its own previous write had been overwritten by someone else.
import { createInterface } from 'node:readline';
import { factKey, KnowledgeStore } from '../../src/knowledge/store.js';

const [dir = '', factId = '', tag = '', count = '0'] = process.argv.slice(2);
const store = new KnowledgeStore(dir);
const actor = { platform: 'console', id: tag, name: tag };
const result = { saved: 0, refused: 0, lost: 0 };

// Both writers start on the same signal, so their writes overlap.
process.stdout.write('ready\n');
for await (const _line of createInterface({ input: process.stdin })) break;

let mine: string | undefined;
for (let n = 1; n <= Number(count); n++) {
  const loaded = await store.load();
  if (!loaded.ok) throw new Error('the fact base broke while writing');
  const fact = loaded.base.facts.find((f) => f.id === factId);
  if (!fact) throw new Error(`the fact ${factId} vanished`);
  if (mine !== undefined && fact.answer !== mine) result.lost += 1;
  const answer = `${tag} version ${n}.`;
  const written = await store.put({ ...fact, answer }, actor, 'edit', factKey(fact));
  if (written.ok) {
    result.saved += 1;
    mine = answer;
  } else result.refused += 1;
}
process.stdout.write(`${JSON.stringify(result)}\n`);
