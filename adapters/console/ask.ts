// `npm run ask -- "question"` prints one answer with its citations;
// `npm run ask -- --json` answers one question per stdin line with one JSON line each, in order.
import 'dotenv/config';
import { createInterface } from 'node:readline';
import { loadConfig, loadCore, type BotCore } from '../../src/index.js';
import { formatForConsole } from './format.js';
import { askOfLine, toJsonLine } from './json.js';

const USAGE = [
  'usage: npm run ask -- "question"        print one answer with its sources',
  '       npm run ask -- --json < file     one question per line in, one JSON object per line out;',
  '                                        a line {"question": "…", "conversation": "c1"} is a turn of conversation c1',
  'example: npm run ask -- "How long did the latest round of talks last?"',
].join('\n');

async function answerLines(core: BotCore): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const ask = askOfLine(line);
    const conversation = typeof ask === 'string' || !('conversation' in ask) ? undefined : ask.conversation;
    process.stdout.write(`${toJsonLine(core.answer(ask), conversation)}\n`);
  }
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const words = argv.filter((a) => a !== '--json');
  if (argv.includes('--help') || argv.includes('-h') || (!json && words.length === 0)) {
    console.log(USAGE);
    return words.length === 0 && !argv.includes('--help') && !argv.includes('-h') ? 2 : 0;
  }
  const config = loadConfig();
  const core = await loadCore(config.KNOWLEDGE_DIR);
  if (json) {
    if (words.length > 0) console.log(toJsonLine(core.answer(words.join(' '))));
    else await answerLines(core);
  } else {
    console.log(formatForConsole(core.answer(words.join(' '))));
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  },
);
