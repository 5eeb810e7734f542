// /console: a moderator's one-time sign-in link to the web console, sent only in a private chat.
import type { Telegraf } from 'telegraf';
import { CONSOLE_ACCESS, CONSOLE_MESSAGES, consoleAddress, isTelegramModerator } from '../../../src/index.js';
import { formatNotice } from '../format.js';
import { sendHtml, type TelegramDeps } from '../reply.js';

export function registerConsoleLink(bot: Telegraf, deps: TelegramDeps): void {
  bot.command('console', async (ctx) => {
    const say = (text: string) => sendHtml(deps, ctx, formatNotice(text));
    const access = deps.consoleAccess;
    const url = consoleAddress(deps.config);
    if (!access || !url) return void (await say(CONSOLE_MESSAGES.off));
    if (!isTelegramModerator(ctx.from.id, deps.config)) return void (await say(CONSOLE_MESSAGES.notModerator));
    if (ctx.chat.type !== 'private') return void (await say(CONSOLE_MESSAGES.privateOnly));
    const name = [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(' ') || String(ctx.from.id);
    const token = await access.links.issue({ platform: 'telegram', id: String(ctx.from.id), name }, Date.now());
    const link = new URL(`/signin?token=${encodeURIComponent(token)}`, url).toString();
    await say(CONSOLE_MESSAGES.link(link, CONSOLE_ACCESS.linkValidMs / 60_000));
  });
}
