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
import { ModerationService } from '../../src/moderation/service.js';
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
    expect(reply).toEqual({ ok: true, text: MOD_MESSAGES.added('how-long-did-the-fourth-round-last') });
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
    expect(reply.ok).toBe(false);
    expect(reply.text).toContain(MOD_MESSAGES.invalid);
    expect(reply.text).toContain('sources[0].url: must be a URL');
    expect(reply.text).toContain('asOf: must be a date written YYYY-MM-DD');
    expect(core.answer('How long did the fourth round last?')).not.toMatchObject({ text: draft.answer });
    expect(await store.audit.readAll()).toEqual([]);
  });

  it('edits a fact in its own file, keeping the file’s other facts and comments', async () => {
    const before = await readFile(path.join(dir, 'facts/rounds.yaml'), 'utf8');
    const reply = await service.edit('round-two-duration', { answer: 'The second round lasted just over an hour.' }, bob);
    expect(reply.ok).toBe(true);
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
    expect(first?.ok).toBe(true);
    expect(second?.ok).toBe(false);
    expect(second?.text).toMatch(/was changed by alice .* after you opened it/);
    const answer = core.answer('How long did the second round last?');
    expect(answer.kind === 'answer' && answer.text).toBe('Alice’s answer.');
  });

  it('retires a fact so it is no longer served, and undo brings it back', async () => {
    await service.retire('erdogan-host', alice);
    expect(answered(core.answer({ factId: 'erdogan-host' }))).toBeUndefined();
    const undo = await service.undo('erdogan-host', bob);
    expect(undo.ok).toBe(true);
    expect(answered(core.answer({ factId: 'erdogan-host' }))?.text).toContain('Erdoğan offered');
  });

  it('cites one more source and records who did what, when, before and after', async () => {
    await service.addSource('round-two-duration', { url: 'https://example.com/more', title: 'More' }, alice);
    const [entry] = await store.history('round-two-duration');
    expect(entry).toMatchObject({ action: 'source', actor: alice, factId: 'round-two-duration' });
    expect(entry?.before?.sources).toHaveLength(1);
    expect(entry?.after.sources).toHaveLength(2);
    expect((await service.history('round-two-duration')).text).toContain('alice (telegram) — source round-two-duration');
  });

  it('refuses every change while another file on disk is broken, naming that file, never "no such fact"', async () => {
    const other = (await readFile(path.join(dir, 'facts/rounds.yaml'), 'utf8')).replace('url: https://example.com/second', 'url: nope');
    await writeFile(path.join(dir, 'facts/other.yaml'), other.replace(/id: /g, 'id: other-'));
    const expected = MOD_MESSAGES.blocked(1, [path.relative(process.cwd(), path.join(dir, 'facts/other.yaml'))]);
    expect(expected).toContain('other.yaml');

    const replies = [await service.retire('erdogan-host', alice), await service.add(draft, alice)];

    for (const reply of replies) expect(reply).toEqual({ ok: false, text: expected });
    expect(answered(core.answer({ factId: 'erdogan-host' }))).toBeDefined();
    expect(await store.audit.readAll()).toEqual([]);
  });

  it('steps back one change per undo, through every recorded change, instead of undoing the undo', async () => {
    await service.edit('round-two-duration', { answer: 'First edit.' }, alice);
    await service.edit('round-two-duration', { answer: 'Second edit.' }, bob);
    const answer = () => answered(core.answer({ factId: 'round-two-duration' }))?.text;

    expect((await service.undo('round-two-duration', alice)).ok).toBe(true);
    expect(answer()).toBe('First edit.');
    expect((await service.undo('round-two-duration', alice)).ok).toBe(true);
    expect(answer()).toBe('The second round lasted a little over an hour.');
    const third = await service.undo('round-two-duration', alice);
    expect(third.ok).toBe(false);
    expect(third.text).toContain('nothing to undo');
    expect(answer()).toBe('The second round lasted a little over an hour.');
  });

  it('adds a fact whose first question is not in Latin script, under an id made from its hash', async () => {
    const questions = ['Кто принёс торт на пятый раунд?', 'торт на пятом раунде', 'был ли торт на переговорах'];
    const reply = await service.add({ ...draft, questions }, alice);
    expect(reply.ok).toBe(true);
    const id = /"([^"]+)"/.exec(reply.text)?.[1] ?? '';
    expect(id).toMatch(/^fact-[0-9a-f]{8}$/);
    expect(answered(core.answer({ factId: id }))?.text).toBe(draft.answer);
  });

  it('answers plainly for a fact that does not exist', async () => {
    expect(service.show('nope')).toEqual({ ok: false, text: MOD_MESSAGES.notFound('nope') });
    expect((await service.retire('nope', alice)).ok).toBe(false);
    expect((await service.undo('round-two-duration', alice)).ok).toBe(false);
  });

  it('shows every field of a fact with the version an edit must quote', () => {
    const text = service.show('round-three-duration').text;
    expect(text).toContain('id: round-three-duration');
    expect(text).toContain(`version: ${service.keyOf('round-three-duration')}`);
    expect(text).toContain('caveat: Paper A says 40 minutes');
    expect(text).toContain('sources[1]: Seed article | https://example.com/seed');
  });

  it('reports facts, sources, the last change and pending problems', async () => {
    await service.retire('erdogan-host', alice);
    const text = (await service.status()).text;
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
    const text = (await service.unanswered(7)).text;
    const lines = text.split('\n');
    expect(lines[1]).toBe('  3× (2 members) e.g. “germany gdp”');
    expect(lines[2]).toBe('  1× (1 member) e.g. “Who won the football match?”');
    expect(text).not.toContain('third round');
    expect(text).toContain('round-two-duration: 👍 1 / 👎 1');
  });

  it('looks back at most a year, saying so, when asked for more days than a date can hold', async () => {
    await activity.recordQuestion({ platform: 'telegram', userId: '1' }, core.answer('What is the GDP of Germany?'));
    const lines = (await service.unanswered(99_999_999_999)).text.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      MOD_MESSAGES.gapsLead(MODERATION.unansweredMaxDays),
      MOD_MESSAGES.daysOutOfRange(MODERATION.unansweredMaxDays),
      '  1× (1 member) e.g. “What is the GDP of Germany?”',
    ]);
  });
});
