import { describe, expect, it } from 'vitest';
import { withEdits } from '../../src/knowledge/edits.js';
import { exportEdits } from '../../src/knowledge/export.js';
import { readKnowledgeFiles } from '../../src/knowledge/load.js';
import { parseFactBase } from '../../src/knowledge/parse.js';
import type { Fact } from '../../src/knowledge/schema.js';
import type { AuditEntry } from '../../src/knowledge/store.js';
import { copyOfFixtureKnowledge, loadBase } from '../helpers.js';

const alice = { platform: 'telegram', id: '1', name: 'alice' };
const edit = (before: Fact | null, after: Fact, file = 'ignored.yaml'): AuditEntry => ({
  at: '2025-12-01T00:00:00.000Z',
  actor: alice,
  action: before ? 'edit' : 'add',
  factId: after.id,
  file,
  before,
  after,
});

async function fixture() {
  const dir = await copyOfFixtureKnowledge();
  const base = await loadBase(dir);
  const fact = (id: string) => base.facts.find((f) => f.id === id)!;
  return { dir, fact };
}

function servedAnswer(files: Awaited<ReturnType<typeof readKnowledgeFiles>>, id: string) {
  const parsed = parseFactBase(files.facts, files.vocabulary, files.translations);
  if (!parsed.ok) throw new Error('does not parse');
  return parsed.base.facts.find((f) => f.id === id);
}

describe('the base served over the files with recorded changes', () => {
  it('makes the newest change of a chain whose start the files hold', async () => {
    const { dir, fact } = await fixture();
    const one = { ...fact('round-two-duration'), answer: 'One.' };
    const two = { ...one, answer: 'Two.' };
    const composed = withEdits(await readKnowledgeFiles(dir), [edit(fact('round-two-duration'), one), edit(one, two)]);
    expect(composed.applied).toEqual(['round-two-duration']);
    expect((servedAnswer(composed.files, 'round-two-duration'))?.answer).toBe('Two.');
  });

  it('changes nothing when the files already hold the newest change (it was exported)', async () => {
    const { dir, fact } = await fixture();
    const current = fact('round-two-duration');
    const composed = withEdits(await readKnowledgeFiles(dir), [edit({ ...current, answer: 'Older.' }, current)]);
    expect(composed).toMatchObject({ applied: [], superseded: [] });
  });

  it('lets files changed after the recorded changes win, and says which facts', async () => {
    const { dir, fact } = await fixture();
    const unrelated = { ...fact('erdogan-host'), answer: 'A version the files never had.' };
    const composed = withEdits(await readKnowledgeFiles(dir), [edit(unrelated, { ...unrelated, answer: 'Its edit.' })]);
    expect(composed).toMatchObject({ applied: [], superseded: ['erdogan-host'] });
    expect((servedAnswer(composed.files, 'erdogan-host'))?.answer).toBe(fact('erdogan-host').answer);
  });

  it('adds a fact that was added through the database, in the file its record names', async () => {
    const { dir, fact } = await fixture();
    const added = { ...fact('erdogan-host'), id: 'added-in-chat', answer: 'Added in chat.' };
    const composed = withEdits(await readKnowledgeFiles(dir), [edit(null, added, 'knowledge/facts/added-in-chat.yaml')]);
    expect(composed.files.facts.map((f) => f.name)).toContain('knowledge/facts/added-in-chat.yaml');
    expect((servedAnswer(composed.files, 'added-in-chat'))?.answer).toBe('Added in chat.');
  });
});

describe('exporting recorded changes into the files', () => {
  it('writes the changed file once; a second export writes nothing', async () => {
    const { dir, fact } = await fixture();
    const edits = [edit(fact('round-three-duration'), { ...fact('round-three-duration'), answer: 'Exported answer.' })];
    const first = await exportEdits(dir, edits);
    expect(first.written).toEqual([expect.stringMatching(/facts\/rounds\.yaml$/)]);
    expect((await loadBase(dir)).facts.find((f) => f.id === 'round-three-duration')?.answer).toBe('Exported answer.');
    expect((await exportEdits(dir, edits)).written).toEqual([]);
  });
});
