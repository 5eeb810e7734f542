import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockTimeoutError, withFileLock } from '../../src/knowledge/lock.js';

const FAST = { waitMs: 300, staleMs: 60_000, retryMs: 5 };

async function lockFile(): Promise<string> {
  return path.join(await mkdtemp(path.join(tmpdir(), 'lock-')), '.lock');
}

const heldBy = (pid: number) => JSON.stringify({ pid, host: hostname(), token: 'someone-else' });

describe('the knowledge folder’s write lock', () => {
  it('runs one holder at a time, and is gone once the work is done', async () => {
    const file = await lockFile();
    let inside = 0;
    let most = 0;
    const work = async () => {
      most = Math.max(most, ++inside);
      await new Promise((r) => setTimeout(r, 10));
      inside -= 1;
    };
    await Promise.all(Array.from({ length: 5 }, () => withFileLock(file, work, FAST)));
    expect(most).toBe(1);
    expect(await readdir(path.dirname(file))).toEqual([]);
  });

  it('waits for a live holder, then gives up with a LockTimeoutError', async () => {
    const file = await lockFile();
    await writeFile(file, heldBy(process.pid));
    await expect(withFileLock(file, async () => 'ran', FAST)).rejects.toBeInstanceOf(LockTimeoutError);
  });

  it('takes over a lock whose holder has died', async () => {
    const file = await lockFile();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    await writeFile(file, heldBy(gone));
    await expect(withFileLock(file, async () => 'ran', FAST)).resolves.toBe('ran');
  });

  it('takes over a lock older than any write takes, whoever holds it', async () => {
    const file = await lockFile();
    await writeFile(file, heldBy(process.pid));
    const old = new Date(Date.now() - 2 * FAST.staleMs);
    await utimes(file, old, old);
    await expect(withFileLock(file, async () => 'ran', FAST)).resolves.toBe('ran');
    expect(await readdir(path.dirname(file))).toEqual([]);
  });
});
