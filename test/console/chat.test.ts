import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConsole, type ConsoleOptions } from '../../adapters/console/chat.js';
import { ActivityLog, KnowledgeStore, ModerationService, TextModeration } from '../../src/index.js';
import { BotCore } from '../../src/core.js';
import { MESSAGES } from '../../src/messages.js';
import { copyOfFixtureKnowledge, FIXTURE_KNOWLEDGE, loadBase } from '../helpers.js';

let core: BotCore;
beforeAll(async () => {
  core = new BotCore(await loadBase(FIXTURE_KNOWLEDGE));
});

async function chat(lines: string[], bot = core, options: ConsoleOptions = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const done = runConsole(bot, input, output, options);
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

  it('runs moderator commands for the operator, who owns the files anyway', async () => {
    const dir = await copyOfFixtureKnowledge();
    const own = new BotCore(await loadBase(dir));
    const service = new ModerationService(own, new KnowledgeStore(dir), new ActivityLog(await mkdtemp(path.join(tmpdir(), 'data-'))));
    const operator = { platform: 'console', id: 'op', name: 'op' };
    const text = await chat(['kb status', 'fact retire erdogan-host'], own, { moderation: new TextModeration(service), operator });
    expect(text).toContain('Facts: 4 (3 active, 1 retired)');
    expect(text).toContain('Retired "erdogan-host"');
  });

  it('apologises for a moderator command that fails, and goes on with the chat', async () => {
    const failing = { wants: (_: unknown, text: string) => text.startsWith('kb'), handle: () => Promise.reject(new Error('disk gone')) };
    const operator = { platform: 'console', id: 'op', name: 'op' };
    const text = await chat(['kb status', 'How long did the third round last?'], core, { moderation: failing as unknown as TextModeration, operator });
    expect(text).toContain(MESSAGES.apology);
    expect(text).toContain('The third round lasted about 40 minutes.');
    expect(text).not.toContain('disk gone');
  });
});
