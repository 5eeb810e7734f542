// `npm run kb:check`: validates the fact base alone and exits non-zero on any problem.
import 'dotenv/config';
import { loadConfig } from '../config/env.js';
import { loadFactBase } from '../knowledge/load.js';
import { formatProblem } from '../knowledge/parse.js';
import { translationGaps } from '../knowledge/translation.js';

const dir = process.argv[2] ?? loadConfig().KNOWLEDGE_DIR;
const result = await loadFactBase(dir);
if (result.ok) {
  const active = result.base.facts.filter((f) => f.status === 'active').length;
  const sources = new Set(result.base.facts.flatMap((f) => f.sources.map((s) => s.url ?? s.title))).size;
  console.log(`${dir}/ is valid: ${result.base.facts.length} facts (${active} active), ${sources} sources, version ${result.base.version}.`);
  // Not problems: an English edit leaves its translations stale until a translator renews them,
  // and the bot serves the English answer meanwhile. Named so translators know what to do.
  for (const { language, missing, stale } of translationGaps(result.base.facts, result.base.translations)) {
    const translated = active - missing.length - stale.length;
    console.log(`${language}: ${translated} of ${active} active facts translated and current; ${missing.length} missing, ${stale.length} older than their English.`);
    if (missing.length > 0) console.log(`  missing: ${missing.join(', ')}`);
    if (stale.length > 0) console.log(`  older than the English (renew, then set "from" to npm run kb:fingerprints ID): ${stale.join(', ')}`);
  }
} else {
  for (const p of result.problems) console.error(formatProblem(p));
  console.error(`${result.problems.length} problem(s) in ${dir}/.`);
  process.exitCode = 1;
}
