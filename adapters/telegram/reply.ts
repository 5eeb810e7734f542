// What every handler does to answer: send through the flood-limit queue, and ask the core under the
// shared per-user rate limit, recording the question without letting the record hold up the reply.
import type { Context } from 'telegraf';
import { languageOfLocale, quietInGroups, UI_TEXT, type AdapterDeps, type AnswerResult, type Language } from '../../src/index.js';
import { formatNotice, formatResult, HTML_OPTIONS, type TelegramModMessage } from './format.js';
import type { SendQueue } from './send-queue.js';

export interface TelegramDeps extends AdapterDeps {
  queue: SendQueue;
}

/** The conversation a message belongs to: its asker in its chat, so follow-ups in a group stay each person's own. */
export function conversationOf(ctx: Context): string | undefined {
  return ctx.chat && ctx.from ? `telegram:${ctx.chat.id}:${ctx.from.id}` : undefined;
}

/** The language of the app the update came from, for what the bot says outside an answer. */
export function langOf(ctx: Context): Language {
  return languageOfLocale(ctx.from?.language_code) ?? 'en';
}

/**
 * Who asks, as the core reads it: the conversation, and the app's language as a hint for a
 * question whose own words do not tell its language (a bare name).
 */
export function askedBy(ctx: Context): { conversation?: string; locale?: string } {
  const conversation = conversationOf(ctx);
  const locale = ctx.from?.language_code;
  return { ...(conversation !== undefined ? { conversation } : {}), ...(locale !== undefined ? { locale } : {}) };
}

/** Sends an HTML message to the update's chat; in a group, as a reply to the message that asked. */
export function sendHtml(deps: TelegramDeps, ctx: Context, message: TelegramModMessage): Promise<unknown> {
  const chat = ctx.chat;
  if (!chat) throw new Error(`A ${ctx.updateType} update has no chat to reply in`);
  const isGroup = chat.type !== 'private';
  const replyTo = isGroup ? ctx.msgId : undefined;
  return deps.queue.toChat({ id: chat.id, isGroup }, () =>
    ctx.telegram.sendMessage(chat.id, message.text, {
      ...HTML_OPTIONS,
      reply_markup: message.reply_markup,
      reply_parameters: replyTo !== undefined ? { message_id: replyTo, allow_sending_without_reply: true } : undefined,
    }),
  );
}

/**
 * Answers a question in the update's chat, unless the asker is over the rate limit. Small talk
 * costs no part of the limit and is not logged as a question; in a group, thanks need no reply.
 */
export async function respond(deps: TelegramDeps, ctx: Context, answer: () => AnswerResult): Promise<void> {
  const from = ctx.from;
  if (!from) return;
  const result = answer();
  if (result.kind === 'chat') {
    if (ctx.chat?.type !== 'private' && quietInGroups(result)) return;
    await sendHtml(deps, ctx, formatResult(result));
    return;
  }
  switch (await deps.limiter.check(`telegram:${from.id}`)) {
    case 'quiet':
      return;
    case 'warn':
      await sendHtml(deps, ctx, formatNotice(UI_TEXT[result.lang].slowDown));
      return;
    case 'ok':
      break;
  }
  const recorded = deps.activity
    .recordQuestion({ platform: 'telegram', userId: String(from.id) }, result)
    .catch((err: unknown) => deps.logger.warn({ err }, 'Could not record a Telegram question'));
  await Promise.all([sendHtml(deps, ctx, formatResult(result)), recorded]);
}
