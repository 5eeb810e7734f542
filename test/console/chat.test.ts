import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../adapters/console/chat.js';
import { BotCore } from '../../src/core.js';
import { MESSAGES } from '../../src/messages.js';
import { FIXTURE_KNOWLEDGE, loadBase } from '../helpers.js';

let core: BotCore;
beforeAll(async () => {
  core = new BotCore(await loadBase(FIXTURE_KNOWLEDGE));
});

async function chat(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const done = runConsole(core, input, output);
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return text;
}

describe('the console chat', () => {
  it('greets, answers with sources, and says goodbye on /quit', async () => {
    const text = await chat(['How long did the third round last?', '/quit', 'never read']);
    expect(text).toContain(MESSAGES.consoleWelcome);
    expect(text).toContain('The third round lasted about 40 minutes.');
    expect(text).toContain('Sources:');
    expect(text).toContain('as of 23 July 2025');
    expect(text).toContain(MESSAGES.consoleBye);
    expect(text).not.toContain('never read');
  });

  it('teaches by example on /help and lists articles on /sources', async () => {
    const text = await chat(['/help', '/sources']);
    expect(text).toContain(MESSAGES.helpExamplesLead);
    expect(text).toContain('What did Erdogan say about hosting the talks?');
    expect(text).toContain('The fact base cites 4 articles');
  });

  it('ends cleanly when input ends without /quit', async () => {
    expect(await chat(['What is the GDP of Germany?'])).toContain(MESSAGES.declined);
  });
});
