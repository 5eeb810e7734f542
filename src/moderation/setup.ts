// Everything moderator commands need, built one way for `npm start`, the shard processes and tests.
import type { ActivityLog } from '../activity.js';
import { MODERATION } from '../config/defaults.js';
import type { BotCore } from '../core.js';
import { KnowledgeStore } from '../knowledge/store.js';
import type { KnowledgeWatcher } from '../knowledge/watch.js';
import type { Moderation } from '../ports.js';
import { MemoryRateLimiter, type RateLimiter } from '../ratelimit.js';
import { TextModeration } from './commands.js';
import { ModerationService } from './service.js';

export function createModeration(
  core: BotCore,
  knowledgeDir: string,
  activity: ActivityLog,
  options: { watcher?: KnowledgeWatcher; limiter?: RateLimiter } = {},
): Moderation {
  const service = new ModerationService(core, new KnowledgeStore(knowledgeDir), activity, options.watcher);
  return {
    service,
    text: new TextModeration(service),
    limiter: options.limiter ?? new MemoryRateLimiter(MODERATION.commandsPerWindow, MODERATION.windowMs),
  };
}
