// Moderator commands: /fact … and /kb … hand their text to the core's text moderation, and in a
// private chat a moderator's plain message continues their open add/edit dialogue instead of being
// read as a question. Parsing, dialogues, validation and the moderators' limit on changes are the
// core's; this gates (set up, a moderator, in private), sends, and refuses everyone else privately.
import type { Context, Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import type { Message, User } from 'telegraf/types';
import { isTelegramModerator, moderatorText, type Actor } from '../../../src/index.js';
import { formatNotice, HTML_OPTIONS } from '../format.js';
import { formatModeration } from '../moderation-format.js';
import { langOf, sendHtml, type TelegramDeps } from '../reply.js';

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

/** The one gate every moderator command passes: configured, a moderator, in private. Replies in the app's language. */
async function moderate(deps: TelegramDeps, ctx: TextContext, text: string): Promise<void> {
  const lang = langOf(ctx);
  const { mod } = moderatorText(lang);
  const say = async (sentence: string): Promise<void> => {
    await sendHtml(deps, ctx, formatNotice(sentence));
  };
  const { moderation } = deps;
  if (!moderation) return say(mod.moderationOff);
  if (!isTelegramModerator(ctx.from.id, deps.config)) {
    // Counted, so a member repeating a command can flood neither the log nor their chat: past the
    // limit, nothing is logged or sent.
    if ((await moderation.limiter.check(`telegram:${ctx.from.id}`)) !== 'ok') return;
    deps.logger.warn({ userId: ctx.from.id, command: text }, 'refused moderator command from a non-moderator');
    return refusePrivately(deps, ctx, mod.notModerator);
  }
  // A group would see the dialogue's prompts and the reports, which quote members' questions.
  if (ctx.chat.type !== 'private') return say(mod.telegramPrivateOnly(ctx.botInfo.username));
  // Reading is never limited; the core counts each change against the moderator's own limit.
  const result = await moderation.text.handle(actorOf(ctx.from), text);
  for (const part of formatModeration(result, lang)) await sendHtml(deps, ctx, part);
}

/**
 * A refusal for the member alone: in a private chat, there; from a group, in a private message,
 * so the group does not see it. A member who never started a chat with the bot cannot get one
 * (Telegram answers 403); the group then hears nothing either, and the log says so.
 */
async function refusePrivately(deps: TelegramDeps, ctx: TextContext, sentence: string): Promise<void> {
  if (ctx.chat.type === 'private') {
    await sendHtml(deps, ctx, formatNotice(sentence));
    return;
  }
  const { text } = formatNotice(sentence);
  try {
    await deps.queue.toChat({ id: ctx.from.id, isGroup: false }, () => ctx.telegram.sendMessage(ctx.from.id, text, HTML_OPTIONS));
  } catch (err) {
    deps.logger.info({ err, userId: ctx.from.id }, 'could not refuse a non-moderator privately; nothing said in the group');
  }
}

function actorOf(from: User): Actor {
  return { platform: 'telegram', id: String(from.id), name: from.username ?? from.first_name };
}
