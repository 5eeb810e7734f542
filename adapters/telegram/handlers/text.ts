// Plain text messages: in a private chat every message is a question; in a group only one that
// mentions the bot or replies to it, so the bot stays out of conversations not meant for it.
import type { Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import type { Chat, Message, UserFromGetMe } from 'telegraf/types';
import { askedBy, respond, type TelegramDeps } from '../reply.js';

export function registerText(bot: Telegraf, deps: TelegramDeps): void {
  bot.on(message('text'), (ctx) => {
    const question = questionIn(ctx.message, ctx.chat.type, ctx.botInfo);
    if (question === undefined) return;
    return respond(deps, ctx, () => deps.core.answer({ question, ...askedBy(ctx) }));
  });
}

/** The question a message puts to the bot, with the bot's @mentions cut out; undefined if none. */
export function questionIn(msg: Message.TextMessage, chatType: Chat['type'], me: UserFromGetMe): string | undefined {
  const entities = msg.entities ?? [];
  // A command that no command handler took: another bot's, or a typo. Not a question.
  if (entities.some((e) => e.type === 'bot_command' && e.offset === 0)) return undefined;
  const handle = `@${me.username}`.toLowerCase();
  const mentions = entities.filter(
    (e) => e.type === 'mention' && msg.text.slice(e.offset, e.offset + e.length).toLowerCase() === handle,
  );
  const repliesToMe = msg.reply_to_message?.from?.id === me.id;
  if (chatType !== 'private' && mentions.length === 0 && !repliesToMe) return undefined;
  // From the last mention back, so earlier offsets stay valid.
  return mentions
    .sort((a, b) => b.offset - a.offset)
    .reduce((text, m) => `${text.slice(0, m.offset)} ${text.slice(m.offset + m.length)}`, msg.text);
}
