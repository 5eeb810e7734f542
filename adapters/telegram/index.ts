// The Telegram adapter: long polling by default, or a webhook server when TELEGRAM_WEBHOOK_URL is set.
import http from 'node:http';
import type { Telegraf, Types } from 'telegraf';
import { MESSAGES, SoleLeadership, TELEGRAM, type AdapterDeps, type Leadership, type AnnounceTarget, type Config, type Logger, type RunningAdapter } from '../../src/index.js';
import { createBot, type BotOptions } from './bot.js';
import { formatAnnouncement, formatNotice, HTML_OPTIONS, type TelegramMessage } from './format.js';
import { COMMANDS, LOCALIZED_COMMANDS } from './handlers/commands.js';
import type { SendQueue } from './send-queue.js';

/** The role only one replica plays at a time: Telegram answers a second poller with 409. */
const POLLER_ROLE = 'telegram-poller';

/** How often a stop asked for before polling began tries again. */
const STOP_RETRY_MS = 20;

/** Only what the handlers use, so Telegram sends nothing the bot would ignore. */
const ALLOWED_UPDATES: Types.UpdateType[] = ['message', 'inline_query', 'callback_query'];

export async function startTelegram(deps: AdapterDeps, options: BotOptions = {}): Promise<RunningAdapter> {
  const webhookUrl = deps.config.TELEGRAM_WEBHOOK_URL;
  const { bot, queue, settled } = createBot(deps, { awaitHandling: webhookUrl !== undefined, ...options });
  // The token first, and once: a bad one or an unreachable API fails the start at once, in Telegram's
  // own words, instead of after the retries a later call would get.
  bot.botInfo = await bot.telegram.getMe();
  try {
    await queue.other(() => bot.telegram.setMyCommands(COMMANDS));
    for (const { language_code, commands } of LOCALIZED_COMMANDS) await queue.other(() => bot.telegram.setMyCommands(commands, { language_code }));
  } catch (err) {
    // Only the command menu is missing: every command still works when typed.
    deps.logger.warn({ err }, 'Could not register the Telegram command menu; commands still work when typed');
  }
  if (!webhookUrl) await refuseToPollOverAWebhook(bot);
  const updates: Updates = webhookUrl
    ? { stop: await startWebhook(bot, queue, deps.config, webhookUrl) }
    : pollWhileLeading(bot, deps.logger, deps.leadership ?? new SoleLeadership());
  deps.logger.info({ mode: webhookUrl ? 'webhook' : 'polling', bot: bot.botInfo?.username }, 'Telegram bot started');
  const announceChat = deps.config.TELEGRAM_ANNOUNCE_CHAT;
  const unannounce = announceChat && deps.announcer ? deps.announcer.add(announceTarget(bot, queue, announceChat)) : () => {};
  let stopped: Promise<void> | undefined;
  return {
    name: 'telegram',
    stop() {
      unannounce();
      stopped ??= updates.stop().then(settled);
      return stopped;
    },
    ...(updates.ended ? { ended: updates.ended } : {}),
  };
}

/** TELEGRAM_ANNOUNCE_CHAT as a channel for what's new, posted through the flood-limit queue. */
function announceTarget(bot: Telegraf, queue: SendQueue, chatId: string): AnnounceTarget {
  const send = (message: TelegramMessage) =>
    queue.toChat({ id: chatId, isGroup: true }, () => bot.telegram.sendMessage(chatId, message.text, { ...HTML_OPTIONS, reply_markup: message.reply_markup }));
  return {
    name: 'telegram',
    post: async (announcement) => void (await send(formatAnnouncement(announcement))),
    postMore: async (count) => void (await send(formatNotice(MESSAGES.announcedMore(count)))),
  };
}

/** How updates arrive; `ended` when they can stop arriving without being asked to. */
interface Updates {
  stop: () => Promise<void>;
  ended?: Promise<void>;
}

/**
 * Polling deletes the webhook (telegraf does, before its first getUpdates), so a replica started
 * without TELEGRAM_WEBHOOK_URL would silently take every update from the replicas behind the load
 * balancer. It refuses instead, saying how to go on either way.
 */
async function refuseToPollOverAWebhook(bot: Telegraf): Promise<void> {
  const { url } = await bot.telegram.getWebhookInfo();
  if (url) {
    throw new Error(
      `a webhook is set (${url}), so polling would take its updates away from the replicas serving it. Set TELEGRAM_WEBHOOK_URL to run this bot as one more of them, or delete the webhook (Bot API deleteWebhook) to poll`,
    );
  }
}

/**
 * Telegram allows one poller a bot: with several replicas, the one that leads polls and the others
 * wait, taking over when it dies. A leader that loses the lead (its database connection dropped)
 * stops polling and ends, so its process manager restarts it as a waiting replica.
 */
function pollWhileLeading(bot: Telegraf, logger: Logger, leadership: Leadership): Required<Updates> {
  const abort = new AbortController();
  let polling: Required<Updates> | undefined;
  const leading = leadership.acquire(POLLER_ROLE, abort.signal).catch(() => undefined);
  let waiting = true;
  const waitNotice = setTimeout(() => waiting && logger.info('another replica is polling Telegram; this one takes over if it stops'), 1_000);
  waitNotice.unref();
  const ended = leading.then(async (lease) => {
    waiting = false;
    if (!lease) return;
    try {
      polling = startPolling(bot, logger);
      const lost = await Promise.race([polling.ended.then(() => false), lease.lost.then(() => true)]);
      if (lost) {
        logger.error('lost the lead for polling Telegram (database connection dropped); stopping, so another replica polls');
        await polling.stop();
      }
    } finally {
      await lease.release();
    }
  });
  return {
    async stop() {
      abort.abort();
      clearTimeout(waitNotice);
      await leading;
      await polling?.stop();
      await ended;
    },
    ended,
  };
}

function startPolling(bot: Telegraf, logger: Logger): Required<Updates> {
  // launch() resolves only when polling ends. It skips getMe: startTelegram has checked the token.
  const polling = bot.launch({ allowedUpdates: ALLOWED_UPDATES });
  let running = true;
  const ended = polling
    .catch((err: unknown) => logger.error({ err }, 'Telegram polling stopped'))
    .finally(() => (running = false));
  return {
    async stop() {
      // telegraf starts polling only once its deleteWebhook call returns, and refuses a stop before
      // that ("Bot is not running!"): a stop that early waits for polling to start, or to fail.
      while (running) {
        try {
          bot.stop('shutdown');
          break;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, STOP_RETRY_MS));
        }
      }
      await ended;
    },
    // telegraf ends polling for good on a 401 or 409 (token revoked, another instance polling).
    ended,
  };
}

/**
 * The bot's own HTTP server, so it can sit behind a load balancer. Telegram signs each post with the
 * secret token; telegraf refuses (403) any request without it.
 */
async function startWebhook(bot: Telegraf, queue: SendQueue, config: Config, webhookUrl: string): Promise<() => Promise<void>> {
  const secretToken = config.TELEGRAM_WEBHOOK_SECRET;
  if (!secretToken) throw new Error('TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL');
  const server = http.createServer(bot.webhookCallback(new URL(webhookUrl).pathname, { secretToken }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.TELEGRAM_WEBHOOK_PORT ?? TELEGRAM.webhookPort, resolve);
  });
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeIdleConnections();
    });
  try {
    await queue.other(() => bot.telegram.setWebhook(webhookUrl, { secret_token: secretToken, allowed_updates: ALLOWED_UPDATES }));
  } catch (err) {
    await close();
    throw err;
  }
  // The webhook stays registered on stop: other instances behind the load balancer keep serving.
  return close;
}
