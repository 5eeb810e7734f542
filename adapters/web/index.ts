// Starts the moderators' web console (CONSOLE_PORT) as one more adapter: it serves until stopped.
import { consoleAddress, type AdapterDeps, type RunningAdapter } from '../../src/index.js';
import { buildConsoleApp } from './app.js';

export async function startWebConsole(deps: AdapterDeps): Promise<RunningAdapter> {
  const { config, consoleAccess } = deps;
  if (!config.CONSOLE_PORT || !consoleAccess) throw new Error('CONSOLE_PORT is not set');
  const app = await buildConsoleApp({ ...consoleAccess, core: deps.core, config, logger: deps.logger, activity: deps.activity });
  await app.listen({ port: config.CONSOLE_PORT, host: '0.0.0.0' });
  if (!config.CONSOLE_URL) deps.logger.warn(`CONSOLE_URL is not set: sign-in links point to ${consoleAddress(config)}, which only this machine opens`);
  deps.logger.info({ port: config.CONSOLE_PORT, url: consoleAddress(config) }, 'moderators’ console started');
  let stopped: Promise<void> | undefined;
  return { name: 'web-console', stop: () => (stopped ??= app.close()) };
}
