// `npm run kb:fingerprints [id…]`: each fact's id and the fingerprint of its English answer and
// caveat, which a translation records in `from:` when it is made (or renewed).
import { loadFactBase } from '../knowledge/load.js';
import { formatProblem } from '../knowledge/parse.js';
import { englishFingerprint } from '../knowledge/translation.js';

const ids = new Set(process.argv.slice(2));
const result = await loadFactBase(process.env.KNOWLEDGE_DIR ?? 'knowledge');
if (!result.ok) {
  for (const p of result.problems) console.error(formatProblem(p));
  process.exit(1);
}
for (const fact of result.base.facts) {
  if (ids.size === 0 || ids.has(fact.id)) console.log(`${fact.id} ${englishFingerprint(fact)}`);
}
