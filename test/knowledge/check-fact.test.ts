import { describe, expect, it } from 'vitest';
import { checkFact } from '../../src/knowledge/check-fact.js';

const valid = {
  id: 'fourth-round-chair',
  questions: ['Who chaired the fourth round?', 'chair of the fourth round', 'who led the fourth meeting'],
  answer: 'A Turkish diplomat.',
  sources: [{ url: 'https://example.com/four', title: 'Report' }],
  asOf: '2025-12-01',
};

describe('checking one fact as a form is filled in', () => {
  it('accepts a fact the files would accept', () => {
    expect(checkFact(valid)).toMatchObject({ ok: true, fact: { id: 'fourth-round-chair', status: 'active' } });
  });

  it('names each wrong field as kb:check names it', () => {
    const result = checkFact({ ...valid, asOf: '1 Dec', sources: [{ url: 'example.com/four' }] });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.field).sort()).toEqual(['asOf', 'sources[0].url']);
  });
});
