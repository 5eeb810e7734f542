// Cold start and resident memory, measured on what `npm run ask -- --json` runs: the compiled
// dist/adapters/console/ask.js under plain node (scripts/build.mjs compiles it once, before any
// timing), started as a child process, timed from spawn to its first answer, its resident set read
// from the OS once it has answered (a process's own figure would leave out what the runtime maps
// before it runs). The compile step itself, which `npm run ask` repeats, is not counted.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import type { FactBase } from '../src/knowledge/parse.js';
import { BUNDLED_KNOWLEDGE, generateBase, ROOT } from './synthetic.js';

export interface ProcessFigures {
  /** Spawn to the first answer on standard output. */
  readyMs: number;
  /** Resident set after answering every question given. */
  rssMb: number;
}

/**
 * Starts `ask --json` on a knowledge folder, asks `questions`, and measures it. Standard input stays
 * open until the resident set is read: at its end `ask` exits, and an exited process has none.
 */
export function measureProcess(knowledgeDir: string, questions: readonly string[]): Promise<ProcessFigures> {
  buildOnce();
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/adapters/console/ask.js', '--json'], {
    cwd: ROOT,
    env: { ...process.env, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: 'silent' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.write(`${questions.join('\n')}\n`);
  return new Promise((resolve, reject) => {
    let readyMs: number | undefined;
    let answered = 0;
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      readyMs ??= performance.now() - started;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      answered += lines.length;
      if (answered < questions.length || child.pid === undefined) return;
      resolve({ readyMs, rssMb: residentMb(child.pid) });
      child.stdin.end();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (answered < questions.length) reject(new Error(`ask exited with ${code} after ${answered} answers`));
    });
  });
}

let built = false;

/** Compiles src/ and adapters/ to dist/ (see scripts/build.mjs), the first time only. */
function buildOnce(): void {
  if (built) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

/** A process's resident set in MB, as the OS counts it (`ps` reports KiB on Linux and macOS alike). */
export function residentMb(pid: number): number {
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}

/**
 * The same base as YAML files on disk, one file a round, so the real loader reads it: facts in
 * `facts/`, each language's translations in `translations/<language>/` under the same file names.
 */
export function writeBase(base: FactBase, dir: string): void {
  const byFile = new Map<string, unknown[]>();
  const fileOf = (id: string) => path.basename(base.fileOf.get(id) ?? 'synthetic.yaml');
  for (const fact of base.facts) {
    const list = byFile.get(fileOf(fact.id)) ?? [];
    list.push(fact);
    byFile.set(fileOf(fact.id), list);
  }
  mkdirSync(path.join(dir, 'facts'), { recursive: true });
  for (const [file, facts] of byFile) writeFileSync(path.join(dir, 'facts', file), stringify({ facts }));
  for (const [language, translated] of base.translations) {
    const byTopic = new Map<string, unknown[]>();
    for (const [id, translation] of translated) {
      const list = byTopic.get(fileOf(id)) ?? [];
      list.push(translation);
      byTopic.set(fileOf(id), list);
    }
    mkdirSync(path.join(dir, 'translations', language), { recursive: true });
    for (const [file, facts] of byTopic) writeFileSync(path.join(dir, 'translations', language, file), stringify({ language, facts }));
  }
  writeFileSync(path.join(dir, 'vocabulary.yaml'), stringify(base.vocabulary));
}

/** Cold start on the bundled base (and its resident set), and the resident set with a synthetic base of `facts` facts, translations included, loaded. */
export async function measureStartAndMemory(facts: number): Promise<{ coldStartMs: number; rssBundledMb: number; rssMb: number; rssFacts: number }> {
  const questions = ['How long did the latest round last?', 'Who led the Ukrainian delgation?', 'best pizza in istanbul'];
  const coldStart = await measureProcess(BUNDLED_KNOWLEDGE, questions.slice(0, 1));
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-base-'));
  try {
    writeBase(generateBase(facts), dir);
    const loaded = await measureProcess(dir, questions);
    return { coldStartMs: coldStart.readyMs, rssBundledMb: coldStart.rssMb, rssMb: loaded.rssMb, rssFacts: facts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
