// Reads the knowledge folder from disk and hands it to the pure parser.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFactBase, type KnowledgeFile, type ParseResult } from './parse.js';

export const VOCABULARY_FILE = 'vocabulary.yaml';
export const FACTS_DIR = 'facts';
/** Translations of facts: `translations/<language>/<topic>.yaml`. */
export const TRANSLATIONS_DIR = 'translations';

export interface KnowledgeFiles {
  facts: KnowledgeFile[];
  vocabulary?: KnowledgeFile;
  translations: KnowledgeFile[];
}

/** Names shown to people are relative to the working directory: "knowledge/facts/x.yaml". */
const shown = (file: string) => path.relative(process.cwd(), file) || file;

/**
 * Reads `<dir>/facts/**\/*.yaml`, `<dir>/vocabulary.yaml` and `<dir>/translations/**\/*.yaml`.
 * Throws if the facts folder is unreadable; the other two are optional.
 */
export async function readKnowledgeFiles(dir: string): Promise<KnowledgeFiles> {
  const facts = await readYamlFiles(path.join(dir, FACTS_DIR));
  const translations = await readYamlFiles(path.join(dir, TRANSLATIONS_DIR)).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  const vocabularyPath = path.join(dir, VOCABULARY_FILE);
  const vocabulary = await readFile(vocabularyPath, 'utf8').then(
    (text): KnowledgeFile => ({ name: shown(vocabularyPath), text }),
    () => undefined, // optional: a base without synonyms still works
  );
  return vocabulary ? { facts, vocabulary, translations } : { facts, translations };
}

async function readYamlFiles(folder: string): Promise<KnowledgeFile[]> {
  const names = (await readdir(folder, { recursive: true })).filter(isFactFile).sort();
  return Promise.all(
    names.map(async (name) => {
      const full = path.join(folder, name);
      return { name: shown(full), text: await readFile(full, 'utf8') };
    }),
  );
}

export async function loadFactBase(dir: string): Promise<ParseResult> {
  let files: KnowledgeFiles;
  try {
    files = await readKnowledgeFiles(dir);
  } catch (err) {
    const factsDir = shown(path.join(dir, FACTS_DIR));
    return { ok: false, problems: [{ file: factsDir, message: `cannot be read: ${(err as Error).message}` }] };
  }
  return parseFactBase(files.facts, files.vocabulary, files.translations);
}

/** Editors' temporary and backup files (".#x.yaml", "x.yaml~", ".x.yaml.123.tmp") are not facts. */
export function isFactFile(name: string): boolean {
  const base = path.basename(name);
  return /\.ya?ml$/.test(base) && !base.startsWith('.');
}
