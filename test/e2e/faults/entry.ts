// Runs the real entry point, `adapters/main.ts`, as its own process (as `npm start` does, minus the
// npm wrapper, so a signal reaches the bot itself), with only the environment a test gives it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIXTURE_KNOWLEDGE, ROOT } from '../../helpers.js';

export interface BotProcess {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** The JSON log lines (stderr) written so far. */
  logs(): Record<string, unknown>[];
  /** Settles when the process has exited, with its exit code and when (Date.now()). */
  exited: Promise<{ code: number | null; at: number }>;
}

const running = new Set<{ bot: BotProcess; dataDir: string }>();

export async function startEntry(env: Record<string, string>): Promise<BotProcess> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'entry-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
    cwd: ROOT,
    // Nothing inherited: a token or port in the test runner's environment must not leak in.
    env: { PATH: process.env.PATH ?? '', KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += String(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.once('exit', (code) => resolve({ code, at: Date.now() })));
  const bot: BotProcess = {
    child,
    exited,
    output: () => stdout + stderr,
    logs: () =>
      stderr
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
  running.add({ bot, dataDir });
  return bot;
}

/** Kills whatever a test left running and removes its data folders. */
export async function stopEntries(): Promise<void> {
  for (const entry of running) {
    running.delete(entry);
    if (entry.bot.child.exitCode === null && entry.bot.child.signalCode === null) entry.bot.child.kill('SIGKILL');
    await entry.bot.exited;
    await rm(entry.dataDir, { recursive: true, force: true });
  }
}

/** A port nothing listens on (free a moment ago): connecting to it is refused. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
