// /timeline and /latest end to end: the real telegraf against the fake Bot API, on a base with
// dated events in 2022, 2023 and 2025 (test/e2e/story-base.ts), and once on the bundled base.
import { reportOf } from '../../../src/timeline.js';
import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGES, TIMELINE } from '../../../src/index.js';
import { BUNDLED_KNOWLEDGE, loadBase } from '../../helpers.js';
import { readable, STORY, storyBase, storyUrl, type StoryEvent } from '../story-base.js';
import type { ApiCall, FakeTelegram } from './fake-telegram.js';
import { ALICE, buttonPress, buttonsOf, inlineQuery, privateText, startBot, stopBots } from './harness.js';

afterEach(stopBots);

interface Line {
  date: string;
  text: string;
  url: string;
  label: string;
}

/** The event lines of a timeline or /latest message, in the order shown. */
function linesOf(call: ApiCall): Line[] {
  const html = call.body.text as string;
  const lines = [...html.matchAll(/<b>([^<]+)<\/b> — (.+?) \(<a href="([^"]+)">([^<]+)<\/a>\)/g)];
  return lines.map(([, date = '', text = '', url = '', label = '']) => ({ date, text: unescape(text), url: unescape(url), label: unescape(label) }));
}

/** HTML text as the reader sees it. */
function unescape(html: string): string {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** How an event should read: its date, its timeline line (or first question), and its source. */
function lineFor(event: StoryEvent): Line {
  return { date: readable(event.asOf), text: event.timeline ?? event.questions[0] ?? '', url: storyUrl(event.id), label: event.publisher };
}

function event(id: string): StoryEvent {
  const found = STORY.events.find((e) => e.id === id);
  if (!found) throw new Error(`no story event ${id}`);
  return found;
}

/** The buttons of a recorded message as a reader sees them: label and callback data. */
function keyboardOf(call: ApiCall): { text: string; callback_data: string }[] {
  return ((call.body.reply_markup?.inline_keyboard ?? []) as { text: string; callback_data: string }[][]).flat();
}

/** The bot's first message sent after `before` calls to sendMessage. */
function nextMessage(fake: FakeTelegram, before: number): Promise<ApiCall> {
  return fake.waitFor('sendMessage', (c) => fake.callsTo('sendMessage').indexOf(c) >= before);
}

async function command(fake: FakeTelegram, text: string): Promise<ApiCall> {
  const before = fake.callsTo('sendMessage').length;
  fake.push(privateText(text));
  const sent = await nextMessage(fake, before);
  expect(sent.error).toBeUndefined();
  return sent;
}

/** Presses a button on a bot message and waits for the edit it causes, and for the press to be answered. */
async function turnPage(fake: FakeTelegram, data: string, message: ApiCall): Promise<ApiCall> {
  const before = fake.callsTo('editMessageText').length;
  const press = fake.push(buttonPress(data, message));
  const pressId = (press.callback_query as { id: string }).id;
  const edit = await fake.waitFor('editMessageText', (c) => fake.callsTo('editMessageText').indexOf(c) >= before);
  await fake.waitFor('answerCallbackQuery', (c) => c.body.callback_query_id === pressId);
  expect(edit.error).toBeUndefined();
  return edit;
}

describe('/timeline on Telegram', () => {
  it('lists the events oldest first, each dated and linked to its source, with a "Later ▶" button', async () => {
    const { fake } = await startBot({ base: storyBase() });
    const sent = await command(fake, '/timeline');

    expect(sent.body).toMatchObject({ chat_id: ALICE.id, parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    expect(sent.body.text).toContain(MESSAGES.timelineLead(STORY.timeline.length, ''));
    expect(linesOf(sent)).toEqual(STORY.timeline.slice(0, TIMELINE.pageSize).map(lineFor));
    expect(sent.body.text).toContain(MESSAGES.timelinePage(1, 2));
    expect(keyboardOf(sent)).toEqual([{ text: MESSAGES.nextPage, callback_data: 'tl:2:' }]);
  });

  it('turns the same message to page 2 when "Later ▶" is pressed, with an "◀ Earlier" button, and back', async () => {
    const { fake } = await startBot({ base: storyBase() });
    const sent = await command(fake, '/timeline');

    const page2 = await turnPage(fake, 'tl:2:', sent);
    expect(page2.body).toMatchObject({ chat_id: ALICE.id, message_id: sent.result.message_id, parse_mode: 'HTML' });
    // Only events: neither the detail without a timeline line nor the retired report, though newer.
    expect(linesOf(page2)).toEqual(STORY.timeline.slice(TIMELINE.pageSize).map(lineFor));
    expect(page2.body.text).not.toContain('Umerov');
    expect(page2.body.text).not.toContain(event('false-ceasefire-2025').timeline);
    expect(page2.body.text).toContain(MESSAGES.timelinePage(2, 2));
    expect(keyboardOf(page2)).toEqual([{ text: MESSAGES.previousPage, callback_data: 'tl:1:' }]);

    const page1 = await turnPage(fake, 'tl:1:', { ...sent, body: page2.body });
    expect(page1.body.message_id).toBe(sent.result.message_id);
    expect(page1.body.text).toBe(sent.body.text);
    // Turning pages edits in place: the chat got one message in all.
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
  });

  it('leaves the page as it is when "Later ▶" is pressed twice in a row, answering both presses and apologising for nothing', async () => {
    const { fake, adapter, logs } = await startBot({ base: storyBase() });
    const sent = await command(fake, '/timeline');
    await turnPage(fake, 'tl:2:', sent);
    // A double tap: the second press comes from the same message, which already shows page 2.
    const again = fake.push(buttonPress('tl:2:', sent));
    await fake.waitFor('answerCallbackQuery', (c) => c.body.callback_query_id === (again.callback_query as { id: string }).id);
    await adapter.stop(); // lets the second press's handling finish

    expect(fake.callsTo('sendMessage').map((c) => c.body.text)).toEqual([sent.body.text]);
    expect(logs.join('\n')).not.toContain('Telegram update failed');
  });

  it('lists only the 2022 events for /timeline 2022', async () => {
    const { fake } = await startBot({ base: storyBase() });
    const sent = await command(fake, '/timeline 2022');
    const in2022 = STORY.timeline.filter((e) => e.asOf.startsWith('2022'));
    expect(in2022).toHaveLength(3);
    expect(sent.body.text).toContain(MESSAGES.timelineLead(3, '2022'));
    expect(linesOf(sent)).toEqual(in2022.map(lineFor));
    expect(keyboardOf(sent)).toEqual([]);
  });

  it('keeps the filter on the next page: /timeline 2025, then "Later ▶", shows the rest of 2025 only', async () => {
    const { fake } = await startBot({ base: storyBase() });
    const sent = await command(fake, '/timeline 2025');
    const in2025 = STORY.timeline.filter((e) => e.asOf.startsWith('2025'));
    expect(in2025.length).toBeGreaterThan(TIMELINE.pageSize);
    expect(linesOf(sent)).toEqual(in2025.slice(0, TIMELINE.pageSize).map(lineFor));
    expect(buttonsOf(sent)).toEqual(['tl:2:2025']);

    const page2 = await turnPage(fake, 'tl:2:2025', sent);
    expect(page2.body.text).toContain(MESSAGES.timelineLead(in2025.length, '2025'));
    expect(linesOf(page2)).toEqual(in2025.slice(TIMELINE.pageSize).map(lineFor));
    expect(buttonsOf(page2)).toEqual(['tl:1:2025']);
  });

  it('narrows the timeline to a word, whatever its form: /timeline exchanges', async () => {
    const { fake } = await startBot({ base: storyBase() });
    const sent = await command(fake, '/timeline exchanges');
    expect(linesOf(sent)).toEqual(['swap-2022', 'exchange-aug-2025', 'exchange-oct-2025'].map((id) => lineFor(event(id))));
  });

  it('says how to narrow the timeline instead when a filter matches nothing', async () => {
    const { fake } = await startBot({ base: storyBase() });
    const sent = await command(fake, '/timeline 2019');
    expect(sent.body.text).toBe(MESSAGES.timelineEmpty('2019'));
    expect(keyboardOf(sent)).toEqual([]);
  });

  it('pages through every event of the bundled base, each page one Telegram accepts', async () => {
    const base = await loadBase(BUNDLED_KNOWLEDGE);
    const events = base.facts.filter((f) => f.status === 'active' && f.timeline !== undefined);
    const { fake } = await startBot({ base });
    let page = await command(fake, '/timeline');
    const seen = linesOf(page);
    for (let next = buttonsOf(page).find((b) => b.startsWith('tl:2:')), n = 2; next; n += 1) {
      page = await turnPage(fake, next, page);
      seen.push(...linesOf(page));
      next = buttonsOf(page).find((b) => b.startsWith(`tl:${n + 1}:`));
    }
    expect(page.body.text).toContain(MESSAGES.timelinePage(Math.ceil(events.length / TIMELINE.pageSize), Math.ceil(events.length / TIMELINE.pageSize)));
    expect(seen).toHaveLength(events.length);
    // Each event links to the page that reported it: published on its date or soonest after.
    expect(seen.map((l) => l.url).sort()).toEqual(events.map((f) => reportOf(f).url).sort());
    const dates = seen.map((l) => Date.parse(`${l.date} UTC`));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
  });
});

describe('/latest on Telegram', () => {
  it('lists the five newest facts, newest first, each with its source and a button for its answer', async () => {
    const { fake } = await startBot({ base: storyBase() });
    const sent = await command(fake, '/latest');
    expect(sent.body.text).toContain(MESSAGES.latestLead);
    expect(linesOf(sent)).toEqual(STORY.latest.map((id) => lineFor(event(id))));
    // The newest fact of all is retired: never listed.
    expect(sent.body.text).not.toContain('ceasefire');
    expect(buttonsOf(sent)).toEqual(STORY.latest.map((id) => `ask:${id}`));
    expect(keyboardOf(sent)[1]?.text).toBe(`${readable('2025-11-27')} — ${event('deadline-2025').timeline}`);
  });

  it('answers with the fact whose button is pressed, citing its source', async () => {
    const { fake } = await startBot({ base: storyBase() });
    const sent = await command(fake, '/latest');
    const press = fake.push(buttonPress('ask:geneva-2025', sent));
    const answer = await nextMessage(fake, 1);
    expect(answer.error).toBeUndefined();
    expect(answer.body).toMatchObject({ chat_id: ALICE.id });
    expect(answer.body.text).toContain(event('geneva-2025').answer);
    expect(answer.body.text).toContain(`<a href="${storyUrl('geneva-2025')}">`);
    expect(answer.body.text).toMatch(/<i>as of 23 November 2025<\/i>$/);
    await fake.waitFor('answerCallbackQuery', (c) => c.body.callback_query_id === (press.callback_query as { id: string }).id);
  });
});

describe('the Telegram command menu and questions about now', () => {
  it('offers /timeline and /latest in its command menu, and answers both as the menu sends them', async () => {
    const { fake } = await startBot({ base: storyBase() });
    const commands = fake.callsTo('setMyCommands')[0]?.body.commands as { command: string; description: string }[];
    expect(commands).toContainEqual({ command: 'timeline', description: MESSAGES.telegramCommands.timeline });
    expect(commands).toContainEqual({ command: 'latest', description: MESSAGES.telegramCommands.latest });
    // A command picked from the menu arrives addressed to the bot.
    expect((await command(fake, '/timeline@IstanbulTalksBot')).body.text).toContain(MESSAGES.timelineLead(STORY.timeline.length, ''));
    expect((await command(fake, '/latest@IstanbulTalksBot')).body.text).toContain(MESSAGES.latestLead);
  });

  it('puts the date of its newest information, in bold, and a warning that it is old, before the answer to a question about now', async () => {
    const { fake } = await startBot({ base: storyBase() });
    const sent = await command(fake, 'What is the latest on the US peace plan?');
    const text = sent.body.text as string;
    const lead = `<b>${MESSAGES.newestLead('as of 20 November 2025')}</b>`;
    const warning = `<b>${MESSAGES.mayBeOutdated}</b>`;
    const answer = event('plan-2025').answer;
    expect(text.startsWith(lead)).toBe(true);
    expect(text.indexOf(warning)).toBeGreaterThan(text.indexOf(lead));
    expect(text.indexOf(answer)).toBeGreaterThan(text.indexOf(warning));
  });

  it('shares an inline answer to a question about now with the same date line and warning before the answer', async () => {
    const { fake } = await startBot({ base: storyBase() });
    fake.push(inlineQuery('What is the latest on the US peace plan?'));
    const answered = await fake.waitFor('answerInlineQuery');
    const [first] = answered.body.results as { id: string; input_message_content: { message_text: string } }[];
    expect(first?.id).toBe('plan-2025');
    const text = first?.input_message_content.message_text ?? '';
    expect(text.startsWith(`<b>${MESSAGES.newestLead('as of 20 November 2025')}</b>\n\n<b>${MESSAGES.mayBeOutdated}</b>\n\n${event('plan-2025').answer}`)).toBe(true);
  });
});
