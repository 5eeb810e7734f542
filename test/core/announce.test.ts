import { describe, expect, it, vi } from 'vitest';
import { Announcer, changedFacts, type Announcement, type AnnounceTarget } from '../../src/announce.js';
import { ANNOUNCE } from '../../src/config/defaults.js';
import { BotCore } from '../../src/core.js';
import type { FactBase } from '../../src/knowledge/parse.js';
import type { Logger } from '../../src/logger.js';
import { baseOf, type FactSketch } from '../helpers.js';
import { answered } from '../../src/answer.js';

const TALKS: FactSketch = {
  id: 'talks-status',
  asOf: '2025-11-01',
  questions: ['Are the talks still going on?', 'Status of the talks', 'Where do the talks stand?'],
  answer: 'The talks are paused.',
  timeline: 'Talks paused',
  tags: ['status'],
};
const EXCHANGE: FactSketch = { id: 'exchange-may', asOf: '2025-05-25', answer: 'A 1000-for-1000 exchange took place.' };
const RETIRED: FactSketch = { id: 'old-claim', asOf: '2025-05-01', status: 'retired' };
const BEFORE = baseOf([TALKS, EXCHANGE, RETIRED]);

/** The base after replacing or adding the given sketches (by id), in the order given. */
function after(...changed: FactSketch[]): FactBase {
  const ids = new Set(changed.map((f) => f.id));
  return baseOf([...[TALKS, EXCHANGE, RETIRED].filter((f) => !ids.has(f.id)), ...changed]);
}
const kinds = (base: FactBase, before = BEFORE) => changedFacts(before, base).map(({ kind, fact }) => `${kind} ${fact.id}`);

describe('what a change to the base announces', () => {
  it('announces a new fact as added', () => {
    expect(kinds(after({ id: 'grain-deal', asOf: '2025-11-02' }))).toEqual(['added grain-deal']);
  });

  it('announces a retired fact brought back as added', () => {
    expect(kinds(after({ ...RETIRED, status: 'active' }))).toEqual(['added old-claim']);
  });

  it('announces a fact whose answer, caveat, sources, date or timeline line changed as updated', () => {
    const edits: Partial<FactSketch>[] = [
      { answer: 'The talks resumed.' },
      { caveat: 'Paper A says paused, paper B says ended.' },
      { sources: [{ url: 'https://example.com/another' }] },
      { sources: [{ url: 'https://example.com/talks-status', title: 'Talks paused' }] },
      { asOf: '2025-11-20' },
      { timeline: 'Talks paused again' },
    ];
    for (const edit of edits) expect(kinds(after({ ...TALKS, ...edit })), JSON.stringify(edit)).toEqual(['updated talks-status']);
  });

  it('announces nothing when only the phrasings or tags changed: readers are told the same', () => {
    expect(kinds(after({ ...TALKS, questions: [...TALKS.questions!, 'Are they still talking?'], tags: ['status', 'news'] }))).toEqual([]);
    expect(kinds(BEFORE)).toEqual([]);
  });

  it('never announces a retired fact, whether just retired, added retired or edited while retired', () => {
    expect(kinds(after({ ...TALKS, status: 'retired' }))).toEqual([]);
    expect(kinds(after({ id: 'new-but-retired', asOf: '2025-11-02', status: 'retired' }))).toEqual([]);
    expect(kinds(after({ ...RETIRED, answer: 'Still outdated.' }))).toEqual([]);
  });

  it('never announces a removed fact', () => {
    expect(kinds(baseOf([TALKS, RETIRED]))).toEqual([]);
  });

  it('lists several changes in the order of the new base', () => {
    expect(kinds(baseOf([{ id: 'grain-deal', asOf: '2025-11-02' }, { ...EXCHANGE, asOf: '2025-05-26' }, TALKS]))).toEqual([
      'added grain-deal',
      'updated exchange-may',
    ]);
  });
});

/** A target that records what it is given in `log`, as "<name> <kind> <fact id>" and "<name> more <n>". */
function recorder(name: string, log: string[], fail?: 'throw' | 'reject'): AnnounceTarget {
  return {
    name,
    post: (a: Announcement) => {
      if (fail === 'throw') throw new Error(`${name} is down`);
      log.push(`${name} ${a.kind} ${a.answer.factId}`);
      return fail === 'reject' ? Promise.reject(new Error(`${name} is down`)) : Promise.resolve();
    },
    postMore: (count: number) => {
      log.push(`${name} more ${count}`);
      return Promise.resolve();
    },
  };
}

function fakeLogger() {
  const logger = { info: vi.fn(), error: vi.fn() };
  return { logger, asLogger: logger as unknown as Logger };
}

/** An announcer beside a core, wired as adapters/bootstrap.ts wires them. */
function announcing(base = BEFORE) {
  const core = new BotCore(base);
  const { logger, asLogger } = fakeLogger();
  const announcer = new Announcer(asLogger, (id) => answered(core.answer({ factId: id })));
  core.onChange((before, next) => void announcer.changed(before, next));
  return { core, announcer, logger };
}

describe('the announcer', () => {
  it('posts each change to every target, change by change, with the answer as now served', async () => {
    const { core, announcer } = announcing();
    const log: string[] = [];
    const answers: string[] = [];
    const discord = recorder('discord', log);
    announcer.add(recorder('telegram', log));
    announcer.add({
      ...discord,
      post: (a) => {
        answers.push(a.answer.text);
        return discord.post(a);
      },
    });
    core.replace(baseOf([{ id: 'grain-deal', asOf: '2025-11-02' }, { ...TALKS, answer: 'The talks resumed.' }, EXCHANGE, RETIRED]));
    await announcer.settled();
    expect(log).toEqual(['telegram added grain-deal', 'discord added grain-deal', 'telegram updated talks-status', 'discord updated talks-status']);
    expect(answers).toEqual(['A fact about grain deal.', 'The talks resumed.']);
  });

  it('logs a target that fails and still posts to the others, and to it again for the next fact', async () => {
    const { core, announcer, logger } = announcing();
    const log: string[] = [];
    announcer.add(recorder('throws', log, 'throw'));
    announcer.add(recorder('rejects', log, 'reject'));
    announcer.add(recorder('works', log));
    core.replace(baseOf([{ id: 'grain-deal', asOf: '2025-11-02' }, { id: 'bodies', asOf: '2025-11-03' }, TALKS, EXCHANGE, RETIRED]));
    await expect(announcer.settled()).resolves.toBeUndefined();
    expect(log).toEqual(['rejects added grain-deal', 'works added grain-deal', 'rejects added bodies', 'works added bodies']);
    expect(logger.error).toHaveBeenCalledTimes(4);
    expect(logger.error.mock.calls.map(([fields]) => `${fields.target} ${fields.fact}`)).toEqual([
      'throws grain-deal',
      'rejects grain-deal',
      'throws bodies',
      'rejects bodies',
    ]);
  });

  it(`posts at most ANNOUNCE.maxPerChange changes one by one, then one line for the rest`, async () => {
    const { core, announcer } = announcing();
    const log: string[] = [];
    announcer.add(recorder('a', log));
    announcer.add(recorder('b', log));
    const added = Array.from({ length: ANNOUNCE.maxPerChange + 2 }, (_, i) => ({ id: `new-fact-${i + 1}`, asOf: '2025-11-02' }));
    core.replace(baseOf([...added, TALKS, EXCHANGE, RETIRED]));
    await announcer.settled();
    const shown = added.slice(0, ANNOUNCE.maxPerChange).flatMap((f) => [`a added ${f.id}`, `b added ${f.id}`]);
    expect(log).toEqual([...shown, 'a more 2', 'b more 2']);
  });

  it('adds no line for the rest when a change holds exactly ANNOUNCE.maxPerChange facts', async () => {
    const { core, announcer } = announcing();
    const log: string[] = [];
    announcer.add(recorder('a', log));
    core.replace(baseOf([...Array.from({ length: ANNOUNCE.maxPerChange }, (_, i) => ({ id: `new-fact-${i + 1}`, asOf: '2025-11-02' })), TALKS]));
    await announcer.settled();
    expect(log).toHaveLength(ANNOUNCE.maxPerChange);
    expect(log.some((line) => line.includes('more'))).toBe(false);
  });

  it('works nothing out while no target is registered', async () => {
    const { logger, asLogger } = fakeLogger();
    const answerFact = vi.fn();
    const announcer = new Announcer(asLogger, answerFact);
    const untouchable = {
      get facts(): never {
        throw new Error('the announcer read a base with no one to tell');
      },
    } as unknown as FactBase;
    await announcer.changed(untouchable, untouchable);
    expect(answerFact).not.toHaveBeenCalled();
    expect(logger.info).not.toHaveBeenCalled();
  });

  it('stops posting to a target once the function add() returned is called', async () => {
    const { core, announcer } = announcing();
    const log: string[] = [];
    const remove = announcer.add(recorder('leaving', log));
    announcer.add(recorder('staying', log));
    remove();
    core.replace(after({ id: 'grain-deal', asOf: '2025-11-02' }));
    await announcer.settled();
    expect(log).toEqual(['staying added grain-deal']);
  });

  it('settles only when every post asked for so far is done, one change after the other', async () => {
    const { core, announcer } = announcing();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    announcer.add({
      ...recorder('slow', log),
      post: async (a) => {
        await gate;
        log.push(`slow ${a.kind} ${a.answer.factId}`);
      },
    });
    core.replace(after({ id: 'grain-deal', asOf: '2025-11-02' }));
    core.replace(after({ id: 'grain-deal', asOf: '2025-11-02' }, { ...EXCHANGE, answer: 'Another exchange.' }));
    let settled = false;
    void announcer.settled().then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe(false);
    expect(log).toEqual([]);
    release();
    await announcer.settled();
    expect(settled).toBe(true);
    expect(log).toEqual(['slow added grain-deal', 'slow updated exchange-may']);
  });

  it('skips a fact the core no longer serves by the time it is posted', async () => {
    const { logger, asLogger } = fakeLogger();
    const announcer = new Announcer(asLogger, () => undefined);
    const log: string[] = [];
    announcer.add(recorder('a', log));
    await announcer.changed(BEFORE, after({ id: 'grain-deal', asOf: '2025-11-02' }));
    expect(log).toEqual([]);
    expect(logger.error).not.toHaveBeenCalled();
  });
});

describe('the core’s change listeners', () => {
  it('are called with the base before and after each change, once the new base is served', () => {
    const core = new BotCore(BEFORE);
    const next = after({ id: 'grain-deal', asOf: '2025-11-02' });
    const calls: [FactBase, FactBase, string | undefined][] = [];
    core.onChange((before, base) => calls.push([before, base, answered(core.answer({ factId: 'grain-deal' }))?.factId]));
    core.replace(next);
    expect(calls).toEqual([[BEFORE, next, 'grain-deal']]);
    expect(calls[0]![0]).toBe(BEFORE);
    expect(calls[0]![1]).toBe(next);
  });

  it('are no longer called once the function onChange() returned is called', () => {
    const core = new BotCore(BEFORE);
    const listener = vi.fn();
    const stop = core.onChange(listener);
    core.replace(after({ id: 'grain-deal', asOf: '2025-11-02' }));
    stop();
    core.replace(BEFORE);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
