// The moderators' web console in a real browser, signed in with a link the bot sends on the fake
// Telegram, its saves served to Telegram questions at once.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ACCESS, englishFingerprint, MemorySignInLinks, type Fact } from '../../../src/index.js';
import { freePort } from '../faults/entry.js';
import { ALICE, BORIS, privateText, startBot, stopBots, type TestBot } from '../telegram/harness.js';
import { HAS_CHROMIUM, launchBrowser } from './browser.js';

/** Set to a folder to keep screenshots of the main pages (the README's come from here). */
const SCREENSHOTS = process.env.CONSOLE_SCREENSHOTS;

describe.runIf(HAS_CHROMIUM)('the moderators’ web console', () => {
  let browser: Browser;
  let bot: TestBot;
  let base: string;
  let links: MemorySignInLinks;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const start = async (extra: { questionsLog?: object[] } = {}) => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    links = new MemorySignInLinks();
    bot = await startBot({
      // No CONSOLE_SESSION_SECRET: the bot makes its own key, as it does when an operator sets none.
      env: { CONSOLE_PORT: String(port), CONSOLE_URL: base, MODERATOR_TELEGRAM_IDS: String(ALICE.id) },
      webConsole: { links },
      ...extra,
      // A Ukrainian translation of the third round's fact, current with its English.
      prepareKnowledge: async (dir) => {
        await mkdir(path.join(dir, 'translations/uk'), { recursive: true });
        const from = englishFingerprint({ answer: 'The third round lasted about 40 minutes.', caveat: 'Paper A says 40 minutes, paper B says under an hour.' });
        await writeFile(
          path.join(dir, 'translations/uk/rounds.yaml'),
          `language: uk\nfacts:\n  - id: round-three-duration\n    from: "${from}"\n    questions:\n      - Скільки тривав третій раунд?\n      - тривалість липневих переговорів\n      - скільки хвилин тривала третя зустріч\n    answer: Третій раунд тривав близько 40 хвилин.\n    caveat: Газета А пише про 40 хвилин, газета Б — менше години.\n`,
        );
      },
    });
  };
  afterEach(stopBots);

  /** The link the bot sends a moderator who asks for /console in a private chat. */
  const linkFromBot = async (): Promise<string> => {
    const before = bot.fake.callsTo('sendMessage').length;
    bot.fake.push(privateText('/console', ALICE));
    await expect.poll(() => bot.fake.callsTo('sendMessage').length, { timeout: 5_000 }).toBeGreaterThan(before);
    const text = String(bot.fake.callsTo('sendMessage').at(-1)?.body.text);
    const url = /https?:\/\/\S+/.exec(text)?.[0];
    if (!url) throw new Error(`no link in: ${text}`);
    return url.replace(/&amp;/g, '&');
  };

  const signedInPage = async (): Promise<Page> => {
    const page = await browser.newPage();
    await page.goto(await linkFromBot());
    await expect.poll(() => page.getByRole('heading', { name: 'Facts' }).count()).toBe(1);
    return page;
  };

  const telegramAnswerTo = async (question: string) => {
    const before = bot.fake.callsTo('sendMessage').length;
    bot.fake.push(privateText(question, BORIS));
    await expect.poll(() => bot.fake.callsTo('sendMessage').length, { timeout: 5_000 }).toBeGreaterThan(before);
    return String(bot.fake.callsTo('sendMessage').at(-1)?.body.text);
  };

  it('signs a moderator in by the link the bot sends, and lists the facts with filters', async () => {
    await start();
    const page = await signedInPage();
    expect(await page.getByRole('link', { name: 'How long did the third round last?' }).count()).toBe(1);
    await page.getByLabel('Round', { exact: true }).selectOption('3');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'console-facts.png'), fullPage: true });
  });

  it('saves an edit that the next Telegram question gets within 2 s, and flags the translation it made stale', async () => {
    await start();
    const page = await signedInPage();
    await page.goto(`${base}/facts/round-three-duration`);
    expect(await page.getByText('Current: translated from this English version.').count()).toBe(1);
    await page.getByLabel('Answer').fill('The third round lasted about 45 minutes, by a later count.');
    await expect.poll(() => page.locator('#preview-telegram').textContent()).toContain('45 minutes');
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'console-fact.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Saved');
    const saved = Date.now();
    expect(await telegramAnswerTo('How long did the third round last?')).toContain('45 minutes');
    expect(Date.now() - saved).toBeLessThan(2_000);

    await page.getByRole('tab', { name: 'Українська' }).click();
    expect(await page.getByText('Stale: the English changed after this translation').isVisible()).toBe(true);
    await page.goto(`${base}/?translation=stale`);
    expect(await page.locator('tbody tr').count()).toBe(1);
  });

  it('shows an invalid value beside its field as it is typed, and saves nothing', async () => {
    await start();
    const page = await signedInPage();
    await page.goto(`${base}/facts/round-two-duration`);
    await page.getByLabel('As of').fill('yesterday');
    await expect.poll(() => page.locator('#problem-asOf').textContent()).toMatch(/YYYY-MM-DD|date/i);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('#problem-asOf').textContent()).toMatch(/YYYY-MM-DD|date/i);
    expect(await page.getByLabel('As of').inputValue()).toBe('yesterday');
    expect(bot.core.base.facts.find((f: Fact) => f.id === 'round-two-duration')?.asOf).toBe('2025-06-02');
  });

  it('undoes a change from the history page', async () => {
    await start();
    const page = await signedInPage();
    await page.goto(`${base}/facts/round-two-duration`);
    await page.getByLabel('Answer').fill('An answer to take back.');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Saved');
    await page.goto(`${base}/history`);
    expect(await page.getByText('An answer to take back.').count()).toBe(1);
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'console-history.png'), fullPage: true });
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => bot.core.base.facts.find((f: Fact) => f.id === 'round-two-duration')?.answer).toBe('The second round lasted a little over an hour.');
  });

  it('turns an unanswered question into a phrasing of the fact that covers it, and shows the question behind a 👎', async () => {
    const at = new Date().toISOString();
    const asked = { at, platform: 'telegram', user: 'u1', question: 'how long was the gathering in late july', kind: 'declined', factId: null, confidence: 0.2 };
    const answered = { at, platform: 'telegram', user: 'u2', question: 'how long did round two go on for', kind: 'answer', factId: 'round-two-duration', confidence: 1 };
    await start({ questionsLog: [asked, answered] });
    await writeFile(path.join(bot.dataDir, 'feedback.jsonl'), `${JSON.stringify({ at, platform: 'telegram', user: 'u2', factId: 'round-two-duration', vote: 'down' })}\n`);
    const page = await signedInPage();
    await page.goto(`${base}/unanswered`);
    expect(await page.getByText('how long was the gathering in late july').count()).toBe(1);
    await page.getByLabel('Covered by').fill('round-three-duration');
    await page.getByRole('button', { name: 'Add as a phrasing' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Saved');
    expect(await telegramAnswerTo('how long was the gathering in late july')).toContain('40 minutes');

    await page.goto(`${base}/feedback`);
    const row = page.locator('tr', { hasText: 'round-two-duration' });
    expect(await row.locator('td').nth(2).textContent()).toBe('1');
    expect(await row.getByText('how long did round two go on for').count()).toBe(1);
  });

  it('refuses a reused link, an expired link, a forged cookie and a non-moderator', async () => {
    await start();
    const page = await browser.newPage();
    const link = await linkFromBot();
    await page.goto(link);
    await page.context().clearCookies();
    expect((await page.goto(link))?.status()).toBe(403);

    const expired = await links.issue({ platform: 'telegram', id: String(ALICE.id), name: 'Alice' }, Date.now() - CONSOLE_ACCESS.linkValidMs - 1);
    expect((await page.goto(`${base}/signin?token=${expired}`))?.status()).toBe(403);

    await page.context().addCookies([{ name: 'console_session', value: 'forged.cookie', url: base }]);
    expect((await page.goto(`${base}/`))?.status()).toBe(401);

    const outsider = await links.issue({ platform: 'telegram', id: String(BORIS.id), name: 'Boris' }, Date.now());
    expect((await page.goto(`${base}/signin?token=${outsider}`))?.status()).toBe(403);
    bot.fake.push(privateText('/console', BORIS));
    await expect.poll(() => bot.fake.callsTo('sendMessage').filter((c) => Number(c.body.chat_id) === BORIS.id).length).toBe(1);
    expect(String(bot.fake.callsTo('sendMessage').at(-1)?.body.text)).not.toMatch(/https?:/);
  });

  it('accepts no write without the CSRF token', async () => {
    await start();
    const page = await signedInPage();
    const res = await page.request.post(`${base}/facts/round-two-duration/retire`, { form: { key: 'whatever' } });
    expect(res.status()).toBe(403);
    expect(bot.core.base.facts.find((f: Fact) => f.id === 'round-two-duration')?.status).toBe('active');
  });
});
