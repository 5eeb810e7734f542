// `npm run kb:check`: validates the fact base alone and exits non-zero on any problem.
import 'dotenv/config';
import { loadConfig } from '../config/env.js';
import { loadFactBase } from '../knowledge/load.js';
import { formatProblem } from '../knowledge/parse.js';

const dir = process.argv[2] ?? loadConfig().KNOWLEDGE_DIR;
const result = await loadFactBase(dir);
if (result.ok) {
  const active = result.base.facts.filter((f) => f.status === 'active').length;
  const sources = new Set(result.base.facts.flatMap((f) => f.sources.map((s) => s.url ?? s.title))).size;
  console.log(`${dir}/ is valid: ${result.base.facts.length} facts (${active} active), ${sources} sources, version ${result.base.version}.`);
} else {
  for (const p of result.problems) console.error(formatProblem(p));
  console.error(`${result.problems.length} problem(s) in ${dir}/.`);
  process.exitCode = 1;
}
