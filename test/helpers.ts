// Small builders the tests share.
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFactBase } from '../src/knowledge/load.js';
import type { FactBase } from '../src/knowledge/parse.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURE_KNOWLEDGE = path.join(ROOT, 'test/fixtures/knowledge');
export const BUNDLED_KNOWLEDGE = path.join(ROOT, 'knowledge');

export async function loadBase(dir: string): Promise<FactBase> {
  const result = await loadFactBase(dir);
  if (!result.ok) throw new Error(`fixture base is invalid: ${JSON.stringify(result.problems)}`);
  return result.base;
}

/** A private copy of the fixture knowledge folder, for tests that write to it. */
export async function copyOfFixtureKnowledge(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'knowledge-'));
  await cp(FIXTURE_KNOWLEDGE, dir, { recursive: true });
  return dir;
}
