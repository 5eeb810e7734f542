import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ActivityLog } from '../../src/activity.js';
import { BotCore } from '../../src/core.js';
import { KnowledgeStore } from '../../src/knowledge/store.js';
import { MOD_MESSAGES } from '../../src/messages.js';
import type { Refusal } from '../../src/moderation/result.js';
import { ModerationService } from '../../src/moderation/service.js';
import { refusalText } from '../../src/moderation/wording.js';
import { copyOfFixtureKnowledge, loadBase } from '../helpers.js';
import { answered } from '../../src/answer.js';

// The disk refusing the fact file's rename, as a full or read-only disk would, for one write only.
const disk = vi.hoisted(() => ({ refuseRename: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...fs,
    rename: (from: string, to: string) => {
      if (!disk.refuseRename) return fs.rename(from, to);
      return Promise.reject(Object.assign(new Error(`ENOSPC: no space left on device, rename '${from}'`), { code: 'ENOSPC' }));
    },
  };
});

const alice = { platform: 'telegram', id: '1', name: 'alice' };
let dir: string;
let core: BotCore;
let store: KnowledgeStore;
let service: ModerationService;
let factFile: string;

beforeEach(async () => {
  disk.refuseRename = false;
  dir = await copyOfFixtureKnowledge();
  factFile = path.join(dir, 'facts/rounds.yaml');
  core = new BotCore(await loadBase(dir));
  store = new KnowledgeStore(dir);
  service = new ModerationService(core, store, new ActivityLog(await mkdtemp(path.join(tmpdir(), 'data-'))));
});

describe('a change the disk will not take', () => {
  it('is not made when the audit log cannot record it, and the moderator is told so', async () => {
    const before = await readFile(factFile, 'utf8');
    // A folder where the audit log should be: appending to it fails.
    await mkdir(path.join(dir, '.audit.jsonl'));

    const reply = await service.retire('erdogan-host', alice);

    expect(reply).toEqual({ kind: 'refused', reason: 'unrecorded', detail: 'EISDIR' });
    expect(refusalText(reply as Refusal)).toBe(MOD_MESSAGES.unrecorded('EISDIR'));
    expect(await readFile(factFile, 'utf8')).toBe(before);
    expect(answered(core.answer({ factId: 'erdogan-host' }))).toBeDefined();
  });

  it('leaves no record of a change whose file could not be written, and the moderator is told so', async () => {
    const before = await readFile(factFile, 'utf8');
    disk.refuseRename = true;

    const reply = await service.retire('erdogan-host', alice);

    disk.refuseRename = false;
    expect(reply).toEqual({ kind: 'refused', reason: 'unwritten', detail: 'ENOSPC' });
    expect(refusalText(reply as Refusal)).toBe(MOD_MESSAGES.unwritten('ENOSPC'));
    expect(await readFile(factFile, 'utf8')).toBe(before);
    expect(await store.history('erdogan-host')).toEqual([]);
    expect(answered(core.answer({ factId: 'erdogan-host' }))).toBeDefined();
    // The next change is recorded on a line of its own.
    expect((await service.retire('erdogan-host', alice)).kind).toBe('saved');
    expect(await store.history('erdogan-host')).toEqual([expect.objectContaining({ action: 'retire', factId: 'erdogan-host' })]);
  });
});
