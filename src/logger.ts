// Structured JSON logs (pino). Every line passes through a scrubber that replaces the configured
// secrets, so a token never reaches a log even inside a library's error message or a URL.
import { createRequire } from 'node:module';
import type { Logger, DestinationStream } from 'pino';
import type { Config } from './config/env.js';

export type { Logger };

const REDACTED = '[redacted]';

/** The values that must never be logged: tokens and webhook secrets. */
export function secretsOf(config: Partial<Config>): string[] {
  return [config.DISCORD_TOKEN, config.TELEGRAM_BOT_TOKEN, config.TELEGRAM_WEBHOOK_SECRET, config.CONSOLE_SESSION_SECRET, passwordIn(config.DATABASE_URL)].filter(
    (s): s is string => typeof s === 'string' && s.length >= 4,
  );
}

/** The password in a connection URL, as written and as decoded: either may turn up in an error. */
function passwordIn(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { password } = new URL(url);
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}

export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out;
}

// Loaded when the first logger is made: a process that logs nothing (`npm run ask`) starts quicker without it.
const require = createRequire(import.meta.url);

export function createLogger(options: { level: string; secrets: readonly string[]; destination?: DestinationStream }): Logger {
  const { pino } = require('pino') as typeof import('pino');
  const { secrets } = options;
  return pino(
    {
      level: options.level,
      base: undefined,
      hooks: { streamWrite: (line) => scrub(line, secrets) },
    },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
}
