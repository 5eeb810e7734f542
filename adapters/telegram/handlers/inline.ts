// Inline mode: "@bot question" in any chat offers answers to pick from and share. Inline queries
// arrive as the user types, so they are neither rate-limited nor recorded: half-typed questions
// would use up the user's allowance and fill the moderators' log with fragments.
import type { Telegraf } from 'telegraf';
import { TELEGRAM } from '../../../src/index.js';
import { formatArticle } from '../format.js';
import type { TelegramDeps } from '../reply.js';

export function registerInline(bot: Telegraf, deps: TelegramDeps): void {
  bot.on('inline_query', (ctx) => {
    const results = deps.core.inlineAnswers(ctx.inlineQuery.query, TELEGRAM.inlineResults, ctx.from.language_code).map(formatArticle);
    return deps.queue.other(() => ctx.answerInlineQuery(results, { cache_time: TELEGRAM.inlineCacheSeconds }));
  });
}
