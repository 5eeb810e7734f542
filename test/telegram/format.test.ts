import fc from 'fast-check';
import { answered } from '../../src/answer.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeAction } from '../../adapters/telegram/callback-data.js';
import { escapeHtml, formatArticle, formatResult, formatSources, truncateHtml } from '../../adapters/telegram/format.js';
import { formatModeration } from '../../adapters/telegram/moderation-format.js';
import { BotCore, gapsLines, MESSAGES, TELEGRAM, type AnswerOk, type ModResult } from '../../src/index.js';
import { parseHtml } from '../e2e/telegram/fake-telegram.js';
import { FIXTURE_KNOWLEDGE, loadBase } from '../helpers.js';

let core: BotCore;
beforeAll(async () => {
  core = new BotCore(await loadBase(FIXTURE_KNOWLEDGE));
});

function third(): AnswerOk {
  const answer = answered(core.answer({ factId: 'round-three-duration' }));
  if (!answer) throw new Error('fixture fact round-three-duration is missing');
  return answer;
}

/** Telegram's HTML rules, as the fake Bot API checks them. */
function expectValidHtml(html: string): void {
  expect(parseHtml(html)).not.toHaveProperty('error');
}

describe('formatting an answer for Telegram', () => {
  it('shows the answer, the caveat, numbered sources and the "as of" line last', () => {
    const { text } = formatResult(third());
    expect(text.split('\n\n')).toEqual([
      'The third round lasted about 40 minutes.',
      `<b>${MESSAGES.sourcesDiffer}</b> Paper A says 40 minutes, paper B says under an hour.`,
      [
        `<b>${MESSAGES.sourcesHeading}</b>`,
        '1. <a href="https://example.com/third">Third round report — Example News, 24 July 2025</a>',
        `2. <a href="https://example.com/seed">Seed article — ${MESSAGES.publisherUnknown}, ${MESSAGES.dateUnknown}</a>`,
      ].join('\n'),
      '<i>as of 23 July 2025</i>',
    ]);
  });

  it('escapes &, < and > in fact text, and also " in link addresses', () => {
    const answer: AnswerOk = {
      ...third(),
      text: 'a < b & c > d',
      caveat: '<script>',
      notes: ['note & <i>'],
      citations: [{ n: 1, publishedText: 'x', label: 'T&C <1>', url: 'https://e.com/?q="x"&y=<z>' }],
    };
    const { text } = formatResult(answer);
    expect(text).toContain('a &lt; b &amp; c &gt; d');
    expect(text).toContain('&lt;script&gt;');
    expect(text).toContain('<i>note &amp; &lt;i&gt;</i>');
    expect(text).toContain('<a href="https://e.com/?q=&quot;x&quot;&amp;y=&lt;z&gt;">T&amp;C &lt;1&gt;</a>');
    expectValidHtml(text);
  });

  it('carries 👍 / 👎 buttons for the answered fact', () => {
    expect(formatResult(third()).reply_markup?.inline_keyboard).toEqual([
      [
        { text: MESSAGES.voteUp, callback_data: 'fb:up:round-three-duration' },
        { text: MESSAGES.voteDown, callback_data: 'fb:down:round-three-duration' },
      ],
    ]);
  });

  it('offers at most three "did you mean" buttons, one question each', () => {
    const suggestions = ['a', 'b', 'c', 'd'].map((id) => ({ factId: `fact-${id}`, question: `Question ${id}?` }));
    const message = formatResult({ kind: 'ambiguous', lang: 'en', question: 'q', text: MESSAGES.ambiguous, confidence: 0.4, suggestions, notes: [] });
    expect(message.text).toBe(escapeHtml(MESSAGES.ambiguous));
    expect(message.reply_markup?.inline_keyboard).toEqual([
      [{ text: 'Question a?', callback_data: 'ask:fact-a' }],
      [{ text: 'Question b?', callback_data: 'ask:fact-b' }],
      [{ text: 'Question c?', callback_data: 'ask:fact-c' }],
    ]);
  });

  it('declines with suggestions as buttons, and without a keyboard when there are none', () => {
    const declined = core.answer('What is the GDP of Germany?');
    expect(declined.kind).toBe('declined');
    const message = formatResult(declined);
    expect(message.text).toContain(MESSAGES.declineSuggestionsLead);
    expect(message.reply_markup?.inline_keyboard.length).toBe(declined.suggestions.length);
    expect(formatResult({ ...declined, suggestions: [] })).toEqual({ text: escapeHtml(MESSAGES.declined) });
  });

  it('trims a 4,000-character answer at a word so the sources and date still fit', () => {
    const long = { ...third(), text: 'Talks & more talks. '.repeat(200) };
    const { text } = formatResult(long);
    expect(text.length).toBeLessThanOrEqual(TELEGRAM.messageChars);
    expect(text).toMatch(/ (Talks|&amp;|more|talks\.)…\n\n/); // cut between words
    expect(text).toContain('<a href="https://example.com/third">');
    expect(text).toMatch(/<i>as of 23 July 2025<\/i>$/);
    expectValidHtml(text);
  });

  it('stays within the limit even when the parts around the answer are too long, keeping the "as of" line', () => {
    const { text } = formatResult({ ...third(), caveat: '<&> '.repeat(2000) });
    expect(text.length).toBeLessThanOrEqual(TELEGRAM.messageChars);
    expect(text).toMatch(/<i>as of 23 July 2025<\/i>$/);
    expectValidHtml(text);
  });

  it('keeps the "as of" line and the limit with 40 long sources, showing the first ones and counting the rest', () => {
    const citations = Array.from({ length: 40 }, (_, i) => ({
      n: i + 1,
      publishedText: '24 July 2025',
      label: `Report ${i + 1} on the third round & what came of it, `.repeat(8),
      url: `https://example.com/reports/${i + 1}/${'long-path-segment/'.repeat(10)}`,
    }));
    const { text } = formatResult({ ...third(), citations });
    expect(text.length).toBeLessThanOrEqual(TELEGRAM.messageChars);
    expect(text).toMatch(/<i>as of 23 July 2025<\/i>$/);
    expect(text).toContain('The third round lasted about 40 minutes.');
    expect(text).toContain('<a href="https://example.com/reports/1/');
    const shown = text.match(/<a href=/g)?.length ?? 0;
    expect(shown).toBeGreaterThan(0);
    expect(text).toContain(MESSAGES.moreSources(40 - shown));
    expectValidHtml(text);
  });

  it('makes an inline article of the answer, titled by its question', () => {
    const article = formatArticle(third());
    expect(article).toMatchObject({ type: 'article', id: 'round-three-duration', title: 'How long did the third round last?' });
    expect(article.input_message_content).toEqual({
      message_text: formatResult(third()).text,
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    });
  });

  it('splits a long list of sources into messages within the limit, at line ends', () => {
    const entry = core.sources()[0]!;
    const many = Array.from({ length: 60 }, (_, i) => ({ ...entry, citation: { ...entry.citation, n: i + 1 } }));
    const messages = formatSources(many, core.lastUpdated());
    expect(messages.length).toBeGreaterThan(1);
    for (const { text } of messages) {
      expect(text.length).toBeLessThanOrEqual(TELEGRAM.messageChars);
      expectValidHtml(text);
    }
    expect(messages.map((m) => m.text).join('\n').split('\n')).toHaveLength(61);
  });

  it('escapes a moderator\'s report and splits a long one at line ends, losing no line', () => {
    const gaps = Array.from({ length: 120 }, (_, i) => ({ example: `is <b>round ${i}</b> over & done?`, count: 1, askers: 1, lastAsked: '2025-12-01' }));
    const report: Extract<ModResult, { kind: 'gaps' }> = { kind: 'gaps', days: 7, asked: 7, maxDays: 365, truncated: false, scanned: 20_000, gaps, ratings: [] };
    const messages = formatModeration(report);
    expect(messages.length).toBeGreaterThan(1);
    for (const { text } of messages) {
      expect(text.length).toBeLessThanOrEqual(TELEGRAM.messageChars);
      expectValidHtml(text);
    }
    expect(messages.map((m) => m.text).join('\n')).toBe(gapsLines(report).map(escapeHtml).join('\n'));
  });
});

describe('truncating HTML', () => {
  it('leaves HTML that fits unchanged', () => {
    expect(truncateHtml('<b>a &amp; b</b>', 16)).toBe('<b>a &amp; b</b>');
  });

  it('never cuts inside a tag or an entity, and closes the tags it leaves open', () => {
    expect(truncateHtml('<b>x &amp;&amp;&amp; y</b>', 14)).toBe('<b>x…</b>');
    expect(truncateHtml('<a href="https://e.com">link text</a>', 30)).toBe('<a href="https://e.com">l…</a>');
  });

  it('always fits and stays valid HTML, for any text and any limit', () => {
    const piece = fc.oneof(fc.string(), fc.constantFrom('&', '<', '>', '"', '😀', ' ', '\n'));
    fc.assert(
      fc.property(fc.array(piece), fc.array(piece), fc.nat(300), (inner, outer, max) => {
        const html = `${escapeHtml(outer.join(''))}<b>${escapeHtml(inner.join(''))}<a href="https://e.com/?a=1&amp;b=2">${escapeHtml(outer.join(''))}</a></b>`;
        const cut = truncateHtml(html, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        if (cut) expectValidHtml(cut);
        expect(cut).not.toMatch(/[\uD800-\uDBFF]$|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      }),
    );
  });
});

describe('button data', () => {
  it('fits Telegram\'s 64 bytes for the longest fact id allowed', () => {
    const longest = 'x'.repeat(48);
    expect(Buffer.byteLength(encodeAction({ kind: 'vote', vote: 'down', factId: longest }))).toBeLessThanOrEqual(TELEGRAM.callbackDataBytes);
    expect(() => encodeAction({ kind: 'ask', factId: 'x'.repeat(61) })).toThrow(/64-byte/);
  });
});
