// Button presses: a "did you mean" suggestion is answered in the chat like a question; a vote goes
// to the core's feedback log. Every press is acknowledged, or the button keeps spinning.
import type { Telegraf } from 'telegraf';
import { MESSAGES } from '../../../src/index.js';
import { ASK_DATA, VOTE_DATA } from '../callback-data.js';
import { formatNotice } from '../format.js';
import { respond, sendHtml, type TelegramDeps } from '../reply.js';

export function registerCallbacks(bot: Telegraf, deps: TelegramDeps): void {
  bot.action(ASK_DATA, (ctx) => {
    const answer = deps.core.answerFact(ctx.match[1] ?? '');
    const acknowledged = deps.queue.other(() => ctx.answerCbQuery());
    const replied = answer ? respond(deps, ctx, () => answer) : sendHtml(deps, ctx, formatNotice(MESSAGES.suggestionGone));
    return Promise.all([acknowledged, replied]);
  });

  bot.action(VOTE_DATA, (ctx) => {
    const vote = ctx.match[1] === 'up' ? 'up' : 'down';
    const recorded = deps.activity
      .recordFeedback({ platform: 'telegram', userId: String(ctx.from.id) }, ctx.match[2] ?? '', vote)
      .catch((err: unknown) => deps.logger.warn({ err }, 'Could not record Telegram feedback'));
    return Promise.all([recorded, deps.queue.other(() => ctx.answerCbQuery(MESSAGES.feedbackThanks))]);
  });
}
