// Reads the knowledge folder from disk and hands it to the pure parser.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFactBase, type KnowledgeFile, type ParseResult } from './parse.js';

export const VOCABULARY_FILE = 'vocabulary.yaml';
export const FACTS_DIR = 'facts';

/** Loads `<dir>/facts/**\/*.yaml` and `<dir>/vocabulary.yaml`. Names in problems are relative to the cwd. */
export async function loadFactBase(dir: string): Promise<ParseResult> {
  const shown = (file: string) => path.relative(process.cwd(), file) || file;
  const factsDir = path.join(dir, FACTS_DIR);
  let names: string[];
  try {
    names = (await readdir(factsDir, { recursive: true })).filter(isYaml).sort();
  } catch (err) {
    return { ok: false, problems: [{ file: shown(factsDir), message: `cannot be read: ${(err as Error).message}` }] };
  }
  const files: KnowledgeFile[] = await Promise.all(
    names.map(async (name) => {
      const full = path.join(factsDir, name);
      return { name: shown(full), text: await readFile(full, 'utf8') };
    }),
  );
  const vocabularyPath = path.join(dir, VOCABULARY_FILE);
  const vocabulary = await readFile(vocabularyPath, 'utf8').then(
    (text): KnowledgeFile => ({ name: shown(vocabularyPath), text }),
    () => undefined, // optional: a base without synonyms still works
  );
  return parseFactBase(files, vocabulary);
}

function isYaml(name: string): boolean {
  // Editors' temporary and backup files (".#x.yaml", "x.yaml~", ".x.yaml.swp") are not facts.
  const base = path.basename(name);
  return /\.ya?ml$/.test(base) && !base.startsWith('.');
}
