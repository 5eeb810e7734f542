// /start, /help, /ask, /sources, /timeline and /latest. Commands work in every chat, groups included, since a command
// is always meant for the bot (telegraf matches "/ask@thisbot" too).
import type { Telegraf } from 'telegraf';
import { COMMAND_TEXT, MESSAGES, type Language } from '../../../src/index.js';
import { formatHelp, formatLatest, formatSources, formatTimeline, formatWelcome } from '../format.js';
import { askedBy, langOf, respond, sendHtml, type TelegramDeps } from '../reply.js';

/** The command menu Telegram shows, registered with setMyCommands at start. */
export const COMMANDS = Object.entries(MESSAGES.telegramCommands).map(([command, description]) => ({ command, description }));

/** The same menu in Ukrainian and Russian, for apps set to those languages (setMyCommands with language_code). */
export const LOCALIZED_COMMANDS = (['uk', 'ru'] as const).map((language_code) => ({
  language_code,
  commands: COMMANDS.map(({ command }) => ({ command, description: COMMAND_TEXT[language_code].telegram[command as keyof CommandTelegram] })),
}));
type CommandTelegram = (typeof COMMAND_TEXT)['uk']['telegram'];

/** The command menu as /help lists it, in the language. */
function commandsIn(lang: Language): readonly { command: string; description: string }[] {
  return lang === 'en' ? COMMANDS : (LOCALIZED_COMMANDS.find((l) => l.language_code === lang)?.commands ?? COMMANDS);
}

const EXAMPLES = 4;

export function registerCommands(bot: Telegraf, deps: TelegramDeps): void {
  // What the bot says outside an answer is in the language of the asker's app.
  bot.start((ctx) => sendHtml(deps, ctx, formatWelcome(deps.core.examples(EXAMPLES, langOf(ctx)), langOf(ctx))));
  bot.help((ctx) => sendHtml(deps, ctx, formatHelp(ctx.botInfo.username, commandsIn(langOf(ctx)), langOf(ctx))));
  bot.command('ask', (ctx) => respond(deps, ctx, () => deps.core.answer({ question: ctx.payload, ...askedBy(ctx) })));
  bot.command('sources', async (ctx) => {
    for (const message of formatSources(deps.core.sources(), deps.core.lastUpdated(), langOf(ctx))) await sendHtml(deps, ctx, message);
  });
  bot.command('timeline', (ctx) => sendHtml(deps, ctx, formatTimeline(deps.core.timeline(ctx.payload), langOf(ctx))));
  bot.command('latest', (ctx) => sendHtml(deps, ctx, formatLatest(deps.core.latest(), langOf(ctx))));
}
