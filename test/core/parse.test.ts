import { describe, expect, it } from 'vitest';
import { formatProblem, parseFactBase, type KnowledgeFile } from '../../src/knowledge/parse.js';
import { LIMITS } from '../../src/config/defaults.js';
import { FIXTURE_KNOWLEDGE, loadBase } from '../helpers.js';

const goodFact = `
  - id: latest-round-duration
    questions: [How long was it?, What was the duration?, How many minutes?]
    answer: About 40 minutes.
    sources:
      - publisher: Example
        published: 2025-07-23
        url: https://example.com/a
    asOf: 2025-07-23
`;
const file = (name: string, text: string): KnowledgeFile => ({ name, text });

describe('the fact-base parser', () => {
  it('accepts a valid base and fills in defaults for status and tags', async () => {
    const base = await loadBase(FIXTURE_KNOWLEDGE);
    expect(base.facts.map((f) => f.id)).toContain('round-three-duration');
    const erdogan = base.facts.find((f) => f.id === 'erdogan-host');
    expect(erdogan?.status).toBe('active');
    expect(base.newestDate).toBe('2025-07-24');
    expect(base.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('names the file, the fact and the field of a bad URL', () => {
    const result = parseFactBase([file('knowledge/talks.yaml', `facts:${goodFact.replace('https://example.com/a', 'not a url')}`)]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual([
      'knowledge/talks.yaml: fact "latest-round-duration": sources[0].url must be a URL (http or https)',
    ]);
  });

  it('reports every problem at once, across files', () => {
    const result = parseFactBase([
      file('a.yaml', `facts:\n  - id: no-sources\n    questions: [a question?, another one?, third one?]\n    answer: x\n    sources: []\n    asOf: 2025-07-23\n`),
      file('b.yaml', `facts:\n  - id: Bad Id\n    questions: [only one?]\n    answer: ''\n    sources: [{ publisher: P }]\n    asOf: 23.07.2025\n`),
      file('c.yaml', 'facts: [unclosed'),
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map(formatProblem);
    expect(lines).toContain('a.yaml: fact "no-sources": sources must cite at least one source');
    expect(lines).toContain('b.yaml: fact "Bad Id": id must be lower-case words joined by hyphens');
    expect(lines).toContain('b.yaml: fact "Bad Id": questions needs at least three phrasings of the question');
    expect(lines).toContain('b.yaml: fact "Bad Id": sources[0].url is required');
    expect(lines).toContain('b.yaml: fact "Bad Id": asOf must be a date written YYYY-MM-DD');
    expect(lines.some((l) => l.startsWith('c.yaml: is not valid YAML'))).toBe(true);
  });

  it('says a missing field is required and a field of the wrong kind what kind it must be, and where bad YAML breaks', () => {
    const result = parseFactBase([
      file('a.yaml', `facts:\n  - id: no-answer\n    questions: a single line\n    sources: [{ url: https://example.com/a }]\n    asOf: 2025-07-23\n`),
      file('b.yaml', 'facts:\n  - id: a\n   questions: [x\n'),
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual([
      'a.yaml: fact "no-answer": questions must be a list',
      'a.yaml: fact "no-answer": answer is required',
      'b.yaml: is not valid YAML: bad indentation of a sequence entry at line 3, column 4',
    ]);
  });

  it('refuses an id used twice and says where the first one is', () => {
    const result = parseFactBase([file('a.yaml', `facts:${goodFact}`), file('b.yaml', `facts:${goodFact}`)]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual(['b.yaml: fact "latest-round-duration": id is used twice (also in a.yaml)']);
  });

  it('refuses a fact with no sources field at all, and unknown fields', () => {
    const result = parseFactBase([
      file('a.yaml', `facts:\n  - id: bare\n    questions: [q one?, q two?, q three?]\n    answer: x\n    asOf: 2025-07-23\n    sorces: []\n`),
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map(formatProblem).join('\n');
    expect(lines).toContain('fact "bare": sources');
    expect(lines).toContain('sorces');
  });

  it('points at a fact without an id by its position', () => {
    const result = parseFactBase([file('a.yaml', `facts:\n  - answer: x\n`)]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.every((p) => p.field?.startsWith('facts[0]'))).toBe(true);
  });

  it('refuses a source without an address, however well it is otherwise described', () => {
    const result = parseFactBase([
      file('a.yaml', `facts:${goodFact.replace('url: https://example.com/a', 'title: Third round report')}`),
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual(['a.yaml: fact "latest-round-duration": sources[0].url is required']);
  });

  it('accepts the years a fact speaks of and its timeline line, trimmed, up to LIMITS.timelineChars', () => {
    const line = `  ${'x'.repeat(LIMITS.timelineChars)}  `;
    const result = parseFactBase([file('a.yaml', `facts:${goodFact}    years: [2022, 2024]\n    timeline: "${line}"\n`)]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.base.facts[0]).toMatchObject({ years: [2022, 2024], timeline: 'x'.repeat(LIMITS.timelineChars) });
  });

  it('leaves out years and a timeline line a fact does not give', () => {
    const result = parseFactBase([file('a.yaml', `facts:${goodFact}`)]);
    expect(result.ok && result.base.facts[0]).not.toHaveProperty('years');
    expect(result.ok && result.base.facts[0]).not.toHaveProperty('timeline');
  });

  it('refuses a timeline line over LIMITS.timelineChars and years that are not a list of years from 1991', () => {
    const problemsOf = (extra: string) => {
      const result = parseFactBase([file('a.yaml', `facts:${goodFact}${extra}`)]);
      return result.ok ? [] : result.problems.map(formatProblem);
    };
    expect(problemsOf(`    timeline: ${'x'.repeat(LIMITS.timelineChars + 1)}\n`)).toEqual([
      `a.yaml: fact "latest-round-duration": timeline must be at most ${LIMITS.timelineChars} characters`,
    ]);
    expect(problemsOf('    years: 2022\n')).toEqual(['a.yaml: fact "latest-round-duration": years must be a list']);
    for (const years of ['[1990]', '[2101]', '[2022.5]', '["2022"]']) {
      const problems = problemsOf(`    years: ${years}\n`);
      expect(problems, years).toHaveLength(1);
      expect(problems[0], years).toMatch(/^a\.yaml: fact "latest-round-duration": years\[0\] /);
    }
    expect(problemsOf('    years: []\n')).toHaveLength(1);
  });

  it('refuses a word in two synonym groups, naming where it stands and the group it is in already', () => {
    const vocabulary = file('knowledge/vocabulary.yaml', 'synonyms:\n  - [duration, long, lasted]\n  - [lasted, went on for]\n');
    const result = parseFactBase([file('knowledge/talks.yaml', `facts:${goodFact}`)], vocabulary);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual(['knowledge/vocabulary.yaml: synonyms[1][0] "lasted" is already in the group of "duration": a word may stand in one group only']);
  });

  it('refuses a file that holds no facts list', () => {
    const result = parseFactBase([file('empty.yaml', '')]);
    expect(result.ok).toBe(false);
  });
});
