import { beforeAll, describe, expect, it } from 'vitest';
import { BotCore } from '../../src/core.js';
import type { FactBase } from '../../src/knowledge/parse.js';
import { FIXTURE_KNOWLEDGE, loadBase } from '../helpers.js';

let base: FactBase;
beforeAll(async () => {
  base = await loadBase(FIXTURE_KNOWLEDGE);
});

/** The fixture base with its retired fact dated after every active one. */
function withNewerRetiredFact(): FactBase {
  return { ...base, facts: base.facts.map((f) => (f.status === 'retired' ? { ...f, asOf: '2025-12-01' } : f)) };
}

describe('when the fact base was last updated', () => {
  it('is the newest date its active facts speak of (an "as of" or a publication date)', () => {
    expect(new BotCore(base).lastUpdated()).toBe('2025-07-24');
  });

  it('ignores a retired fact, however new', () => {
    expect(new BotCore(withNewerRetiredFact()).lastUpdated()).toBe('2025-07-24');
  });

  it('is the day of a change made while running (a reload or a moderator’s edit) when that is later', () => {
    const core = new BotCore(base, () => new Date('2025-11-20T09:30:00Z'));
    core.replace(withNewerRetiredFact());
    expect(core.lastUpdated()).toBe('2025-11-20');
  });

  it('stays the newest fact date when the change at run time was earlier than it', () => {
    const core = new BotCore(base, () => new Date('2025-07-01T09:30:00Z'));
    core.replace(withNewerRetiredFact());
    expect(core.lastUpdated()).toBe('2025-07-24');
  });
});
