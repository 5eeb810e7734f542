// Runs the platform adapters side by side: each starts on its own, so one that cannot (a bad token,
// an unreachable API) leaves the others serving, and the operator gets one line saying which
// setting to check and what the platform said. Also stops them all, letting in-flight replies finish.
import { scrub, secretsOf, type AdapterDeps, type Config, type HealthBoard, type Logger, type RunningAdapter } from '../src/index.js';

// Each platform's adapter (and with it discord.js or telegraf) is loaded only when that platform
// starts: the console chat, with no token set, starts without either library.
const startDiscord = async (deps: AdapterDeps) => (await import('./discord/index.js')).startDiscord(deps);
const startTelegram = async (deps: AdapterDeps) => (await import('./telegram/index.js')).startTelegram(deps);
const startWebConsole = async (deps: AdapterDeps) => (await import('./web/index.js')).startWebConsole(deps);

export interface Platform {
  name: string;
  /** The settings a start failure most likely points at. */
  variables: string;
  start: (deps: AdapterDeps) => Promise<RunningAdapter>;
}

/** The platforms whose token is set. */
export function configuredPlatforms(config: Config): Platform[] {
  return [
    ...(config.DISCORD_TOKEN ? [{ name: 'discord', variables: 'DISCORD_TOKEN / DISCORD_API_ROOT', start: startDiscord }] : []),
    ...(config.TELEGRAM_BOT_TOKEN ? [{ name: 'telegram', variables: 'TELEGRAM_BOT_TOKEN / TELEGRAM_API_ROOT', start: startTelegram }] : []),
    ...(config.CONSOLE_PORT ? [{ name: 'web-console', variables: 'CONSOLE_PORT / CONSOLE_URL', start: startWebConsole }] : []),
  ];
}

/**
 * Starts every platform at once; resolves with those that run, each failure logged and on the board.
 * `running` is filled in as each one comes up, for a shutdown that cannot wait for the slowest.
 */
export async function startPlatforms(
  deps: AdapterDeps,
  platforms: readonly Platform[],
  board: HealthBoard,
  running: RunningAdapter[] = [],
): Promise<RunningAdapter[]> {
  await Promise.all(
    platforms.map(async (platform) => {
      board.set(platform.name, 'starting');
      try {
        const adapter = await platform.start(deps);
        running.push(adapter);
        board.set(platform.name, 'running');
        void adapter.ended?.then(() => {
          // Ending while nobody asked it to stop: the health probe must stop calling it healthy.
          if (board.get(platform.name) !== 'running') return;
          board.set(platform.name, 'failed');
          deps.logger.error({ platform: platform.name }, `${platform.name} stopped serving on its own (check ${platform.variables}); the other platforms keep serving`);
        });
      } catch (err) {
        board.set(platform.name, 'failed');
        // The line is the whole story, so it names no error object whose fields could hold a token.
        const reason = scrub(whyItFailed(err), secretsOf(deps.config));
        deps.logger.error({ platform: platform.name }, `${platform.name} could not start (check ${platform.variables}): ${reason}`);
      }
    }),
  );
  return running;
}

/** Stops the adapters together; resolves once each has finished its in-flight replies (or failed to). */
export async function stopPlatforms(running: readonly RunningAdapter[], board: HealthBoard, logger: Logger): Promise<void> {
  for (const adapter of running) board.set(adapter.name, 'stopping');
  const results = await Promise.allSettled(running.map((adapter) => adapter.stop()));
  results.forEach((result, i) => {
    const name = running[i]?.name ?? '';
    if (result.status === 'fulfilled') board.set(name, 'stopped');
    else logger.error({ err: result.reason, platform: name }, 'adapter did not stop cleanly');
  });
}

/**
 * What the platform said ("401: Unauthorized", "An invalid token was provided."), or that it could
 * not be reached at all: the libraries wrap a refused connection in messages that hide the cause
 * ("fetch failed") or spell out the whole request address.
 */
export function whyItFailed(err: unknown): string {
  const network = networkCodeOf(err);
  if (network) return `API unreachable (${network})`;
  return err instanceof Error ? err.message : String(err);
}

/** ECONNREFUSED, ENOTFOUND, ETIMEDOUT…, on the error or anything that caused it. */
function networkCodeOf(err: unknown): string | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^(E[A-Z_]+|UND_ERR_[A-Z_]+)$/.test(code)) return code;
  }
  return undefined;
}
