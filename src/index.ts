// The core's public surface: adapters import from here and nowhere else in src/.
export { BotCore, type SourceEntry } from './core.js';
export { plainText, type AnswerResult, type AnswerOk, type AnswerAmbiguous, type AnswerDeclined, type Suggestion } from './answer.js';
export { formatDate, type Citation } from './citations.js';
export { MESSAGES } from './messages.js';
export { DISCORD, LIMITS, MATCHING } from './config/defaults.js';
export { loadConfig, ConfigError, type Config } from './config/env.js';
export { loadFactBase } from './knowledge/load.js';
export { formatProblem, type FactBase, type KnowledgeProblem } from './knowledge/parse.js';
export type { Fact, Source } from './knowledge/schema.js';
export { loadCore, KnowledgeError } from './startup.js';
export { createLogger, secretsOf, scrub, type Logger } from './logger.js';
export { ActivityLog, hashUser, type Asker, type Platform, type Vote } from './activity.js';
export { RateLimiter, type RateDecision } from './ratelimit.js';
export type { AdapterDeps, RunningAdapter } from './ports.js';
export { RATE_LIMIT, TELEGRAM } from './config/defaults.js';
