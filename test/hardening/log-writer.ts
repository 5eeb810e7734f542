// Child process for the log crash test: appends large records as fast as it can until killed.
import { JsonLinesFile } from '../../src/activity.js';

const log = new JsonLinesFile<{ n: number; pad: string }>(process.argv[2] ?? '');
for (let n = 1; ; n++) {
  await log.append({ n, pad: 'x'.repeat(100_000) });
  // Told after the first append, so the kill lands while later appends are under way.
  if (n === 1) process.stdout.write('ready\n');
}
