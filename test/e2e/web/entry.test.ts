// The web console as `npm start` runs it: with only CONSOLE_PORT set (no CONSOLE_URL, no
// CONSOLE_SESSION_SECRET) a moderator still signs in by the link the bot sends.
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, startEntry, stopEntries } from '../faults/entry.js';
import { FakeTelegram } from '../telegram/fake-telegram.js';
import { ALICE, privateText, TOKEN } from '../telegram/harness.js';

const fakes: FakeTelegram[] = [];
afterEach(async () => {
  await stopEntries();
  for (const fake of fakes.splice(0)) await fake.close();
});

describe('the web console started by the entry point', () => {
  it('works with CONSOLE_PORT alone: the link points at this machine, and a session follows sign-in', async () => {
    const fake = await FakeTelegram.start(TOKEN);
    fakes.push(fake);
    const port = await freePort();
    const bot = await startEntry({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, CONSOLE_PORT: String(port), MODERATOR_TELEGRAM_IDS: String(ALICE.id) });
    await expect.poll(() => bot.logs().some((l) => l.msg === 'moderators’ console started'), { timeout: 20_000, interval: 100 }).toBe(true);
    expect(bot.logs().some((l) => String(l.msg).startsWith('CONSOLE_URL is not set'))).toBe(true);

    fake.push(privateText('/console', ALICE));
    const sent = await fake.waitFor('sendMessage', undefined, 10_000);
    const link = /http:\/\/localhost:\d+\/signin\?token=[\w-]+/.exec(String(sent.body.text))?.[0];
    expect(link).toBeDefined();
    const signIn = await fetch((link ?? '').replace('localhost', '127.0.0.1'), { redirect: 'manual' });
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/console_session=.*HttpOnly.*SameSite=Strict/i);
    const home = await fetch(`http://127.0.0.1:${port}/`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<h1>Facts</h1>');
  });
});
