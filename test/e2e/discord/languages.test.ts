// Ukrainian and Russian, end to end: the real discord.js against the fake Discord, on the bundled
// fact base, which holds a Ukrainian and a Russian translation of every fact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../../adapters/discord/register-commands.js';
import { BotCore, loadConfig } from '../../../src/index.js';
import { BUNDLED_KNOWLEDGE, loadBase } from '../../helpers.js';
import { APP_ID, BOT_ID, BOT_USER, CHANNEL_ID, GUILD_ID, TOKEN, type CommandOption, type Member, type SentInteraction } from './fake-discord.js';
import { askOptions, startHarness, type Harness } from './harness.js';

const REPLY = 4;
/** Where the third round's length is cited from. */
const THIRD_ROUND_SOURCES = ['https://newsoftheworld.us/ukraine-russia-resume-talks-in-istanbul', 'https://news.by/eng/news/v_mire/fidan-expresses-hope-for-rapid-meeting-of-russia-usa-and-ukraine-leaders-in-istanbul'];
const UKRAINIAN_LETTERS = /[іїєґ]/i;
const RUSSIAN_LETTERS = /[ыэъё]/i;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ core: new BotCore(await loadBase(BUNDLED_KNOWLEDGE)) });
});
afterAll(async () => {
  await h?.close();
});

let nextInteraction = 1n;

/**
 * A member runs a slash command from a Discord client set to `locale`. The fake's own slash() always
 * sends en-US, so the interaction is dispatched here, shaped as Discord sends it.
 */
function slashIn(locale: string, member: Member, name: string, options: CommandOption[]): SentInteraction {
  const interaction = { id: String(810000000000000000n + nextInteraction), token: `token-locale-${nextInteraction++}` };
  h.fake.dispatch('INTERACTION_CREATE', {
    // discord.js 14 drops an interaction without these two.
    entitlements: [],
    authorizing_integration_owners: {},
    version: 1,
    app_permissions: '0',
    locale,
    type: 2,
    data: { id: String(820000000000000000n + nextInteraction), name, type: 1, options },
    ...interaction,
    application_id: APP_ID,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general' },
    member: { user: member, roles: [], permissions: '0', joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
  });
  return interaction;
}

describe('the Discord bot in Ukrainian and Russian', () => {
  it('answers a Russian /ask in Russian, under a Russian sources heading and "as of" footer', async () => {
    const question = 'Сколько длился третий раунд переговоров в Стамбуле?';
    const reply = await h.fake.callbackFor(h.fake.slash(h.fake.newMember(), 'ask', askOptions(question)));

    expect(reply.type).toBe(REPLY);
    const [embed] = reply.data.embeds;
    expect(embed.title).toBe(question);
    expect(embed.description).toContain('40 минут');
    expect(embed.description).toMatch(RUSSIAN_LETTERS);
    expect(embed.description).not.toMatch(UKRAINIAN_LETTERS);
    expect(embed.fields[0].name).toBe('Источники:');
    for (const url of THIRD_ROUND_SOURCES) expect(embed.fields[0].value).toContain(`](${url})`);
    expect(embed.footer.text).toBe('по состоянию на 23 июля 2025 г.');
  });

  it('answers in Russian a Russian /ask that no letter tells from Ukrainian, by its Russian words', async () => {
    // "Что" is Russian (Ukrainian says "що"); the nearest phrasing in the base is Ukrainian: «що нового в переговорах».
    const reply = await h.fake.callbackFor(h.fake.slash(h.fake.newMember(), 'ask', askOptions('Что нового на переговорах?')));

    const [embed] = reply.data.embeds;
    expect(embed.fields[0].name).toBe('Источники:');
    expect(embed.footer.text).toMatch(/^по состоянию на /);
    expect(embed.description).not.toMatch(UKRAINIAN_LETTERS);
  });

  it('declines a Russian /ask in Russian, and answers a suggestion pressed after it in Russian, though the client is set to English', async () => {
    const member = h.fake.newMember();
    const declined = await h.fake.callbackFor(h.fake.slash(member, 'ask', askOptions('Вы знаете прогноз погоды в Москве?')));
    expect(declined.data.embeds[0].description).toContain('У меня нет проверенного ответа на это.');
    expect(declined.data.embeds[0].description).toContain('Можно спросить, например:');
    const buttons: { custom_id: string; label: string }[] = declined.data.components.flatMap((row: { components: unknown[] }) => row.components);
    expect(buttons.length).toBeGreaterThan(0);
    for (const button of buttons) expect(button.label).toMatch(/\p{Script=Cyrillic}/u);

    // The fake's presses come from a client set to en-US.
    const reply = await h.fake.callbackFor(h.fake.press(member, buttons[0]?.custom_id ?? ''));
    const [embed] = reply.data.embeds;
    expect(embed.fields[0].name).toBe('Источники:');
    expect(embed.footer.text).toMatch(/^по состоянию на \d{1,2} \p{L}+ \d{4} г\.$/u);
    expect(embed.description).toMatch(/\p{Script=Cyrillic}/u);
  });

  it('answers a bare Latin name in /ask in Russian when the member\'s client is set to Russian', async () => {
    const reply = await h.fake.callbackFor(slashIn('ru', h.fake.newMember(), 'ask', askOptions('Umerov')));

    const [embed] = reply.data.embeds;
    expect(embed.description).toContain('Умеров');
    expect(embed.fields[0].name).toBe('Источники:');
    expect(embed.footer.text).toMatch(/^по состоянию на \d{1,2} \p{L}+ \d{4} г\.$/u);
  });

  it('answers a Ukrainian @mention in Ukrainian, under a Ukrainian sources heading and "as of" footer', async () => {
    const question = 'Скільки тривав третій раунд переговорів у Стамбулі?';
    const messageId = h.fake.post(h.fake.newMember(), `<@${BOT_ID}> ${question}`, { users: [BOT_USER] });
    const { body: reply } = await h.fake.replyTo(messageId);

    const [embed] = reply.embeds;
    expect(embed.title).toBe(question);
    expect(embed.description).toContain('40 хвилин');
    expect(embed.description).toMatch(UKRAINIAN_LETTERS);
    expect(embed.description).not.toMatch(/minutes/);
    expect(embed.fields[0].name).toBe('Джерела:');
    for (const url of THIRD_ROUND_SOURCES) expect(embed.fields[0].value).toContain(`](${url})`);
    expect(embed.footer.text).toBe('станом на 23 липня 2025 р.');
  });
});

describe('registering the slash commands in Ukrainian and Russian', () => {
  /** What a member whose client is set to Ukrainian or Russian sees as each command's name. */
  const NAMES = {
    ask: { uk: 'запитати', ru: 'спросить' },
    sources: { uk: 'джерела', ru: 'источники' },
    timeline: { uk: 'хронологія', ru: 'хронология' },
    latest: { uk: 'найновіше', ru: 'новое' },
    help: { uk: 'довідка', ru: 'помощь' },
  };
  /** Discord's rule for a command name, in any language (its documentation, "Application Command Naming"). */
  const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

  interface Registered {
    name: string;
    description: string;
    name_localizations?: Record<string, string>;
    description_localizations?: Record<string, string>;
  }

  async function registered(): Promise<Registered[]> {
    await registerCommands(loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_ROOT: h.fake.apiRoot }));
    const put = h.fake.requests.filter((r) => r.method === 'PUT').at(-1);
    expect(put?.status).toBe(200);
    return put?.body as Registered[];
  }

  it('gives /ask, /sources, /timeline, /latest and /help Ukrainian and Russian names', async () => {
    const commands = await registered();
    for (const [name, localized] of Object.entries(NAMES)) {
      expect(commands.find((c) => c.name === name)?.name_localizations).toEqual(localized);
    }
  });

  it('gives each of them a description in Ukrainian and one in Russian, within Discord\'s 100 characters', async () => {
    const commands = await registered();
    for (const name of Object.keys(NAMES)) {
      const command = commands.find((c) => c.name === name);
      const { uk, ru } = command?.description_localizations ?? {};
      expect(Object.keys(command?.description_localizations ?? {}).sort()).toEqual(['ru', 'uk']);
      expect(uk).toMatch(/^\p{Script=Cyrillic}/u);
      expect(ru).toMatch(/^\p{Script=Cyrillic}/u);
      expect(uk).not.toBe(ru);
      for (const description of [uk ?? '', ru ?? '']) expect(description.length).toBeLessThanOrEqual(100);
    }
    expect(commands.find((c) => c.name === 'ask')?.description_localizations).toEqual({
      uk: 'Запитати про переговори Росії та України в Стамбулі',
      ru: 'Спросить о переговорах России и Украины в Стамбуле',
    });
  });

  it('names no two commands alike in one language, in lower case as Discord requires', async () => {
    const commands = await registered();
    for (const locale of ['uk', 'ru']) {
      const names = commands.map((c) => c.name_localizations?.[locale] ?? c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) {
        expect(name).toMatch(COMMAND_NAME);
        expect(name).toBe(name.toLowerCase());
      }
    }
  });
});
