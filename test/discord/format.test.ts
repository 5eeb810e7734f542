import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  askButtonId,
  cutText,
  embedLength,
  formatAnswer,
  formatChoices,
  formatLines,
  formatNotice,
  formatSources,
  parseButtonId,
  voteButtonId,
} from '../../adapters/discord/format.js';
import { DISCORD, MESSAGES, type AnswerOk, type AnswerResult, type Citation, type SourceEntry } from '../../src/index.js';

function citation(n: number, extra: Partial<Citation> = {}): Citation {
  return { n, title: `Report ${n}`, publisher: 'Example News', publishedText: '24 July 2025', url: `https://example.com/${n}`, label: `Report ${n} — Example News, 24 July 2025`, ...extra };
}

function answer(extra: Partial<AnswerOk> = {}): AnswerOk {
  return {
    kind: 'answer',
    lang: 'en',
    question: 'How long did the third round last?',
    factId: 'round-three-duration',
    text: 'The third round lasted about 40 minutes.',
    citations: [citation(1)],
    asOf: '2025-07-23',
    asOfText: 'as of 23 July 2025',
    confidence: 0.9,
    suggestions: [],
    notes: [],
    ...extra,
  };
}

/** Sentences of ordinary prose, `chars` long or a little more. */
function prose(chars: number): string {
  const sentence = 'The delegations met for about forty minutes and agreed to exchange prisoners of war. ';
  return sentence.repeat(Math.ceil(chars / sentence.length)).trim();
}

function buttonsOf(result: AnswerResult) {
  return formatAnswer(result).components.flatMap((row) => row.components);
}

describe('formatAnswer', () => {
  it('lays an answer out as an embed: question, answer, caveat, numbered linked sources, as-of footer', () => {
    const [embed] = formatAnswer(answer({ caveat: 'Paper A says 40, paper B under 60.', citations: [citation(1), citation(2)] })).embeds;
    expect(embed).toMatchObject({ title: 'How long did the third round last?', footer: { text: 'as of 23 July 2025' } });
    expect(embed?.description).toBe(`The third round lasted about 40 minutes.\n\n**${MESSAGES.sourcesDiffer}** Paper A says 40, paper B under 60.`);
    expect(embed?.fields).toEqual([
      { name: MESSAGES.sourcesHeading, value: '[1] [Report 1 — Example News, 24 July 2025](https://example.com/1)\n[2] [Report 2 — Example News, 24 July 2025](https://example.com/2)' },
    ]);
  });

  it('puts 👍 / 👎 buttons under every answer, and related questions as buttons below them', () => {
    const result = answer({ suggestions: [{ factId: 'round-two-duration', question: 'How long did the second round last?' }] });
    const rows = formatAnswer(result).components;
    expect(rows[0]?.components.map((b) => [b.custom_id, b.emoji?.name])).toEqual([
      ['fb:up:round-three-duration', MESSAGES.voteUp],
      ['fb:down:round-three-duration', MESSAGES.voteDown],
    ]);
    expect(rows[1]?.components.map((b) => [b.custom_id, b.label])).toEqual([['ask:round-two-duration', 'How long did the second round last?']]);
  });

  it('allows no mentions in anything it lays out', () => {
    expect(formatAnswer(answer()).allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(formatNotice(MESSAGES.apology).allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it('cuts a very long answer cleanly, keeping the caveat, within every embed limit', () => {
    const text = prose(5000);
    const [embed] = formatAnswer(answer({ text, caveat: 'Sources disagree on the length.' })).embeds;
    const description = embed?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(DISCORD.embedDescription);
    expect(description).toContain('Sources disagree on the length.');
    const cut = description.split('\n\n')[0] ?? '';
    expect(cut).toMatch(/\. …$/);
    expect(text.startsWith(cut.replace(/ …$/, ''))).toBe(true);
    expect(embedLength(embed ?? {})).toBeLessThanOrEqual(DISCORD.embedTotal);
  });

  it('keeps a long answer with many long sources under 6,000 characters in all, counting the sources it leaves out', () => {
    const citations = Array.from({ length: 30 }, (_, i) => citation(i + 1, { label: `${'A very long article title '.repeat(8)}${i + 1}` }));
    const [embed] = formatAnswer(answer({ text: prose(5000), citations, question: 'q'.repeat(600) })).embeds;
    const fields = embed?.fields ?? [];
    expect(fields.length).toBeLessThanOrEqual(DISCORD.sourceFields);
    for (const field of fields) expect(field.value.length).toBeLessThanOrEqual(DISCORD.embedFieldValue);
    expect(fields.at(-1)?.value).toMatch(/…and \d+ more$/);
    expect(embed?.title?.length).toBeLessThanOrEqual(DISCORD.embedTitle);
    expect(embedLength(embed ?? {})).toBeLessThanOrEqual(DISCORD.embedTotal);
  });

  it('shows the member’s question as plain text, not as markdown', () => {
    const [embed] = formatAnswer(answer({ question: '**bold** _claim_' })).embeds;
    expect(embed?.title).toBe('\\*\\*bold\\*\\* \\_claim\\_');
  });

  it('keeps a source address with brackets a working link', () => {
    const [embed] = formatAnswer(answer({ citations: [citation(1, { url: 'https://example.com/a_(b)', label: 'A [draft] text' })] })).embeds;
    expect(embed?.fields?.[0]?.value).toBe('[1] [A \\[draft\\] text](https://example.com/a_%28b%29)');
  });

  it('shows the notes on how the question was read, in italics', () => {
    const [embed] = formatAnswer(answer({ notes: [MESSAGES.trimmed(500)] })).embeds;
    expect(embed?.description?.startsWith(`*${MESSAGES.trimmed(500)}*\n\n`)).toBe(true);
  });

  it('asks "did you mean" with one button per suggestion, labels cut to Discord’s 80 characters', () => {
    const long = `How long ${'and how very long '.repeat(10)}did it last?`;
    const result: AnswerResult = {
      kind: 'ambiguous',
      lang: 'en',
      question: 'second round press venue',
      text: MESSAGES.ambiguous,
      confidence: 0.4,
      suggestions: [
        { factId: 'round-two-duration', question: 'How long did the second round last?' },
        { factId: 'round-three-duration', question: long },
      ],
      notes: [],
    };
    expect(formatAnswer(result).embeds[0]?.description).toBe(MESSAGES.ambiguous);
    const buttons = buttonsOf(result);
    expect(buttons.map((b) => b.custom_id)).toEqual(['ask:round-two-duration', 'ask:round-three-duration']);
    expect(buttons[1]?.label?.length).toBeLessThanOrEqual(DISCORD.buttonLabel);
    expect(buttons[1]?.label?.endsWith('…')).toBe(true);
  });

  it('declines with the questions it can answer instead, as buttons', () => {
    const result: AnswerResult = {
      kind: 'declined',
      lang: 'en',
      question: 'What is the GDP of Germany?',
      text: MESSAGES.declined,
      confidence: 0,
      suggestions: [{ factId: 'erdogan-host', question: 'What did Erdogan say about hosting the talks?' }],
      notes: [],
    };
    expect(formatAnswer(result).embeds[0]?.description).toBe(`${MESSAGES.declined}\n\n${MESSAGES.declineSuggestionsLead}`);
    expect(buttonsOf(result).map((b) => b.custom_id)).toEqual(['ask:erdogan-host']);
  });

  it('gives an empty question no title', () => {
    const result: AnswerResult = { kind: 'declined', lang: 'en', question: '', text: MESSAGES.empty, confidence: 0, suggestions: [], notes: [] };
    expect(formatAnswer(result).embeds[0]?.title).toBeUndefined();
    expect(formatAnswer(result).components).toEqual([]);
  });
});

describe('formatSources', () => {
  function sources(count: number): SourceEntry[] {
    return Array.from({ length: count }, (_, i) => ({
      citation: citation(i + 1, { label: `Erdogan calls to revive Istanbul talks after meeting, part ${i + 1} — TRT World (Turkish state broadcaster TRT), 19 November 2025` }),
      facts: 1,
    }));
  }

  it('lists every source of a realistic base as a link, within the embed limits', () => {
    const [embed] = formatSources(sources(30), '19 November 2025').embeds;
    expect(embed?.description).toBe(MESSAGES.sourcesLead(30, '19 November 2025'));
    for (const field of embed?.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(DISCORD.embedFieldValue);
    expect(embedLength(embed ?? {})).toBeLessThanOrEqual(DISCORD.embedTotal);
    const list = (embed?.fields ?? []).map((f) => f.value).join('\n');
    for (let n = 1; n <= 30; n++) expect(list).toContain(`](https://example.com/${n})`);
  });

  it('counts the sources that do not fit rather than dropping them silently', () => {
    const [embed] = formatSources(sources(60), '19 November 2025').embeds;
    expect(embedLength(embed ?? {})).toBeLessThanOrEqual(DISCORD.embedTotal);
    const lines = (embed?.fields ?? []).flatMap((f) => f.value.split('\n'));
    const shown = lines.filter((l) => l.includes('](https://example.com/')).length;
    expect(lines.at(-1)).toBe(MESSAGES.moreSources(60 - shown));
  });
});

describe('cutText', () => {
  it('leaves text that fits alone', () => {
    expect(cutText('Short enough.', 13)).toBe('Short enough.');
  });

  it('cuts at the last sentence end when one is near, else at a word end', () => {
    expect(cutText('One sentence here. Another one follows on and on.', 40)).toBe('One sentence here. Another one follows…');
    expect(cutText('First sentence is long enough. Second one', 40)).toBe('First sentence is long enough. …');
  });

  it('never exceeds the limit, never splits a character, and keeps a prefix of the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 1, max: 320 }), (text, max) => {
        const cut = cutText(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut)).toBe(false);
        if (cut !== text) expect(text.startsWith(cut.replace(/ ?…$/, ''))).toBe(true);
      }),
    );
  });
});

describe('autocomplete choices and button ids', () => {
  it('offers each question as a choice of at most 100 characters', () => {
    const choices = formatChoices(['How long did the third round last?', 'x'.repeat(150)]);
    expect(choices[0]).toEqual({ name: 'How long did the third round last?', value: 'How long did the third round last?' });
    expect(choices[1]?.name.length).toBeLessThanOrEqual(DISCORD.choiceText);
    expect(choices[1]?.value.length).toBeLessThanOrEqual(DISCORD.choiceText);
  });

  it('reads back the button ids it writes, and nothing else', () => {
    const longest = 'a'.repeat(48);
    expect(parseButtonId(askButtonId(longest))).toEqual({ kind: 'ask', factId: longest });
    expect(parseButtonId(voteButtonId('down', 'erdogan-host'))).toEqual({ kind: 'vote', vote: 'down', factId: 'erdogan-host' });
    expect(voteButtonId('down', longest).length).toBeLessThanOrEqual(100);
    for (const junk of ['fb:maybe:erdogan-host', 'ask:Erdogan Host', 'ask:', 'other:erdogan-host']) expect(parseButtonId(junk)).toBeUndefined();
  });
});

describe('formatLines', () => {
  it('escapes markdown in members\' words, and colours a refusal apart from a result', () => {
    const [ok] = formatLines(['Questions:', '  1× e.g. “who won *the* match?”']);
    expect(ok?.embeds[0]?.description).toBe('Questions:\n  1× e.g. “who won \\*the\\* match?”');
    const [refused] = formatLines(['Nothing was saved'], true);
    expect(refused?.embeds[0]?.color).not.toBe(ok?.embeds[0]?.color);
    expect(ok?.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it('splits a long report at line ends over as many embeds as it needs, losing no line', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `  ${i + 1}× (2 members) e.g. “a question asked ${i + 1} times”`);
    const parts = formatLines(lines);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.embeds[0]?.description?.length).toBeLessThanOrEqual(DISCORD.embedDescription);
    expect(parts.map((p) => p.embeds[0]?.description).join('\n')).toBe(lines.join('\n'));
  });

  it('cuts a single line longer than an embed', () => {
    const [part] = formatLines(['x '.repeat(3000)]);
    expect(part?.embeds[0]?.description?.length).toBeLessThanOrEqual(DISCORD.embedDescription);
  });
});
