// `npm start` itself, as a process manager runs it: a signal to npm's pid must reach the bot and end
// in its graceful stop, leaving nothing running. Run in a copy of the project (its package.json, the
// build script and the sources, node_modules linked), so its build never races the one the other
// tests use, and no .env in the working copy can add a real token.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_KNOWLEDGE, ROOT } from '../../helpers.js';
import { FakeTelegram } from '../telegram/fake-telegram.js';
import { TOKEN } from '../telegram/harness.js';

let project: string;
let telegram: FakeTelegram;
const started: ChildProcess[] = [];

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'npm-start-e2e-'));
  for (const entry of ['package.json', 'tsconfig.json', 'scripts', 'src', 'adapters']) await cp(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
  await symlink(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  // Built once here, so each start's `--if-changed` build has nothing to do.
  expect(spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: project, encoding: 'utf8' }).stderr).toBe('');
  telegram = await FakeTelegram.start(TOKEN);
}, 60_000);

afterEach(() => {
  // Whatever a failed run left behind (the old `npm start` left the bot running, orphaned).
  for (const npm of started.splice(0)) if (npm.pid && groupAlive(npm.pid)) process.kill(-npm.pid, 'SIGKILL');
});

afterAll(async () => {
  await telegram.close();
  await rm(project, { recursive: true, force: true });
});

/** Whether any process of the group npm leads (npm, the shell, the bot) still runs. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `npm start` with the bot on Telegram (the fake), in its own process group as a service manager would run it. */
async function npmStart() {
  const dataDir = path.join(project, 'data');
  const npm = spawn('npm', ['start'], {
    cwd: project,
    detached: true,
    // Nothing inherited beyond what npm itself needs: a token in the runner's environment must not leak in.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? project,
      npm_config_update_notifier: 'false',
      KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
      DATA_DIR: dataDir,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(npm);
  let stderr = '';
  npm.stderr?.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  npm.stdout?.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => npm.once('exit', (code, signal) => resolve({ code, signal })));
  const since = Date.now();
  // Serving: it has asked Telegram for updates.
  await telegram.waitFor('getUpdates', (call) => call.at >= since, 15_000);
  const messages = () =>
    stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
  return { npm, exited, messages, output: () => stderr };
}

describe('npm start', () => {
  it.each([
    ['SIGTERM', "npm's pid", 'a process manager stopping the service'],
    ['SIGINT', "npm's pid", 'a process manager stopping it with SIGINT'],
    ['SIGINT', 'the whole process group', 'Ctrl+C in a terminal, which reaches the bot both directly and through npm'],
  ] as const)('on %s to %s (%s), the bot stops gracefully, npm exits 0, and nothing is left running', async (signal, target, _why) => {
    const { npm, exited, messages, output } = await npmStart();
    const pgid = npm.pid ?? 0;
    process.kill(target === "npm's pid" ? pgid : -pgid, signal);

    const exit = await Promise.race([exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 12_000))]);
    expect(exit, output()).toEqual({ code: 0, signal: null });
    expect(messages()).toContain('stopping: finishing in-flight replies');
    expect(messages().at(-1)).toBe('stopped');
    expect(groupAlive(pgid)).toBe(false);
  });
});
