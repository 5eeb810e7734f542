import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGES, MemoryRateLimiter, TELEGRAM } from '../../../src/index.js';
import { copyOfFixtureKnowledge, FIXTURE_KNOWLEDGE, loadBase } from '../../helpers.js';
import { parseHtml } from './fake-telegram.js';
import { ALICE, BORIS, buttonsOf, privateText, startBot, stopBots } from './harness.js';

afterEach(stopBots);

describe('the Telegram bot in a private chat', () => {
  it('answers a question with HTML that links its sources and ends with the "as of" line', async () => {
    const { fake, adapter, records } = await startBot();
    fake.push(privateText('How long did the third round last?'));
    const sent = await fake.waitFor('sendMessage');

    expect(sent.body).toMatchObject({ chat_id: ALICE.id, parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    expect(sent.body.text).toContain('The third round lasted about 40 minutes.');
    expect(sent.body.text).toContain('<a href="https://example.com/third">Third round report — Example News, 24 July 2025</a>');
    expect(sent.body.text).toMatch(/<i>as of 23 July 2025<\/i>$/);
    expect(buttonsOf(sent)).toEqual(['fb:up:round-three-duration', 'fb:down:round-three-duration']);
    expect(sent.error).toBeUndefined();
    await adapter.stop(); // lets the question's record finish
    expect(await records('questions.jsonl')).toMatchObject([{ platform: 'telegram', kind: 'answer', factId: 'round-three-duration' }]);
  });

  it('greets on /start with example questions, after registering its command menu', async () => {
    const { fake } = await startBot();
    const commands = fake.callsTo('setMyCommands')[0]?.body.commands as { command: string }[];
    expect(commands.map((c) => c.command).sort()).toEqual(['ask', 'help', 'latest', 'sources', 'start', 'timeline']);

    fake.push(privateText('/start'));
    const sent = await fake.waitFor('sendMessage');
    expect(sent.body.text).toContain(MESSAGES.telegramWelcome);
    expect(sent.body.text).toContain('What did Erdogan say about hosting the talks?');
  });

  it('explains on /help how to ask in groups and inline, naming itself', async () => {
    const { fake } = await startBot();
    fake.push(privateText('/help'));
    const sent = await fake.waitFor('sendMessage');
    expect(sent.body.text).toContain('@IstanbulTalksBot');
    expect(sent.body.text).toContain('/sources');
  });

  it('lists the cited articles and the fact base\'s last update on /sources', async () => {
    const { fake } = await startBot();
    fake.push(privateText('/sources'));
    const sent = await fake.waitFor('sendMessage');
    expect(sent.body.text).toContain(MESSAGES.sourcesLead(4, '24 July 2025'));
    expect(sent.body.text).toContain('<a href="https://example.com/erdogan">');
  });

  it('dates the fact base on /sources by the facts it serves, not by a newer retired one', async () => {
    const dir = await copyOfFixtureKnowledge();
    const file = path.join(dir, 'facts/rounds.yaml');
    // The retired fact "old-claim" now speaks of the newest date in the base.
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll('2025-05-01', '2025-12-01'));
    const base = await loadBase(dir);
    await rm(dir, { recursive: true, force: true });
    const { fake } = await startBot({ base });
    fake.push(privateText('/sources'));
    const sent = await fake.waitFor('sendMessage');
    expect(sent.body.text).toContain(MESSAGES.sourcesLead(4, '24 July 2025'));
  });

  it('escapes HTML-special characters from the question and the fact base', async () => {
    const fixture = await loadBase(FIXTURE_KNOWLEDGE);
    const tricky = {
      ...fixture.facts[0]!,
      id: 'tricky-characters',
      questions: ['Did the <b>talks</b> end early & quietly?', 'Talks ended early & quietly?', 'Early & quiet ending of the talks?'],
      answer: 'Yes: the talks <ended> early & "quietly".',
      sources: [{ title: 'Q&A <live>', publisher: 'Example & Sons', published: '2025-06-02', url: 'https://example.com/a?x=1&y="2"' }],
    };
    const { fake } = await startBot({ base: { ...fixture, facts: [...fixture.facts, tricky] } });
    fake.push(privateText('Did the <b>talks</b> end early & quietly?'));
    const sent = await fake.waitFor('sendMessage');

    expect(sent.error).toBeUndefined();
    expect(sent.body.text).toContain('the talks &lt;ended&gt; early &amp; "quietly".');
    expect(sent.body.text).toContain('<a href="https://example.com/a?x=1&amp;y=&quot;2&quot;">Q&amp;A &lt;live&gt; — Example &amp; Sons, 2 June 2025</a>');
  });

  it('trims a 4,000-character answer to fit one message, keeping its sources and date', async () => {
    const fixture = await loadBase(FIXTURE_KNOWLEDGE);
    const long = fixture.facts.map((f) => (f.id === 'round-two-duration' ? { ...f, answer: 'Talks & more talks. '.repeat(200) } : f));
    const { fake } = await startBot({ base: { ...fixture, facts: long } });
    fake.push(privateText('How long did the second round last?'));
    const sent = await fake.waitFor('sendMessage');

    const text = sent.body.text as string;
    expect(sent.error).toBeUndefined();
    expect(text.length).toBeLessThanOrEqual(TELEGRAM.messageChars);
    expect(text).toMatch(/ (Talks|&amp;|more|talks\.)…\n\n/); // cut between words
    expect(text).toContain('<a href="https://example.com/second">');
    expect(text).toMatch(/as of 2 June 2025<\/i>$/);
    expect(parseHtml(text)).not.toHaveProperty('error');
  });

  it('asks a user who floods it to slow down once, then stays quiet, while others are still answered', async () => {
    const { fake, adapter } = await startBot({ limiter: new MemoryRateLimiter(2, 60_000) });
    for (let i = 0; i < 4; i += 1) fake.push(privateText('How long did the third round last?'));
    fake.push(privateText('How long did the second round last?', BORIS));
    await fake.waitFor('sendMessage', (c) => c.body.chat_id === BORIS.id);
    await adapter.stop();

    const toAlice = fake.callsTo('sendMessage').filter((c) => c.body.chat_id === ALICE.id);
    expect(toAlice.map((c) => c.body.text === MESSAGES.slowDown)).toEqual([false, false, true]);
  });
});
