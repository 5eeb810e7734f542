// Inline mode: "@bot question" in any chat offers answers to pick from and share. Inline queries
// arrive as the user types, so they are neither rate-limited nor recorded: half-typed questions
// would use up the user's allowance and fill the moderators' log with fragments.
import type { Telegraf } from 'telegraf';
import { TELEGRAM, type AnswerOk, type AnswerResult, type BotCore } from '../../../src/index.js';
import { formatArticle } from '../format.js';
import type { TelegramDeps } from '../reply.js';

export function registerInline(bot: Telegraf, deps: TelegramDeps): void {
  bot.on('inline_query', (ctx) => {
    const results = inlineAnswers(deps.core, ctx.inlineQuery.query).map(formatArticle);
    return deps.queue.other(() => ctx.answerInlineQuery(results, { cache_time: TELEGRAM.inlineCacheSeconds }));
  });
}

/** The best answer and the facts the core suggests next to it; for an empty query, the featured questions. */
function inlineAnswers(core: BotCore, query: string): AnswerOk[] {
  const factIds = query.trim() ? matchedFacts(core.answer(query)) : featuredFacts(core);
  return [...new Set(factIds)]
    .slice(0, TELEGRAM.inlineResults)
    .map((id) => core.answerFact(id))
    .filter((answer): answer is AnswerOk => answer !== undefined);
}

function matchedFacts(result: AnswerResult): string[] {
  return [...(result.kind === 'answer' ? [result.factId] : []), ...result.suggestions.map((s) => s.factId)];
}

function featuredFacts(core: BotCore): string[] {
  return core
    .complete('', TELEGRAM.inlineResults)
    .map((question) => core.answer(question))
    .flatMap((result) => (result.kind === 'answer' ? [result.factId] : []));
}
