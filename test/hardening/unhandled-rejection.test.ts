import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { logUnhandledRejections } from '../../adapters/unhandled.js';
import { createLogger } from '../../src/index.js';

const TOKEN = 'secret-token-that-must-not-leak';

describe('a promise rejection nobody handled', () => {
  it('is logged as an error, without the token, instead of ending the process', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', secrets: [TOKEN], destination: { write: (line: string) => void lines.push(line) } });
    const proc = new EventEmitter();
    logUnhandledRejections(logger, proc);

    // The process's default would be to exit; with a listener, Node hands the rejection to it instead.
    expect(proc.emit('unhandledRejection', new Error(`request to https://api.example/bot${TOKEN}/x failed`), Promise.resolve())).toBe(true);

    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '{}') as { level: number; msg: string; err: { message: string } };
    expect(line).toMatchObject({ level: 50, msg: 'unhandled promise rejection; the bot keeps serving' });
    expect(line.err.message).toContain('[redacted]');
    expect(lines[0]).not.toContain(TOKEN);
  });
});
