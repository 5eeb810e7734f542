// /console: a moderator's one-time sign-in link to the web console, sent only in a private chat.
import type { Telegraf } from 'telegraf';
import { CONSOLE_ACCESS, CONSOLE_TEXT, consoleAddress, isTelegramModerator } from '../../../src/index.js';
import { formatNotice } from '../format.js';
import { langOf, sendHtml, type TelegramDeps } from '../reply.js';

export function registerConsoleLink(bot: Telegraf, deps: TelegramDeps): void {
  bot.command('console', async (ctx) => {
    const say = (text: string) => sendHtml(deps, ctx, formatNotice(text));
    const text = CONSOLE_TEXT[langOf(ctx)];
    const access = deps.consoleAccess;
    const url = consoleAddress(deps.config);
    if (!access || !url) return void (await say(text.off));
    if (!isTelegramModerator(ctx.from.id, deps.config)) return void (await say(text.notModerator));
    if (ctx.chat.type !== 'private') return void (await say(text.privateOnly));
    const name = [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(' ') || String(ctx.from.id);
    const token = await access.links.issue({ platform: 'telegram', id: String(ctx.from.id), name }, Date.now());
    const link = new URL(`/signin?token=${encodeURIComponent(token)}`, url).toString();
    await say(text.link(link, CONSOLE_ACCESS.linkValidMs / 60_000));
  });
}
