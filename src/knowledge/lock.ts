// A lock shared by every process that writes one knowledge folder (Discord shards, webhook instances
// behind a load balancer), since each process's own write queue cannot see the others: a file
// created with O_EXCL that names its holder. A holder that died (kill -9, power loss) leaves the
// file behind, so a lock whose process is gone, or which is older than any write takes, is stale.
import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { WRITE_LOCK } from '../config/defaults.js';

export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
}

export interface LockOptions {
  waitMs: number;
  staleMs: number;
  retryMs: number;
}

interface Holder {
  pid: number;
  host: string;
  token: string;
}

/** Runs `task` while holding the lock file `file`; throws LockTimeoutError if it stays taken. */
export async function withFileLock<T>(file: string, task: () => Promise<T>, options: LockOptions = WRITE_LOCK): Promise<T> {
  const release = await acquire(file, options);
  try {
    return await task();
  } finally {
    await release();
  }
}

async function acquire(file: string, options: LockOptions): Promise<() => Promise<void>> {
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex') } satisfies Holder);
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(mine, 'utf8');
      } finally {
        await handle.close();
      }
      return () => releaseIfMine(file, mine);
    } catch (err) {
      if (codeOf(err) !== 'EEXIST') throw err;
    }
    await removeIfStale(file, options.staleMs);
    if (Date.now() > deadline) throw new LockTimeoutError(`${file} is still held by another process after ${options.waitMs} ms`);
    // A little jitter, so two waiting processes do not retry in lockstep.
    await new Promise((resolve) => setTimeout(resolve, options.retryMs + Math.random() * options.retryMs));
  }
}

/** Removes the lock only if it is still ours: a process that judged it stale may have taken it over. */
async function releaseIfMine(file: string, mine: string): Promise<void> {
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === mine) await unlink(file).catch(() => undefined);
}

async function removeIfStale(file: string, staleMs: number): Promise<void> {
  let text: string;
  let modified: number;
  try {
    [text, modified] = await Promise.all([readFile(file, 'utf8'), stat(file).then((s) => s.mtimeMs)]);
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return; // released meanwhile
    throw err;
  }
  const holder = parseHolder(text);
  // Empty or unreadable: its holder is between creating and filling it, unless it is old.
  const dead = holder !== undefined && holder.host === hostname() && !isAlive(holder.pid);
  if (!dead && Date.now() - modified <= staleMs) return;
  // Moved aside before it is removed: of several processes that found it stale, one moves it, and one
  // that looked before another took a fresh lock puts that fresh lock back instead of removing it.
  const aside = `${file}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(file, aside);
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return;
    throw err;
  }
  if ((await readFile(aside, 'utf8').catch(() => undefined)) !== text) await link(aside, file).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

function parseHolder(text: string): Holder | undefined {
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    return typeof value.pid === 'number' && typeof value.host === 'string' ? (value as Holder) : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return codeOf(err) === 'EPERM';
  }
}

function codeOf(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}
