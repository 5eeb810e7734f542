// The data folder (DATA_DIR) takes the questions and ratings logs as members ask and vote. Each
// failed append is only a log line, so a folder the bot cannot write would lose them quietly: the
// bot refuses to start on one, and /healthz reports one that stops being writable later (a full
// disk, a volume remounted read-only).
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from './config/env.js';

/** Why `dir` cannot be written (created if missing, a small file written and removed), or undefined when it can. */
export async function dataDirProblem(dir: string): Promise<string | undefined> {
  const probe = path.join(dir, `.write-check-${randomUUID()}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, '');
    await rm(probe);
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return `DATA_DIR (${path.resolve(dir)}) cannot be written (${code ?? (err instanceof Error ? err.message : String(err))})`;
  }
}

/** Throws the one line an operator needs when `dir` cannot be written. */
export async function requireWritableDataDir(dir: string): Promise<void> {
  const problem = await dataDirProblem(dir);
  if (problem) {
    throw new ConfigError(`Configuration problem: ${problem}. Point DATA_DIR in .env at a folder this user can write, or fix the folder's permissions (see .env.example).`);
  }
}
