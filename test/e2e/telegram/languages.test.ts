// Ukrainian and Russian, end to end: the real telegraf against the fake Bot API, on the bundled fact
// base, which holds a Ukrainian and a Russian translation of every fact.
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_KNOWLEDGE, loadBase } from '../../helpers.js';
import { parseHtml, type ApiCall } from './fake-telegram.js';
import { ALICE, buttonPress, buttonsOf, GROUP, groupText, inlineQuery, privateText, startBot, stopBots } from './harness.js';

afterEach(stopBots);

const base = await loadBase(BUNDLED_KNOWLEDGE);

/** Users whose Telegram app is set to a language (Telegram sends it as from.language_code). */
const OKSANA = Object.freeze({ id: 2001, is_bot: false as const, first_name: 'Oksana', language_code: 'uk' });
const EMMA = Object.freeze({ id: 2002, is_bot: false as const, first_name: 'Emma', language_code: 'en' });

const UKRAINIAN_QUESTION = 'Скільки тривав третій раунд переговорів у Стамбулі?';
const RUSSIAN_QUESTION = 'Сколько длился третий раунд переговоров в Стамбуле?';
/** The pages the third round's length is cited from. */
const THIRD_ROUND_SOURCES = ['https://newsoftheworld.us/ukraine-russia-resume-talks-in-istanbul', 'https://news.by/eng/news/v_mire/fidan-expresses-hope-for-rapid-meeting-of-russia-usa-and-ukraine-leaders-in-istanbul'];

/** Letters only Ukrainian has, and letters only Russian has. */
const UKRAINIAN_LETTERS = /[іїєґ]/i;
const RUSSIAN_LETTERS = /[ыэъё]/i;

/** What a reader sees of a message the bot sent: its HTML without the tags. */
function visible(call: ApiCall): string {
  const parsed = parseHtml(String(call.body.text));
  if ('error' in parsed) throw new Error(`Telegram would refuse this message: ${parsed.error}`);
  return parsed.text;
}

/** The labels of a message's buttons, row by row. */
function labelsOf(call: ApiCall): string[] {
  const rows = (call.body.reply_markup?.inline_keyboard ?? []) as { text: string }[][];
  return rows.flat().map((b) => b.text);
}

/** Checks that an answer about the third round's length is written in Ukrainian, cited and dated. */
function expectUkrainianThirdRoundAnswer(sent: ApiCall): void {
  const text = String(sent.body.text);
  expect(sent.error).toBeUndefined();
  expect(visible(sent)).toMatch(UKRAINIAN_LETTERS);
  expect(text).toContain('40 хвилин');
  expect(text).not.toMatch(/minutes|Sources/);
  expect(text).toContain('<b>Джерела:</b>');
  for (const url of THIRD_ROUND_SOURCES) expect(text).toContain(`<a href="${url}">`);
  expect(text).toMatch(/<i>станом на 23 липня 2025 р\.<\/i>$/);
  expect(buttonsOf(sent)).toEqual(['fb:up:third-round-duration', 'fb:down:third-round-duration']);
}

describe('the Telegram bot in Ukrainian and Russian', () => {
  it('answers a Ukrainian question in a private chat in Ukrainian, with the sources heading, links and "as of" line in Ukrainian', async () => {
    const { fake } = await startBot({ base });
    fake.push(privateText(UKRAINIAN_QUESTION));
    const sent = await fake.waitFor('sendMessage');

    expect(sent.body).toMatchObject({ chat_id: ALICE.id, parse_mode: 'HTML' });
    expectUkrainianThirdRoundAnswer(sent);
  });

  it('answers a Ukrainian /ask in a group in Ukrainian, as a reply to the question', async () => {
    const { fake } = await startBot({ base });
    const asked = fake.push(groupText(`/ask ${UKRAINIAN_QUESTION}`));
    const sent = await fake.waitFor('sendMessage');

    expect(sent.body).toMatchObject({ chat_id: GROUP.id, reply_parameters: { message_id: (asked.message as { message_id: number }).message_id } });
    expectUkrainianThirdRoundAnswer(sent);
  });

  it('answers a Russian question in Russian, with «Источники:» and «по состоянию на …»', async () => {
    const { fake } = await startBot({ base });
    fake.push(privateText(RUSSIAN_QUESTION));
    const sent = await fake.waitFor('sendMessage');

    const text = String(sent.body.text);
    expect(sent.error).toBeUndefined();
    expect(visible(sent)).toMatch(RUSSIAN_LETTERS);
    expect(visible(sent)).not.toMatch(UKRAINIAN_LETTERS);
    expect(text).toContain('40 минут');
    expect(text).toContain('<b>Источники:</b>');
    for (const url of THIRD_ROUND_SOURCES) expect(text).toContain(`<a href="${url}">`);
    expect(text).toMatch(/<i>по состоянию на 23 июля 2025 г\.<\/i>$/);
  });

  it('offers the Ukrainian answer to a Ukrainian inline query, and every other article it offers in Ukrainian too', async () => {
    const { fake } = await startBot({ base });
    fake.push(inlineQuery(UKRAINIAN_QUESTION));
    const answered = await fake.waitFor('answerInlineQuery');

    const results = answered.body.results as { id: string; title: string; description: string; input_message_content: { message_text: string } }[];
    expect(answered.error).toBeUndefined();
    expect(results[0]).toMatchObject({ id: 'third-round-duration', title: UKRAINIAN_QUESTION });
    expect(results[0]?.description).toContain('40 хвилин');
    expect(results[0]?.input_message_content.message_text).toMatch(/<i>станом на 23 липня 2025 р\.<\/i>$/);
    expect(results.length).toBeGreaterThan(1);
    for (const article of results) {
      expect(article.title).toMatch(UKRAINIAN_LETTERS);
      expect(article.input_message_content.message_text).toContain('<b>Джерела:</b>');
      expect(article.input_message_content.message_text).toMatch(/<i>станом на \d{1,2} \p{L}+ \d{4} р\.<\/i>$/u);
    }
  });

  it('answers a bare Latin name in Ukrainian to a user whose app is set to Ukrainian, and in English to one set to English', async () => {
    const { fake } = await startBot({ base });
    fake.push(privateText('Umerov', OKSANA));
    const ukrainian = await fake.waitFor('sendMessage', (c) => c.body.chat_id === OKSANA.id);
    fake.push(privateText('Umerov', EMMA));
    const english = await fake.waitFor('sendMessage', (c) => c.body.chat_id === EMMA.id);

    expect(ukrainian.body.text).toContain('Умєров');
    expect(ukrainian.body.text).toContain('<b>Джерела:</b>');
    expect(ukrainian.body.text).toMatch(/<i>станом на \d{1,2} \p{L}+ \d{4} р\.<\/i>$/u);
    expect(english.body.text).toContain('Umerov');
    expect(english.body.text).not.toMatch(/\p{Script=Cyrillic}/u);
    expect(english.body.text).toContain('<b>Sources:</b>');
    expect(english.body.text).toMatch(/<i>as of \d{1,2} [A-Z][a-z]+ \d{4}<\/i>$/);
  });

  it('declines in Ukrainian a Ukrainian question the fact base cannot answer, offering questions it can, in Ukrainian', async () => {
    const { fake } = await startBot({ base });
    fake.push(privateText('Яка погода в Парижі?'));
    const sent = await fake.waitFor('sendMessage');

    expect(sent.error).toBeUndefined();
    expect(sent.body.text).toContain('Я не маю перевіреної відповіді на це.');
    expect(sent.body.text).toContain('Можна запитати, наприклад:');
    expect(sent.body.text).not.toMatch(/verified|ask, for example/);
    const labels = labelsOf(sent);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toMatch(UKRAINIAN_LETTERS);
    for (const data of buttonsOf(sent)) expect(data).toMatch(/^ask:/);
  });

  it('declines in Russian a Russian question the fact base cannot answer, though no letter tells it from Ukrainian', async () => {
    // "Какая" is Russian (Ukrainian says "яка"); the nearest phrasings in the base, far below any match, are Ukrainian.
    const { fake } = await startBot({ base });
    fake.push(privateText('Какая погода в Париже?'));
    const sent = await fake.waitFor('sendMessage');

    expect(sent.body.text).toContain('У меня нет проверенного ответа на это.');
    expect(sent.body.text).toContain('Можно спросить, например:');
    for (const label of labelsOf(sent)) expect(label).not.toMatch(UKRAINIAN_LETTERS);
  });

  it('registers its command menu in Ukrainian and in Russian, for apps set to those languages', async () => {
    const { fake } = await startBot({ base });
    const menus = fake.callsTo('setMyCommands');
    const menuFor = (language?: string) => menus.find((c) => c.body.language_code === language)?.body.commands as { command: string; description: string }[] | undefined;
    const commandsOf = (language?: string) => menuFor(language)?.map((c) => c.command);

    expect(menus.every((c) => c.error === undefined)).toBe(true);
    expect(commandsOf('uk')).toEqual(commandsOf(undefined));
    expect(commandsOf('ru')).toEqual(commandsOf(undefined));
    expect(menuFor('uk')).toContainEqual({ command: 'ask', description: 'Запитати про переговори в Стамбулі' });
    expect(menuFor('ru')).toContainEqual({ command: 'ask', description: 'Спросить о переговорах в Стамбуле' });
    for (const language of ['uk', 'ru']) {
      for (const { description } of menuFor(language) ?? []) {
        expect(description).toMatch(/^\p{Script=Cyrillic}/u);
        expect(description.length).toBeLessThanOrEqual(256);
      }
    }
    expect(menuFor('uk')?.map((c) => c.description)).not.toEqual(menuFor('ru')?.map((c) => c.description));
  });

  it('answers a suggestion pressed after a Ukrainian question in Ukrainian, though the app is set to English', async () => {
    const { fake } = await startBot({ base });
    fake.push(privateText('Яка погода в Парижі?', EMMA));
    const declined = await fake.waitFor('sendMessage');
    const [suggestion] = buttonsOf(declined);
    expect(suggestion).toMatch(/^ask:/);

    const press = fake.push(buttonPress(suggestion ?? '', declined, EMMA));
    const answer = await fake.waitFor('sendMessage', (c) => c !== declined);
    expect(answer.error).toBeUndefined();
    expect(answer.body).toMatchObject({ chat_id: EMMA.id });
    expect(visible(answer)).toMatch(UKRAINIAN_LETTERS);
    expect(answer.body.text).toContain('<b>Джерела:</b>');
    expect(answer.body.text).toMatch(/<i>станом на \d{1,2} \p{L}+ \d{4} р\.<\/i>$/u);
    expect(answer.body.text).not.toContain('Sources:');
    const pressId = (press.callback_query as { id: string }).id;
    await fake.waitFor('answerCallbackQuery', (c) => c.body.callback_query_id === pressId);
  });
});
