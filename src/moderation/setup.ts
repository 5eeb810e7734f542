// Everything moderator commands need, built one way for `npm start`, the shard processes and tests.
import type { ActivityLog } from '../activity.js';
import { MODERATION } from '../config/defaults.js';
import type { BotCore } from '../core.js';
import type { FactStore } from '../knowledge/store.js';
import type { KnowledgeWatcher } from '../knowledge/watch.js';
import type { Moderation } from '../ports.js';
import { MemoryRateLimiter, type RateLimiter } from '../ratelimit.js';
import { TextModeration } from './commands.js';
import { Dialogues, type DialogueStore } from './dialogue.js';
import { ModerationService } from './service.js';

export function createModeration(
  core: BotCore,
  store: FactStore,
  activity: ActivityLog,
  options: { watcher?: KnowledgeWatcher; limiter?: RateLimiter; dialogues?: DialogueStore } = {},
): Moderation {
  // One limiter: the service counts moderators' changes with it, adapters count non-moderators' attempts.
  const limiter = options.limiter ?? new MemoryRateLimiter(MODERATION.commandsPerWindow, MODERATION.windowMs);
  const service = new ModerationService(core, store, activity, options.watcher, undefined, limiter);
  return { service, text: new TextModeration(service, new Dialogues(options.dialogues)), limiter };
}
