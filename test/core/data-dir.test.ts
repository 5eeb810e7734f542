import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/env.js';
import { dataDirProblem, requireWritableDataDir } from '../../src/data-dir.js';

let scratch: string;
beforeEach(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'data-dir-'));
});
afterEach(async () => {
  // A read-only folder's own files could not be removed.
  for (const entry of await readdir(scratch)) await chmod(path.join(scratch, entry), 0o700);
  await rm(scratch, { recursive: true, force: true });
});

/** A folder this process cannot write: read-only, or (as root, whom permissions do not stop) one under a regular file. */
async function unwritableFolder(): Promise<{ dir: string; code: string }> {
  const readOnly = path.join(scratch, 'read-only');
  await mkdir(readOnly, { mode: 0o500 });
  try {
    await writeFile(path.join(readOnly, 'probe'), '');
  } catch {
    return { dir: readOnly, code: 'EACCES' };
  }
  const file = path.join(scratch, 'a-file');
  await writeFile(file, '');
  return { dir: path.join(file, 'data'), code: 'ENOTDIR' };
}

describe('the data folder check', () => {
  it('creates a missing folder, writes and removes a small file, and finds nothing wrong', async () => {
    const dir = path.join(scratch, 'nested', 'data');
    expect(await dataDirProblem(dir)).toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
    await expect(requireWritableDataDir(dir)).resolves.toBeUndefined();
  });

  it('names DATA_DIR, the folder and why it cannot be written', async () => {
    const { dir, code } = await unwritableFolder();
    expect(await dataDirProblem(dir)).toBe(`DATA_DIR (${dir}) cannot be written (${code})`);
  });

  it('refuses the start with one line that names DATA_DIR and what to do', async () => {
    const { dir } = await unwritableFolder();
    const start = requireWritableDataDir(dir);
    await expect(start).rejects.toThrow(ConfigError);
    await expect(start).rejects.toThrow(/^Configuration problem: DATA_DIR \(.+\) cannot be written \(E[A-Z]+\)\. Point DATA_DIR in \.env at a folder this user can write/);
    await expect(start).rejects.not.toThrow(/\n/);
  });
});
