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

  it('reads JSON lines of one conversation as its turns, and names the conversation on each answer line', () => {
    const turn = (question: string, conversation: string) => JSON.stringify({ question, conversation });
    const run = ask(
      ['--json'],
      [
        turn('How long did the second round last?', 'c1'),
        turn('how many minutes?', 'c1'),
        turn('how many minutes?', 'c2'),
        'how many minutes?',
        turn('how many minutes?', 'c1'),
      ].join('\n'),
    );
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // Asked alone (or first in its conversation), "how many minutes?" is the third round's.
    expect(lines.map((l) => [l.question, l.factId, l.conversation])).toEqual([
      ['How long did the second round last?', 'round-two-duration', 'c1'],
      ['how many minutes?', 'round-two-duration', 'c1'],
      ['how many minutes?', 'round-three-duration', 'c2'],
      ['how many minutes?', 'round-three-duration', undefined],
      ['how many minutes?', 'round-two-duration', 'c1'],
    ]);
    expect(lines[3]).not.toHaveProperty('conversation');
  });

  it('answers a JSON line without a conversation, and one that is not such an object, as a standalone question', () => {
    const run = ask(
      ['--json'],
      [
        JSON.stringify({ question: 'How long did the second round last?', conversation: 'c1' }),
        JSON.stringify({ question: 'how many minutes?' }),
        JSON.stringify(['How long did the third round last?']),
        '{"question": "how many minutes?", "conversation": 7}',
      ].join('\n'),
    );
    expect(run.status).toBe(0);
    const [, noConversation, array, badConversation] = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // The question is the line's "question", not the JSON around it.
    expect(noConversation).toMatchObject({ question: 'how many minutes?', factId: 'round-three-duration' });
    expect(array).toMatchObject({ question: '["How long did the third round last?"]', factId: 'round-three-duration' });
    // Not a turn of c1 (that would be the second round's): the line as written is the question.
    expect(badConversation).toMatchObject({ question: expect.stringMatching(/^\{"question": "how many minutes\?/), factId: 'round-three-duration' });
    for (const line of [noConversation, array, badConversation]) expect(line).not.toHaveProperty('conversation');
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
