// What `npm start` and `npm run ask` run is the JavaScript scripts/build.mjs compiles into dist/, not
// the TypeScript the other tests load: this checks that build, and that what it built answers.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASK_COMPILED, BUNDLED_KNOWLEDGE, ROOT, runAsk } from '../helpers.js';

describe('the compiled ask command', () => {
  it('is built into dist/ silently, then answers a question on the bundled fact base with one JSON line', () => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.stderr).toBe('');
    expect(build.stdout).toBe('');
    expect(build.status).toBe(0);

    const question = 'How long did the latest round last?';
    const run = runAsk(ASK_COMPILED, ['--json'], `${question}\n`, { KNOWLEDGE_DIR: BUNDLED_KNOWLEDGE, LOG_LEVEL: 'silent' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(answer).toMatchObject({ question, answered: true, kind: 'answer', factId: expect.any(String), asOf: expect.any(String) });
    expect((answer.sources as unknown[]).length).toBeGreaterThan(0);
  });

  it('is not rebuilt by a start when no source file changed since the last build', () => {
    const fingerprint = path.join(ROOT, 'dist', '.sources');
    expect(spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT }).status).toBe(0);
    const built = statSync(fingerprint).mtimeMs;
    expect(spawnSync(process.execPath, ['scripts/build.mjs', '--if-changed'], { cwd: ROOT }).status).toBe(0);
    expect(statSync(fingerprint).mtimeMs).toBe(built);
    // Without the flag it always builds: the flag is what skips.
    expect(spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT }).status).toBe(0);
    expect(statSync(fingerprint).mtimeMs).not.toBe(built);
  });
});
