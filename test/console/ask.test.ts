import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/messages.js';
import { ASK_FROM_SOURCE, ROOT, runAsk } from '../helpers.js';

const ask = (args: string[], input = '') => runAsk(ASK_FROM_SOURCE, args, input);

describe('the ask command', () => {
  it('answers one JSON line per input line, in order, with the fields scorers read', () => {
    const run = ask(['--json'], 'How long did the third round last?\nWhat is the GDP of Germany?\n\nsecond round press venue\n');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({
      question: 'How long did the third round last?',
      answered: true,
      factId: 'round-three-duration',
      asOf: '2025-07-23',
    });
    expect(lines[0]?.answer).toMatch(/^The third round lasted about 40 minutes\. Sources differ:/);
    expect((lines[0]?.sources as unknown[]).length).toBe(2);
    expect(lines[1]).toMatchObject({ answered: false, kind: 'declined', answer: MESSAGES.declined, factId: null, sources: [] });
    expect(lines[2]).toMatchObject({ answered: false, answer: MESSAGES.empty });
    expect(lines[3]).toMatchObject({ answered: false, kind: 'ambiguous' });
    expect((lines[3]?.suggestions as string[]).length).toBeGreaterThan(0);
  });

  it('prints one answer with its sources for a question given as arguments', () => {
    const run = ask(['How long did the second round last?']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('The second round lasted a little over an hour.');
    expect(run.stdout).toContain('[1] Second round report — Example News, 2 June 2025 — https://example.com/second');
    expect(run.stdout).toContain('as of 2 June 2025');
  });

  it('shows usage and fails when given nothing to ask', () => {
    const run = ask([]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('usage: npm run ask');
  });

  it('stops with the fact base problems, not a stack trace, when the base is broken', () => {
    const run = runAsk(ASK_FROM_SOURCE, ['anything'], '', { KNOWLEDGE_DIR: path.join(ROOT, 'test/fixtures/no-such-dir') });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('problem(s)');
    expect(run.stderr).not.toContain('    at ');
  });
});
