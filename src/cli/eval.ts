// `npm run eval`: scores the bot on the project's own question sets (test/eval/*.jsonl) and, where
// a ../shared/eval folder sits beside the project, on those too. `--misses` lists every miss with
// the fact that answered; `npm run eval -- FILE…` scores just those files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BotCore } from '../core.js';
import { askOf, parseEvalSet, rates, scoreSet, type Miss } from '../evaluation.js';
import { loadFactBase } from '../knowledge/load.js';
import { formatProblem } from '../knowledge/parse.js';

const OWN_SETS = 'test/eval';
const SHARED_SETS = '../shared/eval';

function setsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => path.join(dir, f));
}

function describe(miss: Miss): string {
  const r = miss.result;
  const got = r.kind === 'answer' ? `${r.factId} (${Math.round(r.confidence * 100)}%)` : `${r.kind} (${Math.round(r.confidence * 100)}%)`;
  const want = miss.case.expect === null ? 'decline' : JSON.stringify(miss.case.expect);
  return `  - ${miss.why}: ${miss.case.q}\n      want ${want}; got ${got}`;
}

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const files = args.filter((a) => !a.startsWith('--'));
const sets = files.length > 0 ? files : [...setsIn(OWN_SETS), ...setsIn(SHARED_SETS)];

const loaded = await loadFactBase('knowledge');
if (!loaded.ok) {
  for (const p of loaded.problems) console.error(formatProblem(p));
  process.exit(1);
}
for (const file of sets) {
  // A core of its own per set, so no conversation carries over from one set to the next.
  const core = new BotCore(loaded.base);
  const cases = parseEvalSet(readFileSync(file, 'utf8'), file);
  const score = scoreSet(cases, (c) => core.answer(askOf(c)));
  const { answered, refused } = rates(score);
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  console.log(
    `${file}: ${pct(answered)} answered right (${score.answeredRight}/${score.answerable}), ${pct(refused)} declined right (${score.refusedRight}/${score.unanswerable}), ${score.wrong} wrong`,
  );
  if (showMisses) for (const miss of score.misses) console.log(describe(miss));
}
