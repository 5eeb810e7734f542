// Button presses: a "did you mean" suggestion is answered in the chat like a question; a vote goes
// to the core's feedback log. Every press is acknowledged, or the button keeps spinning: a vote
// that could not be saved with an apology rather than thanks, and a button this version of the bot
// does not know (from an older version, say) with a note to ask again.
import { TelegramError, type Telegraf } from 'telegraf';
import { UI_TEXT } from '../../../src/index.js';
import { ASK_DATA, TIMELINE_DATA, VOTE_DATA } from '../callback-data.js';
import { formatTimeline, HTML_OPTIONS } from '../format.js';
import { askedBy, langOf, respond, type TelegramDeps } from '../reply.js';

export function registerCallbacks(bot: Telegraf, deps: TelegramDeps): void {
  bot.action(ASK_DATA, (ctx) => {
    const acknowledged = deps.queue.other(() => ctx.answerCbQuery());
    // A fact retired since the button was made is answered with a plain word that it is gone.
    const replied = respond(deps, ctx, () => deps.core.answer({ factId: ctx.match[1] ?? '', ...askedBy(ctx) }));
    return Promise.all([acknowledged, replied]);
  });

  bot.action(VOTE_DATA, async (ctx) => {
    const vote = ctx.match[1] === 'up' ? 'up' : 'down';
    const factId = ctx.match[2] ?? '';
    const saved = await deps.activity.recordFeedback({ platform: 'telegram', userId: String(ctx.from.id) }, factId, vote).then(
      () => true,
      (err: unknown) => {
        deps.logger.error({ err, factId, vote }, 'Could not record Telegram feedback');
        return false;
      },
    );
    const say = UI_TEXT[langOf(ctx)];
    await deps.queue.other(() => ctx.answerCbQuery(saved ? say.feedbackThanks : say.apology));
  });

  // A page button turns the timeline message to that page in place, rather than posting another.
  bot.action(TIMELINE_DATA, (ctx) => {
    const page = formatTimeline(deps.core.timeline(ctx.match[2] ?? '', Number(ctx.match[1])), langOf(ctx));
    const acknowledged = deps.queue.other(() => ctx.answerCbQuery());
    const chat = ctx.chat;
    const turned = chat
      ? deps.queue
          .toChat({ id: chat.id, isGroup: chat.type !== 'private' }, () =>
            ctx.editMessageText(page.text, { ...HTML_OPTIONS, reply_markup: page.reply_markup }),
          )
          .catch(unlessAlreadyShown)
      : Promise.resolve();
    return Promise.all([acknowledged, turned]);
  });

  // Reached only by a press no action above took.
  bot.on('callback_query', (ctx) => deps.queue.other(() => ctx.answerCbQuery(UI_TEXT[langOf(ctx)].staleButton)));
}

/**
 * A second press of the same page button (a double tap, two people in a group) asks for the page
 * the message already shows; Telegram refuses that edit with "message is not modified", which is
 * no failure at all.
 */
function unlessAlreadyShown(err: unknown): void {
  if (err instanceof TelegramError && err.code === 400 && /message is not modified/i.test(err.description)) return;
  throw err;
}
