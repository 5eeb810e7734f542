import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { answered } from '../../src/answer.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { ActivityLog } from '../../src/activity.js';
import { MODERATION } from '../../src/config/defaults.js';
import { BotCore } from '../../src/core.js';
import { KnowledgeStore } from '../../src/knowledge/store.js';
import { MOD_MESSAGES } from '../../src/messages.js';
import type { FactDraft } from '../../src/moderation/draft.js';
import type { ModResult, Refusal } from '../../src/moderation/result.js';
import { ModerationService } from '../../src/moderation/service.js';
import { gapsLines, historyLines, refusalText, statusLines } from '../../src/moderation/wording.js';
import { MemoryRateLimiter } from '../../src/ratelimit.js';
import { copyOfFixtureKnowledge, loadBase } from '../helpers.js';

const alice = { platform: 'telegram', id: '1', name: 'alice' };
const bob = { platform: 'discord', id: '2', name: 'bob' };
const draft: FactDraft = {
  questions: ['How long did the fourth round last?', 'Duration of the fourth round', 'How many minutes was the fourth meeting?'],
  answer: 'The fourth round lasted twenty minutes.',
  sourceUrl: 'https://example.com/fourth',
  sourceTitle: 'Fourth round report',
  sourcePublisher: 'Example News',
  sourceDate: '2025-12-01',
  asOf: '2025-12-01',
  round: 4,
};

let dir: string;
let core: BotCore;
let store: KnowledgeStore;
let activity: ActivityLog;
let service: ModerationService;

beforeEach(async () => {
  dir = await copyOfFixtureKnowledge();
  core = new BotCore(await loadBase(dir));
  store = new KnowledgeStore(dir);
  activity = new ActivityLog(await mkdtemp(path.join(tmpdir(), 'data-')));
  service = new ModerationService(core, store, activity);
});

describe('moderating the fact base', () => {
  it('adds a fact that the very next question gets, written to a file git can diff', async () => {
    const reply = await service.add(draft, alice);
    expect(reply).toMatchObject({ kind: 'saved', action: 'add', fact: { id: 'how-long-did-the-fourth-round-last', round: 4 }, entry: { actor: alice, action: 'add' } });
    const result = core.answer('How long did the fourth round last?');
    expect(result.kind === 'answer' && result.text).toBe('The fourth round lasted twenty minutes.');
    const file = await readFile(path.join(dir, 'facts/how-long-did-the-fourth-round-last.yaml'), 'utf8');
    expect(file).toContain('answer: The fourth round lasted twenty minutes.');
    expect((await loadBase(dir)).facts.map((f) => f.id)).toContain('how-long-did-the-fourth-round-last');
  });

  it('moves "the latest round" to a round added from chat', async () => {
    await service.add(draft, alice);
    const result = core.answer('how long was the latest round');
    expect(result.kind === 'answer' && result.factId).toBe('how-long-did-the-fourth-round-last');
  });

  it('refuses an invalid fact, names the field, and keeps serving the old answers', async () => {
    const reply = await service.add({ ...draft, sourceUrl: 'not-a-url', asOf: '1 Dec' }, alice);
    expect(reply).toMatchObject({ kind: 'refused', reason: 'invalid' });
    const problems = reply.kind === 'refused' && reply.reason === 'invalid' ? reply.problems : [];
    expect(problems).toContainEqual(expect.objectContaining({ field: 'sources[0].url', message: 'must be a URL (http or https)' }));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'asOf', message: 'must be a date written YYYY-MM-DD' }));
    expect(core.answer('How long did the fourth round last?')).not.toMatchObject({ text: draft.answer });
    expect(await store.audit.readAll()).toEqual([]);
  });

  it('edits a fact in its own file, keeping the file’s other facts and comments', async () => {
    const before = await readFile(path.join(dir, 'facts/rounds.yaml'), 'utf8');
    const reply = await service.edit('round-two-duration', { answer: 'The second round lasted just over an hour.' }, bob);
    expect(reply.kind).toBe('saved');
    const after = await readFile(path.join(dir, 'facts/rounds.yaml'), 'utf8');
    expect(after).toContain('The second round lasted just over an hour.');
    expect(after).toContain('id: round-three-duration');
    expect(after.split('\n')[0]).toBe(before.split('\n')[0]);
    const answer = core.answer('How long did the second round last?');
    expect(answer.kind === 'answer' && answer.text).toBe('The second round lasted just over an hour.');
  });

  it('lets only one of two edits made from the same version win, and tells the other why', async () => {
    const version = service.keyOf('round-two-duration');
    const [first, second] = await Promise.all([
      service.edit('round-two-duration', { answer: 'Alice’s answer.' }, alice, version),
      service.edit('round-two-duration', { answer: 'Bob’s answer.' }, bob, version),
    ]);
    expect(first?.kind).toBe('saved');
    expect(second).toMatchObject({ kind: 'refused', reason: 'conflict', message: expect.stringMatching(/was changed by alice .* after you opened it/) });
    const answer = core.answer('How long did the second round last?');
    expect(answer.kind === 'answer' && answer.text).toBe('Alice’s answer.');
  });

  it('retires a fact so it is no longer served, and undo brings it back', async () => {
    await service.retire('erdogan-host', alice);
    expect(answered(core.answer({ factId: 'erdogan-host' }))).toBeUndefined();
    const undo = await service.undo('erdogan-host', bob);
    expect(undo).toMatchObject({ kind: 'saved', action: 'undo' });
    expect(answered(core.answer({ factId: 'erdogan-host' }))?.text).toContain('Erdoğan offered');
  });

  it('cites one more source and records who did what, when, before and after', async () => {
    await service.addSource('round-two-duration', { url: 'https://example.com/more', title: 'More' }, alice);
    const [entry] = await store.history('round-two-duration');
    expect(entry).toMatchObject({ action: 'source', actor: alice, factId: 'round-two-duration' });
    expect(entry?.before?.sources).toHaveLength(1);
    expect(entry?.after.sources).toHaveLength(2);
    const history = await service.history('round-two-duration');
    expect(history).toMatchObject({ kind: 'history', entries: [{ action: 'source', actor: alice }] });
    expect(historyLines(history as Extract<ModResult, { kind: 'history' }>).join('\n')).toContain('alice (telegram) — source round-two-duration');
  });

  it('refuses every change while another file on disk is broken, naming that file, never "no such fact"', async () => {
    const other = (await readFile(path.join(dir, 'facts/rounds.yaml'), 'utf8')).replace('url: https://example.com/second', 'url: nope');
    await writeFile(path.join(dir, 'facts/other.yaml'), other.replace(/id: /g, 'id: other-'));
    const file = path.relative(process.cwd(), path.join(dir, 'facts/other.yaml'));

    const replies = [await service.retire('erdogan-host', alice), await service.add(draft, alice)];

    for (const reply of replies) {
      expect(reply).toMatchObject({ kind: 'refused', reason: 'blocked', files: [file] });
      expect(refusalText(reply as Refusal)).toBe(MOD_MESSAGES.blocked(1, [file]));
    }
    expect(answered(core.answer({ factId: 'erdogan-host' }))).toBeDefined();
    expect(await store.audit.readAll()).toEqual([]);
  });

  it('steps back one change per undo, through every recorded change, instead of undoing the undo', async () => {
    await service.edit('round-two-duration', { answer: 'First edit.' }, alice);
    await service.edit('round-two-duration', { answer: 'Second edit.' }, bob);
    const answer = () => answered(core.answer({ factId: 'round-two-duration' }))?.text;

    expect((await service.undo('round-two-duration', alice)).kind).toBe('saved');
    expect(answer()).toBe('First edit.');
    expect((await service.undo('round-two-duration', alice)).kind).toBe('saved');
    expect(answer()).toBe('The second round lasted a little over an hour.');
    const third = await service.undo('round-two-duration', alice);
    expect(third).toMatchObject({ kind: 'refused', reason: 'not-found', message: expect.stringContaining('nothing to undo') });
    expect(answer()).toBe('The second round lasted a little over an hour.');
  });

  it('adds a fact whose first question is not in Latin script, under an id made from its hash', async () => {
    const questions = ['Кто принёс торт на пятый раунд?', 'торт на пятом раунде', 'был ли торт на переговорах'];
    const reply = await service.add({ ...draft, questions }, alice);
    expect(reply.kind).toBe('saved');
    const id = reply.kind === 'saved' ? reply.fact.id : '';
    expect(id).toMatch(/^fact-[0-9a-f]{8}$/);
    expect(answered(core.answer({ factId: id }))?.text).toBe(draft.answer);
  });

  it('answers plainly for a fact that does not exist', async () => {
    expect(service.show('nope')).toEqual({ kind: 'refused', reason: 'not-found', id: 'nope' });
    expect(await service.retire('nope', alice)).toEqual({ kind: 'refused', reason: 'not-found', id: 'nope' });
    expect((await service.undo('round-two-duration', alice)).kind).toBe('refused');
  });

  it('shows every field of a fact with the version an edit must quote', () => {
    const shown = service.show('round-three-duration');
    expect(shown).toMatchObject({ kind: 'fact', fact: { id: 'round-three-duration', caveat: expect.stringContaining('Paper A says 40 minutes') }, version: service.keyOf('round-three-duration') });
  });

  it('reports facts, sources, the last change and pending problems', async () => {
    await service.retire('erdogan-host', alice);
    const status = await service.status();
    expect(status).toMatchObject({ kind: 'status', facts: 4, active: 2, last: { action: 'retire', actor: alice, factId: 'erdogan-host' }, problems: [] });
    const text = statusLines(status as Extract<ModResult, { kind: 'status' }>).join('\n');
    expect(text).toContain('Facts: 4 (2 active, 2 retired)');
    expect(text).toContain('alice (telegram) — retire erdogan-host');
    expect(text).toContain(MOD_MESSAGES.statusNoProblems);
  });

  it('groups unanswered questions by similarity, biggest gap first, with fact ratings', async () => {
    const ask = (userId: string, q: string) => activity.recordQuestion({ platform: 'telegram', userId }, core.answer(q));
    await ask('1', 'What is the GDP of Germany?');
    await ask('2', 'GDP of Germany?');
    await ask('2', 'germany gdp');
    await ask('3', 'Who won the football match?');
    await ask('4', 'How long did the third round last?');
    await activity.recordFeedback({ platform: 'telegram', userId: '1' }, 'round-two-duration', 'down');
    await activity.recordFeedback({ platform: 'telegram', userId: '1' }, 'round-two-duration', 'down');
    await activity.recordFeedback({ platform: 'discord', userId: '1' }, 'round-two-duration', 'up');
    const report = await service.unanswered(7);
    expect(report).toMatchObject({ kind: 'gaps', days: 7, gaps: [{ count: 3, askers: 2, example: 'germany gdp' }, { count: 1 }] });
    const lines = gapsLines(report as Extract<ModResult, { kind: 'gaps' }>);
    const text = lines.join('\n');
    expect(lines[1]).toBe('  3× (2 members) e.g. “germany gdp”');
    expect(lines[2]).toBe('  1× (1 member) e.g. “Who won the football match?”');
    expect(text).not.toContain('third round');
    expect(text).toContain('round-two-duration: 👍 1 / 👎 1');
  });

  it('looks back at most a year, saying so, when asked for more days than a date can hold', async () => {
    await activity.recordQuestion({ platform: 'telegram', userId: '1' }, core.answer('What is the GDP of Germany?'));
    const lines = gapsLines((await service.unanswered(99_999_999_999)) as Extract<ModResult, { kind: 'gaps' }>);
    expect(lines.slice(0, 3)).toEqual([
      MOD_MESSAGES.gapsLead(MODERATION.unansweredMaxDays),
      MOD_MESSAGES.daysOutOfRange(MODERATION.unansweredMaxDays),
      '  1× (1 member) e.g. “What is the GDP of Germany?”',
    ]);
  });
});

describe('moderation as data, and its limits', () => {
  it('counts changes against the moderator limit, never reading, and says so in its own result', async () => {
    const limited = new ModerationService(core, store, activity, undefined, undefined, new MemoryRateLimiter(2, 60_000));
    for (let i = 0; i < 5; i += 1) {
      expect(limited.show('round-two-duration').kind).toBe('fact');
      expect((await limited.status()).kind).toBe('status');
      expect((await limited.history('round-two-duration')).kind).toBe('history');
    }
    expect((await limited.change('round-two-duration', 'answer', 'One.', alice)).kind).toBe('saved');
    expect((await limited.change('round-two-duration', 'answer', 'Two.', alice)).kind).toBe('saved');
    expect(await limited.change('round-two-duration', 'answer', 'Three.', alice)).toEqual({ kind: 'refused', reason: 'limited', perMinute: 2 });
    expect(await limited.retire('erdogan-host', alice)).toEqual({ kind: 'refused', reason: 'limited', perMinute: 2 });
    // Another moderator has a limit of their own.
    expect((await limited.retire('erdogan-host', bob)).kind).toBe('saved');
    expect(refusalText({ kind: 'refused', reason: 'limited', perMinute: 2 })).toBe(MOD_MESSAGES.tooManyChanges(2));
  });

  it('changes one field in one call, checked as it is typed, and saves nothing for no change', async () => {
    expect(await service.change('round-two-duration', 'asOf', 'June 2nd', alice)).toEqual({
      kind: 'refused',
      reason: 'invalid',
      problems: [{ field: 'asOf', message: 'must be a date written YYYY-MM-DD' }],
    });
    expect(await service.change('round-two-duration', 'round', 'second', alice)).toMatchObject({ kind: 'refused', reason: 'invalid', problems: [{ field: 'round' }] });
    expect(await service.change('round-two-duration', 'round', '4', alice)).toMatchObject({ kind: 'saved', action: 'edit', fact: { round: 4 } });
    expect(core.base.facts.find((f) => f.id === 'round-two-duration')).toMatchObject({ round: 4, answer: 'The second round lasted a little over an hour.' });
    expect(await service.change('round-two-duration', 'round', '4', alice)).toEqual({ kind: 'cancelled', unchanged: true });
    expect(await service.change('round-two-duration', 'tags', 'second-round, duration', alice)).toMatchObject({ fact: { tags: ['second-round', 'duration'] } });
    expect(await service.change('round-two-duration', 'caveat', 'Paper B says two hours.', alice)).toMatchObject({ fact: { caveat: 'Paper B says two hours.' } });
    expect(await service.change('round-two-duration', 'caveat', 'none', alice)).toMatchObject({ kind: 'saved' });
    expect(core.base.facts.find((f) => f.id === 'round-two-duration')?.caveat).toBeUndefined();
    expect(await service.change('round-two-duration', 'publisher', 'none', alice)).toMatchObject({ kind: 'saved' });
    expect(core.base.facts.find((f) => f.id === 'round-two-duration')?.sources[0]).toEqual({ title: 'Second round report', published: '2025-06-02', url: 'https://example.com/second' });
  });

  it('makes an edited fact of a newer round "the latest round"', async () => {
    const before = core.answer('how long was the latest round');
    expect(before.kind === 'answer' && before.factId).toBe('round-three-duration');
    await service.change('round-two-duration', 'round', '4', alice);
    const after = core.answer('how long was the latest round');
    expect(after.kind === 'answer' && after.factId).toBe('round-two-duration');
  });

  it('previews a draft as members would get it, naming what keeps it from being saved', () => {
    const ok = service.preview(draft);
    expect(ok).toMatchObject({ factId: 'how-long-did-the-fourth-round-last', problems: [], answer: { kind: 'answer', text: draft.answer, asOfText: 'as of 1 December 2025' } });
    expect(ok?.answer?.citations[0]?.label).toBe('Fourth round report — Example News, 1 December 2025');
    const taken = service.preview({ ...draft, id: 'round-two-duration', questions: ['no question mark', 'two', 'three'] });
    expect(taken?.answer).toBeUndefined();
    expect(taken?.problems).toEqual([
      { field: 'questions[0]', message: expect.stringContaining('ending in "?"') },
      { field: 'id', code: 'idTaken', message: expect.stringContaining('is taken') },
    ]);
    const edit = service.preview({ answer: 'About an hour.', round: 5 }, 'round-two-duration');
    expect(edit).toMatchObject({ factId: 'round-two-duration', changed: ['answer', 'round'], answer: { text: 'About an hour.' } });
    expect(service.preview({}, 'nope')).toBeUndefined();
  });

  it('says in history what each undo took back', async () => {
    await service.edit('round-two-duration', { answer: 'First edit.' }, alice);
    await service.edit('round-two-duration', { answer: 'Second edit.' }, bob);
    await service.undo('round-two-duration', alice);
    await service.undo('round-two-duration', bob);
    const history = await service.history('round-two-duration');
    expect(history).toMatchObject({
      kind: 'history',
      entries: [
        { action: 'edit', actor: alice },
        { action: 'edit', actor: bob },
        { action: 'undo', actor: alice, undid: { action: 'edit', actor: bob } },
        { action: 'undo', actor: bob, undid: { action: 'edit', actor: alice } },
      ],
    });
    const lines = historyLines(history as Extract<ModResult, { kind: 'history' }>);
    expect(lines[3]).toMatch(/— alice \(telegram\) — undo round-two-duration \(took back the edit by bob at \d{4}-\d\d-\d\d \d\d:\d\d UTC\)$/);
  });
});
