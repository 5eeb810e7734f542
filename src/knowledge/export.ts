// What `npm run kb:export` writes: the files whose text the recorded changes alter, so a moderator's
// edits made in chat or the console go back into knowledge/ for a reviewed pull request.
import path from 'node:path';
import { withEdits } from './edits.js';
import { readKnowledgeFiles } from './load.js';
import { writeAtomically, type AuditEntry } from './store.js';

export interface ExportReport {
  /** Files written, as shown to people. */
  written: string[];
  /** Facts whose newest recorded change is now in the files. */
  facts: string[];
  /** Facts the files changed after their recorded changes: left as the files have them. */
  superseded: string[];
}

export async function exportEdits(dir: string, edits: readonly AuditEntry[]): Promise<ExportReport> {
  const files = await readKnowledgeFiles(dir);
  const composed = withEdits(files, edits);
  const before = new Map(files.facts.map((f) => [f.name, f.text]));
  const written: string[] = [];
  for (const file of composed.files.facts) {
    if (before.get(file.name) === file.text) continue;
    await writeAtomically(path.resolve(file.name), file.text);
    written.push(file.name);
  }
  return { written, facts: composed.applied, superseded: composed.superseded };
}
