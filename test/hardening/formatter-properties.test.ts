// Whatever ends up in a result (a member's question, and fact text, sources and suggestions as
// hostile as the fact base's schema allows), both platforms' formatters produce a message the
// platform accepts: valid Telegram HTML within 4,096 characters; a Discord message within every
// embed and button limit, pinging nobody.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAnswer } from '../../adapters/discord/format.js';
import { formatArticle, formatResult } from '../../adapters/telegram/format.js';
import { toCitation } from '../../src/citations.js';
import { MESSAGES, TELEGRAM, type AnswerOk, type AnswerResult } from '../../src/index.js';
import { invalidMessage } from '../e2e/discord/fake-discord.js';
import { parseHtml } from '../e2e/telegram/fake-telegram.js';
import { hostileText } from './hostile.js';

/** Hostile text, sometimes long enough that every limit has to cut it. */
const text = fc.oneof(hostileText, fc.tuple(hostileText, fc.integer({ min: 20, max: 400 })).map(([t, n]) => `${t} `.repeat(n)));
/** What the schema lets through where it asks for text: trimmed, and not blank. */
const schemaText = (min: number) => text.filter((t) => t.trim().length >= min).map((t) => t.trim());
const factId = fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,2}$/);
const url = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), hostileText.map((t) => `https://example.com/${encodeURI(t.replace(/[\uD800-\uDFFF]/g, ''))}`), fc.constant('https://e.com/a_(b)?q="x"&y=<z>'));

const source = fc.record({ title: schemaText(1), publisher: schemaText(1), published: fc.constant('2025-07-23'), url }, { requiredKeys: ['url'] });
const suggestion = fc.record({ factId, question: schemaText(3) });
const common = { question: text, lang: fc.constantFrom('en' as const, 'uk' as const, 'ru' as const), confidence: fc.double({ min: 0, max: 1, noNaN: true }), suggestions: fc.array(suggestion, { maxLength: 3 }), notes: fc.array(text, { maxLength: 1 }) };

const answer: fc.Arbitrary<AnswerOk> = fc.record(
  {
    kind: fc.constant('answer' as const),
    ...common,
    question: schemaText(1),
    factId,
    text: schemaText(1),
    caveat: schemaText(1),
    citations: fc.array(source, { minLength: 1, maxLength: 30 }).map((list) => list.map((s, i) => toCitation(s, i + 1))),
    asOf: fc.constant('2025-07-23'),
    asOfText: fc.constant(MESSAGES.asOf('23 July 2025')),
  },
  { requiredKeys: ['kind', 'lang', 'question', 'confidence', 'suggestions', 'notes', 'factId', 'text', 'citations', 'asOf', 'asOfText'] },
);
const notAnswer: fc.Arbitrary<AnswerResult> = fc.oneof(
  fc.record({ kind: fc.constant('ambiguous' as const), ...common, text: fc.constant(MESSAGES.ambiguous) }),
  fc.record({ kind: fc.constant('declined' as const), ...common, text: fc.constantFrom(MESSAGES.declined, MESSAGES.empty) }),
);
const result = fc.oneof(answer, notAnswer);

function expectTelegramAccepts(html: string): void {
  expect(html.length).toBeLessThanOrEqual(TELEGRAM.messageChars);
  expect(parseHtml(html)).not.toHaveProperty('error');
}

describe('the formatters under hostile results', () => {
  it('always give Telegram valid HTML within 4,096 characters, and buttons within 64 bytes of data', () => {
    fc.assert(
      fc.property(result, (r) => {
        const message = formatResult(r);
        expectTelegramAccepts(message.text);
        for (const button of message.reply_markup?.inline_keyboard.flat() ?? []) {
          expect(button.text.trim()).not.toBe('');
          if ('callback_data' in button) expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(TELEGRAM.callbackDataBytes);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('always give an inline answer the same valid message, titled by a question that is not blank', () => {
    fc.assert(
      fc.property(answer, (a) => {
        const article = formatArticle(a);
        const { text: html } = formatResult(a);
        expect(article.input_message_content).toEqual(expect.objectContaining({ message_text: html }));
        expectTelegramAccepts(html);
        expect(article.title.trim()).not.toBe('');
      }),
      { numRuns: 100 },
    );
  });

  it('always give Discord a message within every embed and button limit, with mentions turned off', () => {
    fc.assert(
      fc.property(result, (r) => {
        const reply = formatAnswer(r);
        expect(invalidMessage(JSON.parse(JSON.stringify(reply)))).toBeUndefined();
        expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
        // A button needs a label or an emoji to show.
        for (const button of reply.components.flatMap((row) => row.components)) expect(button.label?.trim() || button.emoji).toBeTruthy();
      }),
      { numRuns: 300 },
    );
  });
});
