import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConsole, type ConsoleOptions } from '../../adapters/console/chat.js';
import { ActivityLog, KnowledgeStore, ModerationService, TextModeration } from '../../src/index.js';
import { BotCore } from '../../src/core.js';
import { TIMELINE } from '../../src/config/defaults.js';
import { DIALOGUE_MESSAGES, MESSAGES, MOD_MESSAGES } from '../../src/messages.js';
import { baseOf, copyOfFixtureKnowledge, FIXTURE_KNOWLEDGE, loadBase, type FactSketch } from '../helpers.js';

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

  it('walks the operator through an edit, keeping values with an empty line, and shows the fact before saving it', async () => {
    const dir = await copyOfFixtureKnowledge();
    const own = new BotCore(await loadBase(dir));
    const service = new ModerationService(own, new KnowledgeStore(dir), new ActivityLog(await mkdtemp(path.join(tmpdir(), 'data-'))));
    const operator = { platform: 'console', id: 'op', name: 'op' };
    const lines = ['fact edit round-two-duration', '', 'It took about an hour.', '', '', 'not-a-date', '', '', '', 'save', 'kb unanswered 0'];
    const text = await chat(lines, own, { moderation: new TextModeration(service), operator });
    expect(text).toContain(DIALOGUE_MESSAGES.editLead('round-two-duration'));
    expect(text).toContain('Now: The second round lasted a little over an hour.');
    expect(text).toContain(`${DIALOGUE_MESSAGES.notTaken}\n  • asOf: must be a date written YYYY-MM-DD`);
    expect(text).toContain(DIALOGUE_MESSAGES.previewLead('edit', 'round-two-duration'));
    expect(text).toContain(DIALOGUE_MESSAGES.previewChanged(['answer']));
    expect(text).toContain(MOD_MESSAGES.edited('round-two-duration'));
    expect(text).toContain(MOD_MESSAGES.badDays('0', 365));
    expect(own.base.facts.find((f) => f.id === 'round-two-duration')?.answer).toBe('It took about an hour.');
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

describe('the console timeline and newest facts', () => {
  // More events than fit a page, listed out of date order, beside a retired event and a detail.
  const rounds: FactSketch[] = Array.from({ length: TIMELINE.pageSize }, (_, i) => ({
    id: `round-${i + 1}`,
    asOf: `2025-07-${String(i + 10).padStart(2, '0')}`,
    timeline: `Round ${i + 1} of the talks`,
  }));
  const facts: FactSketch[] = [
    ...rounds,
    { id: 'grain-deal', asOf: '2022-07-22', timeline: 'Grain deal signed in Istanbul' },
    { id: 'talks-open', asOf: '2022-03-29', timeline: 'Talks open at Dolmabahce Palace' },
    { id: 'old-claim', asOf: '2025-12-30', timeline: 'A retired event', status: 'retired' },
    {
      id: 'talks-status',
      asOf: '2025-08-01',
      questions: ['Are the talks still going on?', 'Status of the talks', 'Where do the talks stand?'],
      answer: 'The talks are paused.',
    },
  ];
  const line = (date: string, text: string, id: string) => `  ${date} — ${text} — https://example.com/${id}`;
  const roundLine = (i: number) => line(`${i + 10} July 2025`, `Round ${i + 1} of the talks`, `round-${i + 1}`);
  const bot = (now = '2025-12-01') => new BotCore(baseOf(facts, { recency: ['still'] }), () => new Date(`${now}T12:00:00Z`));

  it('prints every page of /timeline at once, oldest first, with a hint and no page numbers', async () => {
    const text = await chat(['/timeline'], bot());
    const lines = [
      MESSAGES.timelineLead(TIMELINE.pageSize + 2, ''),
      line('29 March 2022', 'Talks open at Dolmabahce Palace', 'talks-open'),
      line('22 July 2022', 'Grain deal signed in Istanbul', 'grain-deal'),
      ...rounds.map((_, i) => roundLine(i)),
      MESSAGES.timelineHint,
    ];
    expect(text).toContain(lines.join('\n'));
    expect(text).not.toContain('A retired event');
    expect(text).not.toContain(MESSAGES.timelinePage(1, 2));
  });

  it('narrows /timeline to the year or words that follow it, and names them', async () => {
    const text = await chat(['/timeline   Grain 2022'], bot());
    expect(text).toContain([MESSAGES.timelineLead(1, '2022 grain'), line('22 July 2022', 'Grain deal signed in Istanbul', 'grain-deal')].join('\n'));
    expect(text).not.toContain('Talks open');
  });

  it('says when nothing in the timeline matches, and how to ask instead', async () => {
    expect(await chat(['/timeline pizza'], bot())).toContain(MESSAGES.timelineEmpty('pizza'));
  });

  it('lists the newest active facts on /latest, newest first, a detail by its first question', async () => {
    const text = await chat(['/latest'], bot());
    expect(text).toContain(
      [
        MESSAGES.latestLead,
        line('1 August 2025', 'Are the talks still going on?', 'talks-status'),
        ...Array.from({ length: TIMELINE.latest - 1 }, (_, k) => roundLine(rounds.length - 1 - k)),
      ].join('\n'),
    );
    expect(text).not.toContain('A retired event');
  });

  it('dates an answer to a question about now before the answer, and warns when it is old', async () => {
    const text = await chat(['Are the talks still going on?'], bot());
    expect(text).toContain([MESSAGES.newestLead('as of 1 August 2025'), MESSAGES.mayBeOutdated, 'The talks are paused.'].join('\n'));
    const fresh = await chat(['Are the talks still going on?'], bot('2025-08-15'));
    expect(fresh).toContain([MESSAGES.newestLead('as of 1 August 2025'), 'The talks are paused.'].join('\n'));
    expect(fresh).not.toContain(MESSAGES.mayBeOutdated);
  });
});
