import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ActivityLog } from '../../src/activity.js';
import { BotCore } from '../../src/core.js';
import { KnowledgeStore } from '../../src/knowledge/store.js';
import { TextModeration } from '../../src/moderation/commands.js';
import { parseQuestions, parseSourceDetails, parseTags, readField, readFields } from '../../src/moderation/fields.js';
import { ModerationService } from '../../src/moderation/service.js';
import { copyOfFixtureKnowledge, loadBase } from '../helpers.js';

describe('reading what a moderator types', () => {
  it('reads phrasings one way: a line or a "|" each, bullets and blank lines dropped', () => {
    const expected = ['Who chaired the fourth round?', 'Who led the fourth meeting', 'Chair of the fourth round talks'];
    expect(parseQuestions('- Who chaired the fourth round?\n\n• Who led the fourth meeting\nChair of the fourth round talks ')).toEqual(expected);
    expect(parseQuestions('Who chaired the fourth round? | Who led the fourth meeting|* Chair of the fourth round talks')).toEqual(expected);
  });

  it('reads source details as title | publisher | date, and tags by commas', () => {
    expect(parseSourceDetails('Report | Example News | 2025-12-02')).toEqual(['Report', 'Example News', '2025-12-02']);
    expect(parseSourceDetails(' | Example News')).toEqual(['', 'Example News', '']);
    expect(parseSourceDetails('a | b | c | d')).toBeUndefined();
    expect(parseTags('fourth-round, duration ,,overview')).toEqual(['fourth-round', 'duration', 'overview']);
  });

  it('checks each field with the fact files’ own schema, naming the field as kb:check does', () => {
    expect(readField('url', 'example.com/a')).toEqual({ ok: false, problems: [{ field: 'sources[0].url', message: 'must be a URL (http or https)' }] });
    expect(readField('url', 'https://example.com/a')).toEqual({ ok: true, draft: { sourceUrl: 'https://example.com/a' } });
    expect(readField('asOf', '2025-13-40')).toMatchObject({ ok: false, problems: [{ field: 'asOf' }] });
    expect(readField('questions', 'No question mark | two | three')).toMatchObject({ ok: false, problems: [{ field: 'questions[0]' }] });
    expect(readField('round', '0')).toMatchObject({ ok: false, problems: [{ field: 'round' }] });
    expect(readField('round', '4')).toEqual({ ok: true, draft: { round: 4 } });
    expect(readField('source', 'a | b | c | d')).toMatchObject({ ok: false, problems: [{ field: 'sources[0]' }] });
    expect(readField('source', 'Report | | 2025-12-02')).toEqual({ ok: true, draft: { sourceTitle: 'Report', sourceDate: '2025-12-02' } });
    expect(readField('id', 'Not An Id')).toMatchObject({ ok: false, problems: [{ field: 'id' }] });
  });

  it('removes an optional field with "none", never a required one', () => {
    expect(readField('caveat', 'none')).toEqual({ ok: true, draft: { caveat: null } });
    expect(readField('round', 'NONE')).toEqual({ ok: true, draft: { round: null } });
    expect(readField('tags', 'none')).toEqual({ ok: true, draft: { tags: [] } });
    expect(readField('source', 'none')).toEqual({ ok: true, draft: { sourceTitle: null, sourcePublisher: null, sourceDate: null } });
    expect(readField('answer', 'none')).toEqual({ ok: true, draft: { answer: 'none' } });
  });

  it('reads a whole form at once, listing every problem and leaving empty inputs out', () => {
    expect(readFields({ questions: 'Who led?|the lead|the chair', answer: '', url: 'nope', asOf: 'soon' })).toEqual({
      draft: { questions: ['Who led?', 'the lead', 'the chair'] },
      problems: [
        { field: 'sources[0].url', message: 'must be a URL (http or https)' },
        { field: 'asOf', message: 'must be a date written YYYY-MM-DD' },
      ],
    });
  });
});

describe('a draft typed in a form', () => {
  const alice = { platform: 'discord', id: '11', name: 'alice' };
  const bob = { platform: 'discord', id: '12', name: 'bob' };
  let core: BotCore;
  let text: TextModeration;
  let service: ModerationService;

  beforeEach(async () => {
    const dir = await copyOfFixtureKnowledge();
    core = new BotCore(await loadBase(dir));
    service = new ModerationService(core, new KnowledgeStore(dir), new ActivityLog(await mkdtemp(path.join(tmpdir(), 'data-'))));
    text = new TextModeration(service);
  });

  const NEW = { questions: 'Who chaired the fourth round?\nWho led the fourth meeting\nChair of the fourth round talks', answer: 'Türkiye’s foreign minister chaired it.', asOf: '2025-12-02', url: 'example.com/fourth', source: 'Fourth round report | Example News | 2025-12-02' };

  it('keeps a form with a mistake as typed, previews what passed, and saves once it is fixed', async () => {
    const first = await text.forms.submit(alice, { mode: 'add' }, NEW);
    expect(first).toMatchObject({ kind: 'preview', mode: 'add', notTaken: [{ field: 'sources[0].url' }], problems: [] });
    // The form opens again with every input as typed.
    expect(await text.forms.open(alice)).toMatchObject({ target: { mode: 'add' }, form: NEW });
    const fixed = await text.forms.submit(alice, undefined, { ...NEW, url: 'https://example.com/fourth' });
    expect(fixed).toMatchObject({ kind: 'preview', notTaken: [], problems: [], answer: { text: NEW.answer } });
    // The same phrasings as the chat dialogue reads them.
    expect(fixed.kind === 'preview' && fixed.fact.questions).toEqual(parseQuestions(NEW.questions));
    const more = await text.forms.amend(alice, { round: '4', tags: 'fourth-round, chair', caveat: '' });
    expect(more).toMatchObject({ kind: 'preview', fact: { round: 4, tags: ['fourth-round', 'chair'] } });
    expect(await text.forms.save(alice)).toMatchObject({ kind: 'saved', action: 'add', fact: { id: 'who-chaired-the-fourth-round', round: 4 } });
    expect(await text.forms.open(alice)).toBeUndefined();
    expect(await text.forms.save(alice)).toEqual({ kind: 'refused', reason: 'no-draft' });
  });

  it('keeps each moderator’s draft apart, and cancels one without saving', async () => {
    await text.forms.submit(alice, { mode: 'add' }, NEW);
    expect(await text.forms.open(bob)).toBeUndefined();
    expect(await text.forms.cancel(alice)).toEqual({ kind: 'cancelled', unchanged: false });
    expect(await text.forms.open(alice)).toBeUndefined();
  });

  it('removes an optional field emptied in the second form', async () => {
    const key = service.keyOf('round-three-duration') ?? '';
    await text.forms.submit(alice, { mode: 'edit', factId: 'round-three-duration', key }, {});
    expect(await text.forms.amend(alice, { round: '', tags: '', caveat: '' })).toMatchObject({ kind: 'preview', changed: expect.arrayContaining(['caveat', 'round']) });
    expect(await text.forms.save(alice)).toMatchObject({ kind: 'saved' });
    const fact = core.base.facts.find((f) => f.id === 'round-three-duration');
    expect(fact?.caveat).toBeUndefined();
    expect(fact?.round).toBeUndefined();
  });

  it('saves nothing for an edit form sent back unchanged, and rebases a draft someone else overtook', async () => {
    const key = service.keyOf('round-two-duration') ?? '';
    const fact = core.base.facts.find((f) => f.id === 'round-two-duration');
    const shown = { questions: fact?.questions.join('\n') ?? '', answer: fact?.answer ?? '', asOf: fact?.asOf ?? '', url: '', source: '' };
    await text.forms.submit(alice, { mode: 'edit', factId: 'round-two-duration', key }, shown);
    expect(await text.forms.save(alice)).toEqual({ kind: 'cancelled', unchanged: true });

    await text.forms.submit(alice, { mode: 'edit', factId: 'round-two-duration', key }, { ...shown, answer: 'About an hour.' });
    await service.change('round-two-duration', 'round', '5', bob);
    expect(await text.forms.save(alice)).toMatchObject({ kind: 'preview', rebased: true, refused: { reason: 'conflict' }, fact: { answer: 'About an hour.', round: 5 } });
    expect(await text.forms.save(alice)).toMatchObject({ kind: 'saved' });
  });
});
