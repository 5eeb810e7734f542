// Builds the Telegraf bot: one handler module per kind of update, each update run on its own so one
// chat's wait never holds up the others, and every failure turned into an apology and a log line.
import { Telegraf, type Context } from 'telegraf';
import { handleOnce, MemoryUpdateClaims, TELEGRAM, UI_TEXT, type AdapterDeps } from '../../src/index.js';
import { setTimeout as delay } from 'node:timers/promises';
import { formatNotice } from './format.js';
import { registerCallbacks } from './handlers/callbacks.js';
import { registerCommands } from './handlers/commands.js';
import { registerConsoleLink } from './handlers/console-link.js';
import { registerInline } from './handlers/inline.js';
import { registerModeration } from './handlers/moderation.js';
import { registerText } from './handlers/text.js';
import { langOf, sendHtml, type TelegramDeps } from './reply.js';
import { SendQueue, type FloodLimits } from './send-queue.js';

export interface BotOptions {
  flood?: FloodLimits;
  /**
   * Webhook mode: each update is answered to Telegram only once handled (within
   * TELEGRAM.webhookHandleMs), so an update a dying replica took is posted again, not lost.
   */
  awaitHandling?: boolean;
}

export interface TelegramBot {
  bot: Telegraf;
  queue: SendQueue;
  /** Resolves when every update taken so far has been handled. */
  settled(): Promise<void>;
}

export function createBot(deps: AdapterDeps, options: BotOptions = {}): TelegramBot {
  const token = deps.config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error('TELEGRAM_BOT_TOKEN is not set');
  const bot = new Telegraf(token, {
    telegram: {
      apiRoot: apiRootOf(deps.config.TELEGRAM_API_ROOT),
      // Answers go to the API, not into the webhook's HTTP response, so they pass the send queue
      // and their errors are seen.
      webhookReply: false,
    },
  });
  const queue = new SendQueue(options.flood, deps.telegramFlood);
  const tg: TelegramDeps = { ...deps, queue };
  const fail = (err: unknown, ctx: Context) => apologise(tg, ctx, err);

  // Without a catch, telegraf stops polling on the first handler error.
  bot.catch(fail);
  // telegraf's polling awaits a whole batch of updates before fetching the next, so a reply waiting
  // out one chat's flood limit would delay every chat. Each update runs detached and is tracked.
  // Each update is claimed by id first, so a retry that reaches this or another replica is answered once.
  const inFlight = new Set<Promise<void>>();
  const claims = deps.claims ?? new MemoryUpdateClaims();
  const claimFailed = (err: unknown) => deps.logger.warn({ err }, 'Could not check whether a Telegram update was already answered; answering it');
  bot.use((ctx, next) => {
    const task = handleOnce(claims, `telegram:${ctx.update.update_id}`, () => next(), claimFailed).catch((err: unknown) => fail(err, ctx));
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
    return options.awaitHandling ? Promise.race([task, delay(TELEGRAM.webhookHandleMs, undefined, { ref: false })]) : undefined;
  });

  registerCommands(bot, tg);
  registerConsoleLink(bot, tg);
  registerModeration(bot, tg);
  registerCallbacks(bot, tg);
  registerInline(bot, tg);
  registerText(bot, tg);

  return {
    bot,
    queue,
    async settled() {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
  };
}

async function apologise(deps: TelegramDeps, ctx: Context, err: unknown): Promise<void> {
  deps.logger.error({ err, updateId: ctx.update.update_id, updateType: ctx.updateType, chatId: ctx.chat?.id }, 'Telegram update failed');
  try {
    const apology = UI_TEXT[langOf(ctx)].apology;
    if (ctx.chat) await sendHtml(deps, ctx, formatNotice(apology));
    else if (ctx.callbackQuery) await deps.queue.other(() => ctx.answerCbQuery(apology));
  } catch (apologyErr) {
    deps.logger.warn({ err: apologyErr }, 'Could not send the apology');
  }
}

/** telegraf resolves method paths relative to the root, which drops a last segment without a "/". */
function apiRootOf(root: string | undefined): string | undefined {
  return root === undefined || root.endsWith('/') ? root : `${root}/`;
}
