import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { answered } from '../../src/answer.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { ActivityLog } from '../../src/activity.js';
import { BotCore } from '../../src/core.js';
import { KnowledgeStore } from '../../src/knowledge/store.js';
import { parseModCommand, TextModeration } from '../../src/moderation/commands.js';
import { Dialogues } from '../../src/moderation/dialogue.js';
import { EDITABLE_FIELDS } from '../../src/moderation/fields.js';
import type { ModResult } from '../../src/moderation/result.js';
import { MemoryRateLimiter } from '../../src/ratelimit.js';
import { ModerationService } from '../../src/moderation/service.js';
import { copyOfFixtureKnowledge, loadBase } from '../helpers.js';

describe('reading moderator commands', () => {
  it('understands every command, with or without a slash and a bot name', () => {
    expect(parseModCommand('/fact@talks_bot show round-two-duration')).toEqual({ name: 'show', id: 'round-two-duration' });
    expect(parseModCommand('fact add')).toEqual({ name: 'add' });
    expect(parseModCommand('fact source x https://e.com/a A long title')).toEqual({ name: 'source', id: 'x', url: 'https://e.com/a', title: 'A long title' });
    expect(parseModCommand('kb unanswered 30')).toEqual({ name: 'unanswered', days: 30 });
    expect(parseModCommand('kb unanswered')).toEqual({ name: 'unanswered', days: 7 });
    expect(parseModCommand('kb undo x')).toEqual({ name: 'undo', id: 'x' });
    expect(parseModCommand('fact edit x')).toEqual({ name: 'edit', id: 'x' });
  });

  it('reads a single-field edit, keeping the value as typed, line breaks and all', () => {
    expect(parseModCommand('/fact edit x round 4')).toEqual({ name: 'change', id: 'x', field: 'round', value: '4' });
    expect(parseModCommand('fact edit x asof 2025-06-03')).toEqual({ name: 'change', id: 'x', field: 'asOf', value: '2025-06-03' });
    expect(parseModCommand('fact edit x answer It lasted  an hour.')).toEqual({ name: 'change', id: 'x', field: 'answer', value: 'It lasted  an hour.' });
    expect(parseModCommand('fact edit x questions\nOne?\nTwo\nThree')).toEqual({ name: 'change', id: 'x', field: 'questions', value: 'One?\nTwo\nThree' });
    expect(parseModCommand('fact edit x colour red')).toEqual({ name: 'usage', problem: { kind: 'unknown-field', field: 'colour', fields: EDITABLE_FIELDS } });
    expect(parseModCommand('fact edit x id y')).toMatchObject({ name: 'usage', problem: { kind: 'unknown-field', field: 'id' } });
    expect(parseModCommand('fact edit x round')).toEqual({ name: 'usage', problem: { kind: 'needs-value', field: 'round' } });
  });

  it('answers a half-typed command with the one thing it lacks, an unknown one with the usage, and ignores ordinary questions', () => {
    expect(parseModCommand('fact show')).toEqual({ name: 'usage', problem: { kind: 'needs-id', command: 'fact show' } });
    expect(parseModCommand('kb unanswered lots')).toEqual({ name: 'usage', problem: { kind: 'days', given: 'lots', max: 365 } });
    expect(parseModCommand('kb unanswered 0')).toEqual({ name: 'usage', problem: { kind: 'days', given: '0', max: 365 } });
    expect(parseModCommand('fact source x')).toEqual({ name: 'usage', problem: { kind: 'source' } });
    expect(parseModCommand('kb frobnicate')).toEqual({ name: 'usage' });
    expect(parseModCommand('How long did the talks last?')).toBeUndefined();
    expect(parseModCommand('facts about the talks')).toBeUndefined();
  });
});

describe('the guided add and edit dialogue', () => {
  const moderator = { platform: 'telegram', id: '7', name: 'mod' };
  let core: BotCore;
  let service: ModerationService;
  let text: TextModeration;
  let now = 0;

  const start = async (limiter?: MemoryRateLimiter) => {
    const dir = await copyOfFixtureKnowledge();
    core = new BotCore(await loadBase(dir));
    const activity = new ActivityLog(await mkdtemp(path.join(tmpdir(), 'data-')));
    service = new ModerationService(core, new KnowledgeStore(dir), activity, undefined, undefined, limiter);
    text = new TextModeration(service, new Dialogues(undefined, () => now));
  };
  beforeEach(() => start());

  /** Sends each line; the last result. */
  const say = async (...lines: string[]): Promise<ModResult> => {
    let last: ModResult = { kind: 'usage' };
    for (const line of lines) last = await text.handle(moderator, line);
    return last;
  };
  const fact = (id: string) => core.base.facts.find((f) => f.id === id);

  it('adds a fact one field at a time, asking again at once for a value that does not pass, and shows it before saving', async () => {
    expect(await say('/fact add')).toMatchObject({ kind: 'ask', mode: 'add', step: 'questions', number: 1, total: 7, opening: true, required: true });
    expect(await say('Only one question?')).toMatchObject({ kind: 'ask', step: 'questions', opening: false, problems: [{ field: 'questions', message: 'needs at least three phrasings of the question' }] });
    expect(await say('Who mediated round four?\nmediator of the fourth round\nwho chaired the fourth meeting')).toMatchObject({ kind: 'ask', step: 'answer', number: 2, problems: [] });
    expect(await say('Türkiye’s foreign minister chaired it.')).toMatchObject({ kind: 'ask', step: 'url' });
    expect(await say('example.com/four')).toMatchObject({ kind: 'ask', step: 'url', problems: [{ field: 'sources[0].url', message: 'must be a URL (http or https)' }] });
    expect(await say('-')).toMatchObject({ kind: 'ask', step: 'url', problems: [{ message: 'This one is needed.' }] });
    expect(await say('https://example.com/four')).toMatchObject({ kind: 'ask', step: 'source', required: false });
    expect(await say('Round four | | 2 December')).toMatchObject({ kind: 'ask', step: 'source', problems: [{ field: 'sources[0].published', message: 'must be a date written YYYY-MM-DD' }] });
    expect(await say('Round four | | 2025-12-02')).toMatchObject({ kind: 'ask', step: 'asOf' });
    expect(await say('yesterday')).toMatchObject({ kind: 'ask', step: 'asOf', problems: [{ field: 'asOf' }] });
    expect(await say('2025-12-02')).toMatchObject({ kind: 'ask', step: 'round', required: false });
    expect(await say('four')).toMatchObject({ kind: 'ask', step: 'round', problems: [{ field: 'round', message: 'must be a whole number, e.g. 4' }] });
    expect(await say('4')).toMatchObject({ kind: 'ask', step: 'tags' });
    const preview = await say('fourth-round, chair');
    expect(preview).toMatchObject({
      kind: 'preview',
      mode: 'add',
      factId: 'who-mediated-round-four',
      fact: { round: 4, tags: ['fourth-round', 'chair'] },
      answer: { text: 'Türkiye’s foreign minister chaired it.', citations: [{ label: 'Round four — publisher not stated, 2 December 2025' }] },
      problems: [],
    });
    expect(fact('who-mediated-round-four')).toBeUndefined(); // nothing saved yet
    expect(await say('save')).toMatchObject({ kind: 'saved', action: 'add', fact: { id: 'who-mediated-round-four', round: 4 } });
    expect(answered(core.answer({ factId: 'who-mediated-round-four' }))?.citations[0]?.label).toBe('Round four — publisher not stated, 2 December 2025');
    // A round above the base's highest is now "the latest round".
    const latest = core.answer('who chaired the latest round?');
    expect(latest.kind === 'answer' && latest.factId).toBe('who-mediated-round-four');
    expect(await text.wants(moderator, 'How long did the third round last?')).toBe(false);
  });

  it('lets a field be changed at the preview by name, and keeps the draft when a change does not pass', async () => {
    await say('/fact add', 'Who mediated round four?|mediator of the fourth round|who chaired the fourth meeting', 'The foreign minister.', 'https://example.com/four', 'skip', '2025-12-02', 'skip');
    expect(await say('-')).toMatchObject({ kind: 'preview', fact: { tags: [] } });
    expect(await say('round IV')).toMatchObject({ kind: 'preview', notTaken: [{ field: 'round' }] });
    expect(await say('caveat Paper B names his deputy.')).toMatchObject({ kind: 'preview', notTaken: [], answer: { caveat: 'Paper B names his deputy.' } });
    expect(await say('id round-two-duration')).toMatchObject({ kind: 'preview', problems: [{ field: 'id', message: expect.stringContaining('taken') }] });
    // Not saved, nor tried: the draft waits for a new id.
    expect(await say('save')).toMatchObject({ kind: 'preview', problems: [{ field: 'id' }] });
    expect(await say('what now?')).toMatchObject({ kind: 'preview', notUnderstood: true });
    expect(await say('id fourth-round-mediator')).toMatchObject({ kind: 'preview', factId: 'fourth-round-mediator', problems: [] });
    expect(await say('save')).toMatchObject({ kind: 'saved', fact: { id: 'fourth-round-mediator', caveat: 'Paper B names his deputy.' } });
  });

  it('edits a fact keeping every value answered with "keep", "-" or nothing, showing each value now', async () => {
    expect(await say('/fact edit round-two-duration')).toMatchObject({ kind: 'ask', mode: 'edit', factId: 'round-two-duration', step: 'questions', current: expect.stringContaining('How long did the second round last?') });
    expect(await say('keep')).toMatchObject({ kind: 'ask', step: 'answer', current: 'The second round lasted a little over an hour.' });
    await say('It lasted about an hour.', '', '-', 'keep', 'keep');
    const preview = await say('keep');
    expect(preview).toMatchObject({ kind: 'preview', mode: 'edit', changed: ['answer'], answer: { text: 'It lasted about an hour.' } });
    expect(await say('save')).toMatchObject({ kind: 'saved', action: 'edit' });
    expect(fact('round-two-duration')).toMatchObject({ answer: 'It lasted about an hour.', sources: [{ url: 'https://example.com/second' }] });
  });

  it('edits only the first source’s address, or its title and date, keeping the rest', async () => {
    await say('/fact edit round-two-duration', 'keep', 'keep', 'https://example.com/second-v2', 'keep', 'keep', 'keep', 'keep');
    expect(await say('save')).toMatchObject({ kind: 'saved' });
    expect(fact('round-two-duration')?.sources).toEqual([{ title: 'Second round report', publisher: 'Example News', published: '2025-06-02', url: 'https://example.com/second-v2' }]);
    await say('/fact edit round-two-duration', 'keep', 'keep', 'keep', 'Second round, full report | | 2025-06-03', 'keep', 'keep', 'keep');
    expect(await say('save')).toMatchObject({ kind: 'saved' });
    expect(fact('round-two-duration')?.sources).toEqual([{ title: 'Second round, full report', publisher: 'Example News', published: '2025-06-03', url: 'https://example.com/second-v2' }]);
  });

  it('saves nothing for an edit that changes nothing', async () => {
    await say('/fact edit round-two-duration', 'keep', 'keep', 'keep', 'keep', 'keep', 'keep', 'keep');
    expect(await say('save')).toEqual({ kind: 'cancelled', unchanged: true });
    expect(await text.wants(moderator, 'How long did the second round last?')).toBe(false);
  });

  it('keeps the draft when the fact changed meanwhile, and saves the same change over the new version', async () => {
    await say('/fact edit round-two-duration', 'keep', 'About an hour.', 'keep', 'keep', 'keep', 'keep', 'keep');
    await service.change('round-two-duration', 'round', '5', { platform: 'discord', id: '9', name: 'bob' });
    const refused = await say('save');
    expect(refused).toMatchObject({ kind: 'preview', rebased: true, refused: { reason: 'conflict', message: expect.stringContaining('was changed by bob') }, fact: { answer: 'About an hour.', round: 5 } });
    expect(await say('save')).toMatchObject({ kind: 'saved' });
    expect(fact('round-two-duration')).toMatchObject({ answer: 'About an hour.', round: 5 });
  });

  it('keeps the draft when a save is over the moderator limit, and counts no reading', async () => {
    await start(new MemoryRateLimiter(1, 60_000));
    expect((await say('fact retire erdogan-host')).kind).toBe('saved');
    for (let i = 0; i < 3; i += 1) expect((await say('kb status')).kind).toBe('status');
    await say('/fact edit round-two-duration', 'keep', 'About an hour.', 'keep', 'keep', 'keep', 'keep', 'keep');
    expect(await say('save')).toMatchObject({ kind: 'preview', refused: { reason: 'limited', perMinute: 1 }, fact: { answer: 'About an hour.' } });
    expect(await text.wants(moderator, 'save')).toBe(true);
  });

  it('understands the dialogue’s words in Ukrainian and Russian, as the translated prompts and keyboards offer them', async () => {
    // Ukrainian: «залишити» keeps, «немає» removes an optional field, «зберегти» saves.
    await say('/fact edit round-two-duration', 'залишити', 'About an hour.', 'Залишити', 'залишити', 'залишити');
    expect(await say('немає')).toMatchObject({ kind: 'ask', step: 'tags' });
    expect(await say('залишити')).toMatchObject({ kind: 'preview', changed: ['answer', 'round'], fact: { answer: 'About an hour.' } });
    expect(await say('зберегти')).toMatchObject({ kind: 'saved', action: 'edit' });
    expect(fact('round-two-duration')?.round).toBeUndefined();
    // Russian: «пропустить» leaves an optional field out, «сохранить» saves, «нет» removes in a single-field edit, «отмена» cancels.
    await say('/fact add', 'Who chaired the fourth round?\nWho led the fourth meeting\nChair of the fourth round', 'Türkiye’s foreign minister.', 'https://example.com/four');
    expect(await say('пропустить')).toMatchObject({ kind: 'ask', step: 'asOf' });
    await say('2025-12-02', 'пропустить');
    expect(await say('ПРОПУСТИТЬ')).toMatchObject({ kind: 'preview', fact: { id: 'who-chaired-the-fourth-round', tags: [] } });
    expect(await say('сохранить')).toMatchObject({ kind: 'saved', action: 'add' });
    expect(await say('fact edit round-three-duration round нет')).toMatchObject({ kind: 'saved', fact: { id: 'round-three-duration' } });
    expect(fact('round-three-duration')?.round).toBeUndefined();
    await say('/fact add');
    expect(await say('отмена')).toEqual({ kind: 'cancelled', unchanged: false });
    await say('/fact add');
    expect(await say('скасувати')).toEqual({ kind: 'cancelled', unchanged: false });
  });

  it('stops on "cancel" without saving, and then reads the next message as an ordinary one', async () => {
    await say('/fact add');
    expect(await say('cancel')).toEqual({ kind: 'cancelled', unchanged: false });
    expect(await text.wants(moderator, 'How long did the third round last?')).toBe(false);
  });

  it('forgets a dialogue left unanswered too long', async () => {
    await say('/fact add');
    expect(await text.wants(moderator, 'anything')).toBe(true);
    now += 11 * 60_000;
    expect(await text.wants(moderator, 'anything')).toBe(false);
  });

  it('answers a plain message with no dialogue open with the usage', async () => {
    expect(await say('hello')).toEqual({ kind: 'usage' });
  });
});
