// `npm run bench [-- --sizes 1000,10000] [-- --json] [-- --skip-fuse]`: the matcher against plain
// fuse.js on synthetic fact bases, in one process and one run, so both meet the same machine in the
// same state. Prints one table; with --json, one JSON object last on standard output. --skip-fuse
// leaves plain fuse.js out (no speed-up, no fuse.js rows): for a quick look at the matcher's own
// figures, since fuse.js takes over 20 minutes at 100,000 facts; figures against targets come from
// a run with it.
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { AnswerResult } from '../src/answer.js';
import { BotCore } from '../src/core.js';
import type { FactBase } from '../src/knowledge/parse.js';
import { createMatcher } from '../src/matching/matcher.js';
import { createBaseline } from './baseline.js';
import { measureStartAndMemory } from './cold-start.js';
import { createRandom, generateBase, generateQueries, QUERY_LANGUAGES, SEED, type LabelledQuery, type QueryLanguage } from './synthetic.js';

/** Questions of each kind (five on-topic kinds, one off-topic) per size. */
const PER_KIND = 100;
/**
 * Plain Fuse, over every phrasing in three languages, takes seconds a question at 1,000 facts, half
 * a minute at 10,000 and minutes at 100,000: it answers a sample of the questions spread over kinds
 * and languages (sampleOf), as many as fit in this time by its speed on up to three warm-up ones
 * (fewer once they took BASELINE_WARM_UP_MS), but never fewer than one of each kind, two of each
 * language. The table says how many, and what the matcher scores on them.
 */
const BASELINE_BUDGET_MS = 120_000;
const BASELINE_MIN_SAMPLE = 6;
const BASELINE_WARM_UP_MS = 10_000;
const WARM_UP_PER_KIND = 30;
const EDITS = 20;
const RSS_FACTS = 10_000;

// A heap figure means little without a collection first; this exposes gc() without asking every
// caller to remember `node --expose-gc`.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

interface Verdict {
  /** The fact offered first (as the answer or as the first "did you mean"), or null. */
  first: string | null;
  /** True unless the question was answered outright. */
  declined: boolean;
}

interface Searcher<T> {
  /** The part that is timed. */
  search(question: string): T;
  /** What the user was offered, read from the search's result or found out untimed. */
  verdict(question: string, found: T): Verdict;
}

interface Figures {
  p50Us: number;
  p99Us: number;
  qps: number;
  /** On-topic questions whose right fact was offered first. */
  top1: number;
  /** On-topic questions answered outright with the right fact. */
  answered: number;
  /** Off-topic questions declined. */
  declined: number;
  /** top-1 of the on-topic questions in each language; null for a language none was asked in. */
  top1ByLanguage: Record<QueryLanguage, number | null>;
  queries: number;
}

interface Row {
  facts: number;
  buildMs: number;
  heapMb: number;
  editMs: number;
  matcher: Figures;
  /** The matcher's figures on just the questions the baseline answered, when it answered a sample. */
  matcherOnSample: Figures;
  /** p99 of the bot's whole answer (BotCore.answer): the matcher plus laying out the result. */
  answerP99Us: number;
  /** Plain fuse.js's figures, and the matcher's q/s over its; absent with --skip-fuse. */
  baseline?: Figures & { buildMs: number; heapMb: number };
  speedup?: number;
}

/** The JavaScript heap and the typed arrays' memory outside it (counted in `external`). */
function heapUsed(): number {
  gc();
  const { heapUsed: heap, external } = process.memoryUsage();
  return heap + external;
}

/** Builds something, timing it and weighing what it keeps on the heap. */
function built<T>(build: () => T): { value: T; ms: number; mb: number } {
  const before = heapUsed();
  const started = performance.now();
  const value = build();
  const ms = performance.now() - started;
  return { value, ms, mb: (heapUsed() - before) / 2 ** 20 };
}

interface Outcome {
  query: LabelledQuery;
  us: number;
  first: string | null;
  declined: boolean;
}

function run<T>(searcher: Searcher<T>, queries: readonly LabelledQuery[]): Outcome[] {
  return queries.map((query) => {
    const started = performance.now();
    const found = searcher.search(query.text);
    const us = (performance.now() - started) * 1000;
    return { query, us, ...searcher.verdict(query.text, found) };
  });
}

function figuresOf(outcomes: readonly Outcome[]): Figures {
  const onTopic = outcomes.filter((o) => o.query.expect !== null);
  const offTopic = outcomes.filter((o) => o.query.expect === null);
  const share = (part: readonly Outcome[], whole: readonly Outcome[]) => part.length / Math.max(1, whole.length);
  const times = outcomes.map((o) => o.us).sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return {
    p50Us: at(0.5),
    p99Us: at(0.99),
    qps: outcomes.length / (times.reduce((sum, us) => sum + us, 0) / 1e6),
    top1: share(onTopic.filter((o) => o.first === o.query.expect), onTopic),
    answered: share(onTopic.filter((o) => o.first === o.query.expect && !o.declined), onTopic),
    declined: share(offTopic.filter((o) => o.declined), offTopic),
    top1ByLanguage: Object.fromEntries(
      QUERY_LANGUAGES.map((language) => {
        const asked = onTopic.filter((o) => o.query.language === language);
        return [language, asked.length === 0 ? null : share(asked.filter((o) => o.first === o.query.expect), asked)];
      }),
    ) as Record<QueryLanguage, number | null>,
    queries: outcomes.length,
  };
}

/**
 * `count` of the questions, spread over kinds and languages alike: round r takes the next question
 * of each kind, each kind's language turning with r (the first kind's English, Ukrainian, Russian,
 * the second's Ukrainian, Russian, English…). Six questions hold every kind once and every language
 * twice; eighteen, every kind in every language.
 */
function sampleOf(queries: readonly LabelledQuery[], count: number): LabelledQuery[] {
  if (count >= queries.length) return [...queries];
  const kinds = [...new Set(queries.map((q) => q.kind))];
  const groups = new Map<string, LabelledQuery[]>();
  for (const q of queries) {
    const key = `${q.kind}/${q.language}`;
    groups.set(key, [...(groups.get(key) ?? []), q]);
  }
  const sample: LabelledQuery[] = [];
  for (let r = 0; sample.length < count && r < 3 * queries.length; r++) {
    kinds.forEach((kind, k) => {
      const next = groups.get(`${kind}/${QUERY_LANGUAGES[(k + r) % QUERY_LANGUAGES.length]}`)?.[Math.floor(r / QUERY_LANGUAGES.length)];
      if (next && sample.length < count) sample.push(next);
    });
  }
  return sample;
}

function verdictOf(result: AnswerResult): Verdict {
  if (result.kind === 'answer') return { first: result.factId, declined: false };
  return { first: result.kind === 'ambiguous' ? (result.suggestions[0]?.factId ?? null) : null, declined: true };
}

/** Median time for BotCore.replace to take in a base where one fact's answer and phrasings changed. */
function editTime(core: BotCore, base: FactBase): number {
  const random = createRandom(SEED);
  let facts = [...base.facts];
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const at = random.int(facts.length);
    const old = facts[at];
    if (!old) continue;
    facts = facts.with(at, { ...old, answer: `${old.answer} Revised ${i}.`, questions: [...old.questions, `What changed in the revision number ${i}?`] });
    const next = { ...base, facts };
    const started = performance.now();
    core.replace(next);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

function measure(size: number, log: (line: string) => void, withFuse: boolean): Row {
  const base = generateBase(size);
  const queries = generateQueries(base, PER_KIND);
  // Other questions than the timed ones, enough of each kind for every code path to be compiled.
  const warmUp = generateQueries(base, WARM_UP_PER_KIND, SEED + 1);

  log(`${size} facts: building the matcher`);
  // The matcher is timed on its own, built as BotCore builds it (each fact indexed with its
  // Ukrainian and Russian phrasings and answers); the bot's answers, built on an identical one, say
  // what the user was offered.
  const matcher = built(() => createMatcher(base));
  const core = new BotCore(base);
  const matcherSearcher: Searcher<unknown> = { search: (q) => matcher.value.match(q), verdict: (q) => verdictOf(core.answer(q)) };
  run(matcherSearcher, warmUp);
  const outcomes = run(matcherSearcher, queries);
  const endToEnd = figuresOf(run({ search: (q) => core.answer(q), verdict: (_, result: AnswerResult) => verdictOf(result) }, queries));
  const editMs = editTime(core, base);
  const figures = figuresOf(outcomes);
  const row = { facts: size, buildMs: matcher.ms, heapMb: matcher.mb, editMs, matcher: figures, matcherOnSample: figures, answerP99Us: endToEnd.p99Us };
  if (!withFuse) return row;

  // Plain fuse.js over the same phrasings, translations' included.
  const fuse = built(() => createBaseline(base));
  const baselineAnswerer: Searcher<string | null> = {
    search: (q) => fuse.value.answer(q),
    verdict: (_, first) => ({ first, declined: first === null }),
  };
  const warm: Outcome[] = [];
  for (const question of sampleOf(warmUp, 3)) {
    warm.push(...run(baselineAnswerer, [question]));
    if (warm.reduce((sum, o) => sum + o.us, 0) / 1000 > BASELINE_WARM_UP_MS) break;
  }
  const perQueryMs = Math.max(...warm.map((o) => o.us)) / 1000;
  const sample = sampleOf(queries, Math.max(BASELINE_MIN_SAMPLE, Math.floor(BASELINE_BUDGET_MS / perQueryMs)));
  log(`${size} facts: plain fuse.js over ${sample.length} of the ${queries.length} questions`);
  const baseline = { ...figuresOf(run(baselineAnswerer, sample)), buildMs: fuse.ms, heapMb: fuse.mb };
  const inSample = new Set(sample);
  return { ...row, matcherOnSample: figuresOf(outcomes.filter((o) => inSample.has(o.query))), baseline, speedup: figures.qps / baseline.qps };
}

function table(rows: readonly Row[]): string {
  const head = ['facts', 'searcher', 'build ms', 'heap MB', 'edit ms', 'p50 µs', 'p99 µs', 'q/s', 'top-1', 'answered', 'declined', 'speed-up'];
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const num = (x: number, digits = 0) => x.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const speed = (f: Figures) => [num(f.p50Us), num(f.p99Us), num(f.qps)];
  const accuracy = (f: Figures) => [pct(f.top1), pct(f.answered), pct(f.declined)];
  const lines = rows.flatMap((r) => {
    const matcherRow = [num(r.facts), 'matcher', num(r.buildMs), num(r.heapMb, 1), num(r.editMs, 2), ...speed(r.matcher), ...accuracy(r.matcher), r.speedup === undefined ? '' : `${num(r.speedup, 1)}×`];
    if (!r.baseline) return [matcherRow];
    const sampled = r.baseline.queries < r.matcher.queries;
    return [
      matcherRow,
      ['', sampled ? `fuse.js, ${r.baseline.queries} sampled` : 'fuse.js', num(r.baseline.buildMs), num(r.baseline.heapMb, 1), '', ...speed(r.baseline), ...accuracy(r.baseline), ''],
      ...(sampled ? [['', `matcher, same ${r.baseline.queries}`, '', '', '', '', '', '', ...accuracy(r.matcherOnSample), '']] : []),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: readonly string[]) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => `${'-'.repeat(w + 1)}${i < 2 ? '-' : ':'}`).join('|')}|`;
  return [format(head), rule, ...lines.map(format)].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sizes: { type: 'string', default: '100,1000,10000,100000' }, json: { type: 'boolean', default: false }, 'skip-fuse': { type: 'boolean', default: false } },
  });
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes expects whole numbers separated by commas, got "${values.sizes}"`);
  const log = (line: string) => process.stderr.write(`${line}\n`);

  const rows: Row[] = [];
  for (const size of sizes) {
    rows.push(measure(size, log, !values['skip-fuse']));
    gc();
  }
  log(`cold start, and the resident set with ${RSS_FACTS} facts`);
  const processes = await measureStartAndMemory(RSS_FACTS);

  console.log(table(rows));
  console.log(
    `\nCold start (spawn to first answer, bundled base): ${processes.coldStartMs.toFixed(0)} ms. Resident set of \`ask\`: ${processes.rssBundledMb.toFixed(0)} MB ` +
      `with the bundled base, ${processes.rssMb.toFixed(0)} MB with ${processes.rssFacts.toLocaleString('en-GB')} facts loaded.`,
  );
  console.log(`p99 of the bot's whole answer (BotCore.answer): ${rows.map((r) => `${r.answerP99Us.toFixed(0)} µs at ${r.facts.toLocaleString('en-GB')}`).join(', ')}.`);
  const byLanguage = (f: Figures) =>
    QUERY_LANGUAGES.map((l) => {
      const top1 = f.top1ByLanguage[l];
      return `${l} ${top1 === null ? '–' : `${(100 * top1).toFixed(1)}%`}`;
    }).join(', ');
  console.log(`top-1 by language, matcher: ${rows.map((r) => `${byLanguage(r.matcher)} at ${r.facts.toLocaleString('en-GB')}`).join('; ')}.`);
  const withFuse = rows.flatMap((r) => (r.baseline ? [{ facts: r.facts, baseline: r.baseline }] : []));
  if (withFuse.length > 0) console.log(`top-1 by language, fuse.js on its sample: ${withFuse.map((r) => `${byLanguage(r.baseline)} at ${r.facts.toLocaleString('en-GB')}`).join('; ')}.`);
  console.log(
    `${PER_KIND} questions of each kind per size (reordered, dropped words, one typo, two typos, synonym, off-topic), in English, Ukrainian and Russian by turns; speed-up = matcher q/s ÷ fuse.js q/s.`,
  );
  console.log('top-1: the right fact offered first, as the answer or the first "did you mean"; answered: answered outright with it; declined: off-topic questions not answered.');
  console.log(
    'heap: what the built index keeps, JavaScript heap and typed arrays, after a collection. edit: BotCore.replace with one fact changed (median of 20).',
  );
  if (values.json) {
    const figures = ({ p50Us, p99Us, qps, top1, declined, top1ByLanguage }: Figures) => ({ p50Us, p99Us, qps, top1, declined, top1ByLanguage });
    const sizesOut = rows.map((r) => ({
      facts: r.facts,
      buildMs: r.buildMs,
      heapMb: r.heapMb,
      editMs: r.editMs,
      matcher: figures(r.matcher),
      answerP99Us: r.answerP99Us,
      ...(r.baseline && {
        baseline: { ...figures(r.baseline), buildMs: r.baseline.buildMs, heapMb: r.baseline.heapMb, sampled: r.baseline.queries },
        // fuse.js answered only a sample: the matcher's figures on that same sample compare like for like.
        ...(r.baseline.queries < r.matcher.queries ? { matcherOnSample: figures(r.matcherOnSample) } : {}),
        speedup: r.speedup,
      }),
    }));
    console.log(JSON.stringify({ sizes: sizesOut, coldStartMs: processes.coldStartMs, rssMb: processes.rssMb, rssBundledMb: processes.rssBundledMb }));
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : String(err));
  process.exitCode = 1;
});
