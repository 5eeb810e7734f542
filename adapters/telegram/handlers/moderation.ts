// Moderator commands: /fact … and /kb … hand their text to the core's text moderation, and in a
// private chat a moderator's plain message continues their open add/edit dialogue instead of being
// read as a question. Parsing, dialogues and validation are the core's; this only gates and sends.
import type { Context, Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import type { Message, User } from 'telegraf/types';
import { isTelegramModerator, MESSAGES, MOD_MESSAGES, parseModCommand, type Actor } from '../../../src/index.js';
import { formatModReply, formatNotice } from '../format.js';
import { sendHtml, type TelegramDeps } from '../reply.js';

type TextContext = Context & { from: User; chat: NonNullable<Context['chat']>; message: Message.TextMessage };

export function registerModeration(bot: Telegraf, deps: TelegramDeps): void {
  bot.command(['fact', 'kb'], (ctx) => moderate(deps, ctx, ctx.message.text));

  // Registered before the question handler, which would otherwise answer a dialogue reply.
  bot.on(message('text'), async (ctx, next) => {
    const continuesDialogue =
      ctx.chat.type === 'private' &&
      deps.moderation !== undefined &&
      isTelegramModerator(ctx.from.id, deps.config) &&
      (await deps.moderation.text.wants(actorOf(ctx.from), ctx.message.text));
    return continuesDialogue ? moderate(deps, ctx, ctx.message.text) : next();
  });
}

/** The one gate every moderator command passes: configured, within the limit, a moderator, in private. */
async function moderate(deps: TelegramDeps, ctx: TextContext, text: string): Promise<void> {
  const say = async (sentence: string): Promise<void> => {
    await sendHtml(deps, ctx, formatNotice(sentence));
  };
  const { moderation } = deps;
  if (!moderation) return say(MOD_MESSAGES.moderationOff);
  // Before the moderator check, so a non-moderator repeating a command cannot flood the log either.
  // A dialogue reply belongs to the command that opened it (counted then): a dialogue takes seven.
  switch (parseModCommand(text) ? await moderation.limiter.check(`telegram:${ctx.from.id}`) : 'ok') {
    case 'quiet':
      return;
    case 'warn':
      return say(MESSAGES.slowDown);
    case 'ok':
      break;
  }
  if (!isTelegramModerator(ctx.from.id, deps.config)) {
    deps.logger.warn({ userId: ctx.from.id, command: text }, 'refused moderator command from a non-moderator');
    return say(MOD_MESSAGES.notModerator);
  }
  // A group would see the dialogue's prompts and the reports, which quote members' questions.
  if (ctx.chat.type !== 'private') return say(MOD_MESSAGES.telegramPrivateOnly(ctx.botInfo.username));
  const reply = await moderation.text.handle(actorOf(ctx.from), text);
  for (const part of formatModReply(reply.text)) await sendHtml(deps, ctx, part);
}

function actorOf(from: User): Actor {
  return { platform: 'telegram', id: String(from.id), name: from.username ?? from.first_name };
}
