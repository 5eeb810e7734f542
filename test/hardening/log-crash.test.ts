import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonLinesFile } from '../../src/activity.js';
import { killMidWrite } from '../helpers.js';

describe('a kill -9 during a log append', () => {
  it('leaves a log that still reads, and the restarted writer appends on a clean line', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'log-')), 'questions.jsonl');
    await killMidWrite('test/hardening/log-writer.ts', [file], 300);

    const restarted = new JsonLinesFile<{ n: number; pad?: string }>(file);
    const before = await restarted.readAll();
    expect(before.length).toBeGreaterThan(0);
    expect(before.map((r) => r.n)).toEqual(before.map((_, i) => i + 1));
    await restarted.append({ n: -1 });
    const after = await restarted.readAll();
    expect(after.at(-1)).toEqual({ n: -1 });
    expect(after).toHaveLength(before.length + 1);
    expect((await readFile(file, 'utf8')).endsWith('{"n":-1}\n')).toBe(true);
  }, 20_000);
});
