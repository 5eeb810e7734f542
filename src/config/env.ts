// Settings from the environment (and .env), validated once at start. A bad value stops the bot
// with one line that names the variable and what it expects.
import { z } from 'zod';
import { MODERATION, RATE_LIMIT } from './defaults.js';

const optionalText = z.string().trim().min(1).optional();
const url = (what: string) => z.url({ protocol: /^https?$/, message: `expects ${what}, e.g. http://127.0.0.1:8081` }).optional();
const port = z.coerce
  .number({ message: 'expects a port number' })
  .int({ message: 'expects a whole port number' })
  .min(1, { message: 'expects a port from 1 to 65535' })
  .max(65535, { message: 'expects a port from 1 to 65535' })
  .optional();
const perMinute = (what: string) =>
  z.coerce
    .number({ message: `expects a whole number of ${what} a minute` })
    .int({ message: `expects a whole number of ${what} a minute` })
    .min(1, { message: `expects at least 1 ${what.replace(/s$/, '')} a minute` });
const idList = z
  .string()
  .trim()
  .regex(/^(\d+\s*(,\s*\d+\s*)*)?$/, { message: 'expects numeric user ids separated by commas, e.g. 12345,67890' })
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .optional();

export const EnvSchema = z.object({
  KNOWLEDGE_DIR: z.string().trim().min(1).default('knowledge'),
  DATA_DIR: z.string().trim().min(1).default('data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'expects one of fatal, error, warn, info, debug, trace, silent',
  }).default('info'),
  HEALTH_PORT: port,
  /** Shared state for replicas and shards on several machines; unset, everything stays in DATA_DIR and this process. */
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/\S+$/, { message: 'expects a PostgreSQL connection URL, e.g. postgres://bot:secret@127.0.0.1:5432/talks' })
    .optional(),

  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: z.string().trim().regex(/^\d+$/, { message: 'expects the numeric application id from the Discord developer portal' }).optional(),
  DISCORD_GUILD_ID: z.string().trim().regex(/^\d+$/, { message: 'expects a numeric server (guild) id' }).optional(),
  DISCORD_API_ROOT: url('the base URL of a Discord-compatible REST API'),
  DISCORD_SHARDS: z
    .string()
    .trim()
    .regex(/^(auto|[1-9]\d*)$/, { message: 'expects "auto" or a positive whole number of shards' })
    .optional(),
  /** The shards this machine runs, when the bot's shards are spread over several machines. */
  DISCORD_SHARD_LIST: z
    .string()
    .trim()
    .regex(/^\d+(\s*,\s*\d+)*$/, { message: 'expects the ids of the shards this machine runs, separated by commas, e.g. 0,1' })
    .transform((s) => s.split(',').map(Number))
    .optional(),
  DISCORD_MODERATOR_ROLE: optionalText,
  DISCORD_ANNOUNCE_CHANNEL: z.string().trim().regex(/^\d+$/, { message: 'expects a numeric channel id (Developer Mode: right-click the channel, Copy Channel ID)' }).optional(),

  TELEGRAM_BOT_TOKEN: z
    .string()
    .trim()
    .regex(/^\d+:[\w-]+$/, { message: 'expects a bot token from @BotFather, like 123456:ABC-DEF…' })
    .optional(),
  TELEGRAM_API_ROOT: url('the base URL of a Telegram Bot API server'),
  TELEGRAM_WEBHOOK_URL: z.url({ protocol: /^https$/, message: 'expects the public https URL Telegram should post updates to' }).optional(),
  TELEGRAM_WEBHOOK_PORT: port,
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, { message: 'expects 1–256 characters of A–Z, a–z, 0–9, _ and -' })
    .optional(),
  MODERATOR_TELEGRAM_IDS: idList,
  TELEGRAM_ANNOUNCE_CHAT: z
    .string()
    .trim()
    .regex(/^(-?\d+|@[A-Za-z][A-Za-z0-9_]{3,31})$/, { message: 'expects a chat id (e.g. -1001234567890) or a public channel username (e.g. @istanbul_talks)' })
    .optional(),

  /** The moderators' web console: the port it listens on, the address moderators open, and the key its session cookies are signed with. */
  CONSOLE_PORT: port,
  CONSOLE_URL: z.url({ protocol: /^https?$/, message: 'expects the address moderators open, e.g. https://talks-bot.example.org' }).optional(),
  CONSOLE_SESSION_SECRET: z.string().min(32, { message: 'expects at least 32 characters (e.g. the output of: openssl rand -hex 32)' }).optional(),

  RATE_LIMIT_PER_MINUTE: perMinute('questions').default(RATE_LIMIT.questionsPerWindow),
  MOD_COMMANDS_PER_MINUTE: perMinute('moderator changes').default(MODERATION.commandsPerWindow),
});

export type Config = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the settings from `env` (empty strings count as unset, as in most .env files). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${String(i.path[0] ?? 'environment')} ${i.message}`);
    throw new ConfigError(`Configuration problem: ${lines.join('; ')}. Fix it in .env (see .env.example).`);
  }
  const config = parsed.data;
  if (config.DISCORD_TOKEN && !config.DISCORD_APPLICATION_ID) {
    throw new ConfigError('Configuration problem: DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set. Fix it in .env (see .env.example).');
  }
  if (config.TELEGRAM_WEBHOOK_URL && !config.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError('Configuration problem: TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL, so only Telegram can post updates. Fix it in .env (see .env.example).');
  }
  const shardListProblem = shardListProblemOf(config);
  if (shardListProblem) throw new ConfigError(`Configuration problem: ${shardListProblem}. Fix it in .env (see .env.example).`);
  // Moderator commands change what every member is told, so they are held to a stricter limit.
  if (config.MOD_COMMANDS_PER_MINUTE >= config.RATE_LIMIT_PER_MINUTE) {
    throw new ConfigError(
      `Configuration problem: MOD_COMMANDS_PER_MINUTE (${config.MOD_COMMANDS_PER_MINUTE}${present.MOD_COMMANDS_PER_MINUTE ? '' : ' by default'}) must be lower than RATE_LIMIT_PER_MINUTE (${config.RATE_LIMIT_PER_MINUTE}), so moderators' changes stay the more strictly limited. Fix it in .env (see .env.example).`,
    );
  }
  return config;
}

/** Why DISCORD_SHARD_LIST does not fit DISCORD_SHARDS, or undefined when it does (or is unset). */
function shardListProblemOf({ DISCORD_SHARD_LIST: list, DISCORD_SHARDS: shards }: Config): string | undefined {
  if (!list) return undefined;
  // Every machine must split the same total: "auto" asks Discord on each, and the answers may differ.
  if (!shards || shards === 'auto') {
    return 'DISCORD_SHARD_LIST needs DISCORD_SHARDS set to the total number of shards across all machines (a number: not "auto", which each machine would ask Discord for and could get a different answer)';
  }
  const total = Number(shards);
  const outside = list.find((id) => id >= total);
  if (outside !== undefined) return `DISCORD_SHARD_LIST names shard ${outside}, but with DISCORD_SHARDS=${total} the shard ids run from 0 to ${total - 1}`;
  const twice = list.find((id, i) => list.indexOf(id) !== i);
  if (twice !== undefined) return `DISCORD_SHARD_LIST names shard ${twice} twice`;
  return undefined;
}
