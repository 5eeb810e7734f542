// A promise rejected with nobody to handle it ends a Node process by default, and with it every
// chat the bot serves. Each handler already catches its own failures, so one that slips through is
// a bug to log (through the logger, which scrubs tokens from it), not a reason to stop serving.
import type { Logger } from '../src/index.js';

export function logUnhandledRejections(logger: Logger, target: NodeJS.EventEmitter = process): void {
  target.on('unhandledRejection', (reason: unknown) => {
    logger.error({ err: reason }, 'unhandled promise rejection; the bot keeps serving');
  });
}
