// The fact base a replica serves when moderators' changes live in a database: the reviewed YAML
// files with the recorded changes made over them. Each fact's changes are a chain (each one's
// `before` is the previous one's `after`), so the files' version of the fact says how they relate:
// - it is the chain's last version: the changes are in the files already (kb:export wrote them);
// - it is an earlier version in the chain: the files are older, so the newest change is made;
// - it is none of them: the files were changed by a reviewed pull request after those changes, and
//   the files win (the change is reported as superseded, not silently lost or silently re-applied).
// Pure: the files and the changes in, the files to parse out.
import type { KnowledgeFiles } from './load.js';
import { parseFactBase } from './parse.js';
import { factKey, newFactFile, replaceFactIn, type AuditEntry } from './store.js';

export interface ComposedFiles {
  files: KnowledgeFiles;
  /** Facts whose newest change was made over the files. */
  applied: string[];
  /** Facts the files changed after their recorded changes: the files' version is served. */
  superseded: string[];
}

export function withEdits(files: KnowledgeFiles, edits: readonly AuditEntry[]): ComposedFiles {
  if (edits.length === 0) return { files, applied: [], superseded: [] };
  const parsed = parseFactBase(files.facts, files.vocabulary, files.translations);
  // Broken files cannot be composed with; the loader reports their problems as it always does.
  if (!parsed.ok) return { files, applied: [], superseded: [] };
  const chains = new Map<string, AuditEntry[]>();
  for (const edit of edits) chains.set(edit.factId, [...(chains.get(edit.factId) ?? []), edit]);

  const texts = new Map(files.facts.map((f) => [f.name, f.text]));
  const applied: string[] = [];
  const superseded: string[] = [];
  for (const [factId, chain] of chains) {
    const newest = chain.at(-1);
    if (!newest) continue;
    const inFiles = parsed.base.facts.find((f) => f.id === factId);
    const known = new Set(chain.flatMap((e) => [e.before, e.after]).flatMap((f) => (f ? [factKey(f)] : [])));
    if (inFiles && factKey(inFiles) === factKey(newest.after)) continue;
    const filesAreOlder = inFiles ? known.has(factKey(inFiles)) : chain[0]?.before === null;
    if (!filesAreOlder) {
      superseded.push(factId);
      continue;
    }
    const file = parsed.base.fileOf.get(factId) ?? newest.file;
    const text = texts.get(file);
    texts.set(file, text === undefined ? newFactFile(newest.after) : replaceFactIn(text, newest.after));
    applied.push(factId);
  }
  const facts = [...texts].map(([name, text]) => ({ name, text }));
  return { files: { ...files, facts }, applied, superseded };
}
