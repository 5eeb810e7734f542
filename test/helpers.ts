// Small builders the tests share.
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
