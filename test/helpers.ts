// Small builders the tests share.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createModeration, KnowledgeStore, type ActivityLog, type BotCore, type Moderation, type RateLimiter } from '../src/index.js';
import { loadFactBase } from '../src/knowledge/load.js';
import { formatProblem, parseFactBase, type FactBase } from '../src/knowledge/parse.js';
import type { FactInput } from '../src/knowledge/schema.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURE_KNOWLEDGE = path.join(ROOT, 'test/fixtures/knowledge');
export const BUNDLED_KNOWLEDGE = path.join(ROOT, 'knowledge');

/** `npm run ask` as a test starts it: from source through tsx, or compiled in dist/ under plain node (see scripts/build.mjs). */
export const ASK_FROM_SOURCE = [path.join(ROOT, 'node_modules/.bin/tsx'), 'adapters/console/ask.ts'] as const;
export const ASK_COMPILED = [process.execPath, 'dist/adapters/console/ask.js'] as const;

/** Runs `ask` to its end with `args` and `input` on stdin, on the fixture base and no platform token unless `env` says otherwise. */
export function runAsk(
  command: readonly [string, ...string[]],
  args: string[],
  input = '',
  env: Record<string, string> = {},
): SpawnSyncReturns<string> {
  const [file, ...entry] = command;
  return spawnSync(file, [...entry, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, DISCORD_TOKEN: '', TELEGRAM_BOT_TOKEN: '', ...env },
  });
}

export async function loadBase(dir: string): Promise<FactBase> {
  const result = await loadFactBase(dir);
  if (!result.ok) throw new Error(`fixture base is invalid: ${JSON.stringify(result.problems)}`);
  return result.base;
}

/** What a test says about a fact: its id and date, and whatever else it is about. */
export type FactSketch = Partial<FactInput> & { id: string; asOf: string };

/**
 * A base made by the parser itself from facts sketched in a test, so every default and check of the
 * schema applies. What a sketch leaves out is filled in: three phrasings and an answer that name
 * the id's words, and one source at example.com. `vocabulary` is the vocabulary file's content.
 */
export function baseOf(facts: readonly FactSketch[], vocabulary: Record<string, unknown> = {}): FactBase {
  return baseOfFiles({ test: facts }, vocabulary);
}

/** The same, with the facts in several files (a file is a topic), named by the keys of `files`. */
export function baseOfFiles(files: Record<string, readonly FactSketch[]>, vocabulary: Record<string, unknown> = {}): FactBase {
  const full = (facts: readonly FactSketch[]) =>
    facts.map((f) => {
      const words = f.id.replace(/-/g, ' ');
      return { questions: [`What about ${words}?`, `Tell me about ${words}`, `Details of ${words}`], answer: `A fact about ${words}.`, sources: [{ url: `https://example.com/${f.id}` }], ...f };
    });
  // JSON is YAML: the files reach the parser as text, as they would from disk.
  const texts = Object.entries(files).map(([name, facts]) => ({ name: `facts/${name}.yaml`, text: JSON.stringify({ facts: full(facts) }) }));
  const result = parseFactBase(texts, { name: 'vocabulary.yaml', text: JSON.stringify(vocabulary) });
  if (!result.ok) throw new Error(`test base is invalid: ${result.problems.map(formatProblem).join('; ')}`);
  return result.base;
}

/** A private copy of the fixture knowledge folder, for tests that write to it. */
export async function copyOfFixtureKnowledge(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'knowledge-'));
  await cp(FIXTURE_KNOWLEDGE, dir, { recursive: true });
  return dir;
}

/** Moderation as adapters/bootstrap.ts builds it, minus the file watcher: in a test, changes come only from chat. */
export function moderationFor(core: BotCore, knowledgeDir: string, activity: ActivityLog, limiter?: RateLimiter): Moderation {
  return createModeration(core, new KnowledgeStore(knowledgeDir), activity, limiter ? { limiter } : {});
}

/**
 * Starts a TypeScript writer script, waits for its "ready" line, lets it write for `delayMs`, then
 * kills it with SIGKILL. Runs node itself with tsx as a loader, so the kill hits the writing
 * process and not a wrapper.
 */
export async function killMidWrite(script: string, args: string[], delayMs: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready`)));
  });
  await new Promise((r) => setTimeout(r, delayMs));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
}
