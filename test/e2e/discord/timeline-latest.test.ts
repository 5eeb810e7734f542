// /timeline and /latest end to end: slash commands and page buttons through the real discord.js and
// the fake Discord, on a base with dated events in 2022, 2023 and 2025 (test/e2e/story-base.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../../adapters/discord/register-commands.js';
import { BotCore, loadConfig, MESSAGES, TIMELINE } from '../../../src/index.js';
import { readable, STORY, storyBase, storyUrl, type StoryEvent } from '../story-base.js';
import { APP_ID, EPHEMERAL, GUILD_ID, TOKEN, type SentInteraction } from './fake-discord.js';
import { askOptions, startHarness, type Harness } from './harness.js';

const REPLY = 4;
/** The interaction callback that edits the message holding the pressed button. */
const UPDATE_MESSAGE = 7;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ core: new BotCore(storyBase()) });
});
afterAll(async () => {
  await h?.close();
});

interface Line {
  date: string;
  text: string;
  label: string;
  url: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a message body as discord.js sent it
type Message = any;

/** The event lines of a timeline or /latest embed, in the order shown. */
function linesOf(message: Message): Line[] {
  const description: string = message.embeds[0]?.description ?? '';
  return [...description.matchAll(/\*\*([^*]+)\*\* — (.+?) \(\[([^\]]+)\]\(([^)]+)\)\)/g)].map(([, date = '', text = '', label = '', url = '']) => ({ date, text, label, url }));
}

/** How an event should read: its date, its timeline line (or first question), and its source. */
function lineFor(event: StoryEvent): Line {
  return { date: readable(event.asOf), text: event.timeline ?? event.questions[0] ?? '', label: event.publisher, url: storyUrl(event.id) };
}

function event(id: string): StoryEvent {
  const found = STORY.events.find((e) => e.id === id);
  if (!found) throw new Error(`no story event ${id}`);
  return found;
}

/** The buttons of a message, as a member sees them. */
function buttonsOf(message: Message): { custom_id: string; label: string }[] {
  return (message.components ?? []).flatMap((row: { components: { custom_id: string; label: string }[] }) => row.components.map(({ custom_id, label }) => ({ custom_id, label })));
}

function timeline(filter?: string): Promise<{ type: number; data: Message }> {
  const options = filter === undefined ? [] : [{ name: 'filter', type: 3, value: filter }];
  return h.fake.callbackFor(h.fake.slash(h.fake.newMember(), 'timeline', options));
}

/** A member presses a button on the bot's private reply; the one callback it gets. */
async function press(customId: string): Promise<{ sent: SentInteraction; callback: { type: number; data: Message } }> {
  const sent = h.fake.press(h.fake.newMember(), customId, { flags: EPHEMERAL });
  return { sent, callback: await h.fake.callbackFor(sent) };
}

describe('/timeline on Discord', () => {
  it('lists the events oldest first, each dated and linked to its source, privately, with a "Later ▶" button', async () => {
    const reply = await timeline();
    expect(reply.type).toBe(REPLY);
    expect(reply.data.flags).toBe(EPHEMERAL);
    expect(reply.data.embeds[0].description).toContain(MESSAGES.timelineLead(STORY.timeline.length, ''));
    expect(linesOf(reply.data)).toEqual(STORY.timeline.slice(0, TIMELINE.pageSize).map(lineFor));
    expect(reply.data.embeds[0].footer.text).toContain(MESSAGES.timelinePage(1, 2));
    expect(buttonsOf(reply.data)).toEqual([{ custom_id: 'tl:2:', label: MESSAGES.nextPage }]);
  });

  it('turns the same message to page 2 when "Later ▶" is pressed, with an "◀ Earlier" button', async () => {
    const { sent, callback } = await press('tl:2:');
    expect(callback.type).toBe(UPDATE_MESSAGE);
    // Only events: neither the detail without a timeline line nor the retired report, though newer.
    expect(linesOf(callback.data)).toEqual(STORY.timeline.slice(TIMELINE.pageSize).map(lineFor));
    expect(callback.data.embeds[0].description).not.toContain('Umerov');
    expect(callback.data.embeds[0].description).not.toContain(event('false-ceasefire-2025').timeline);
    expect(callback.data.embeds[0].footer.text).toContain(MESSAGES.timelinePage(2, 2));
    expect(buttonsOf(callback.data)).toEqual([{ custom_id: 'tl:1:', label: MESSAGES.previousPage }]);
    // The page turned in place: no other answer, no new message.
    expect(h.fake.callbacksTo(sent)).toHaveLength(1);
    expect(h.fake.requests.filter((r) => r.path.includes(sent.token) && !r.path.endsWith('/callback'))).toEqual([]);
  });

  it('turns back to page 1 when "◀ Earlier" is pressed', async () => {
    const first = await timeline();
    const { callback } = await press('tl:1:');
    expect(callback.type).toBe(UPDATE_MESSAGE);
    expect(callback.data.embeds).toEqual(first.data.embeds);
    expect(callback.data.components).toEqual(first.data.components);
  });

  it('lists only the 2022 events for /timeline filter:2022', async () => {
    const reply = await timeline('2022');
    const in2022 = STORY.timeline.filter((e) => e.asOf.startsWith('2022'));
    expect(in2022).toHaveLength(3);
    expect(reply.data.embeds[0].description).toContain(MESSAGES.timelineLead(3, '2022'));
    expect(linesOf(reply.data)).toEqual(in2022.map(lineFor));
    expect(reply.data.components).toEqual([]);
  });

  it('keeps the filter on the next page: /timeline filter:2025, then "Later ▶", shows the rest of 2025 only', async () => {
    const reply = await timeline('2025');
    const in2025 = STORY.timeline.filter((e) => e.asOf.startsWith('2025'));
    expect(in2025.length).toBeGreaterThan(TIMELINE.pageSize);
    expect(linesOf(reply.data)).toEqual(in2025.slice(0, TIMELINE.pageSize).map(lineFor));
    expect(buttonsOf(reply.data).map((b) => b.custom_id)).toEqual(['tl:2:2025']);

    const { callback } = await press('tl:2:2025');
    expect(callback.type).toBe(UPDATE_MESSAGE);
    expect(callback.data.embeds[0].description).toContain(MESSAGES.timelineLead(in2025.length, '2025'));
    expect(linesOf(callback.data)).toEqual(in2025.slice(TIMELINE.pageSize).map(lineFor));
    expect(buttonsOf(callback.data).map((b) => b.custom_id)).toEqual(['tl:1:2025']);
  });

  it('says how to narrow the timeline instead when a filter matches nothing', async () => {
    const reply = await timeline('2019');
    expect(reply.data).toMatchObject({ content: MESSAGES.timelineEmpty('2019'), embeds: [], components: [], flags: EPHEMERAL });
  });
});

describe('/latest on Discord', () => {
  it('lists the five newest facts, newest first, privately, each with its source and a button for its answer', async () => {
    const reply = await h.fake.callbackFor(h.fake.slash(h.fake.newMember(), 'latest'));
    expect(reply).toMatchObject({ type: REPLY, data: { flags: EPHEMERAL } });
    expect(reply.data.embeds[0].description).toContain(MESSAGES.latestLead);
    expect(linesOf(reply.data)).toEqual(STORY.latest.map((id) => lineFor(event(id))));
    // The newest fact of all is retired: never listed.
    expect(reply.data.embeds[0].description).not.toContain('ceasefire');
    const buttons = buttonsOf(reply.data);
    expect(buttons.map((b) => b.custom_id)).toEqual(STORY.latest.map((id) => `ask:${id}`));
    expect(buttons[1]?.label).toBe(`${readable('2025-11-27')} — ${event('deadline-2025').timeline}`);
  });

  it('answers privately with the fact whose button is pressed, citing its source', async () => {
    const { callback } = await press('ask:geneva-2025');
    expect(callback).toMatchObject({ type: REPLY, data: { flags: EPHEMERAL } });
    const [embed] = callback.data.embeds;
    expect(embed.description).toBe(event('geneva-2025').answer);
    expect(embed.fields[0].value).toContain(`(${storyUrl('geneva-2025')})`);
    expect(embed.footer.text).toBe('as of 23 November 2025');
  });
});

describe('registering /timeline and /latest, and questions about now', () => {
  it('registers /timeline with an optional filter, and /latest', async () => {
    await registerCommands(loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_ROOT: h.fake.apiRoot, DISCORD_GUILD_ID: GUILD_ID }));
    const put = await h.fake.waitForRequest((r) => r.method === 'PUT', 'command registration');
    const named = (name: string) => put.body.find((c: { name: string }) => c.name === name);
    expect(named('timeline')).toMatchObject({ description: MESSAGES.discordCommands.timeline });
    expect(named('timeline').options).toEqual([expect.objectContaining({ name: 'filter', type: 3, description: MESSAGES.discordCommands.timelineFilter })]);
    expect(named('timeline').options[0].required ?? false).toBe(false);
    expect(named('latest')).toMatchObject({ description: MESSAGES.discordCommands.latest });
    expect(named('latest').options ?? []).toEqual([]);
  });

  it('puts the date of its newest information, in bold, and a warning that it is old, before the answer to a question about now', async () => {
    const reply = await h.fake.callbackFor(h.fake.slash(h.fake.newMember(), 'ask', askOptions('What is the latest on the US peace plan?')));
    const description: string = reply.data.embeds[0].description;
    const lead = `**${MESSAGES.newestLead('as of 20 November 2025')}**`;
    const warning = `**${MESSAGES.mayBeOutdated}**`;
    const answer = event('plan-2025').answer;
    expect(description.startsWith(lead)).toBe(true);
    expect(description.indexOf(warning)).toBeGreaterThan(description.indexOf(lead));
    expect(description.indexOf(answer)).toBeGreaterThan(description.indexOf(warning));
  });
});
