// The offline console chat that `npm start` runs when no platform token is set.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { formatDate, MESSAGES, type Actor, type BotCore, type TextModeration, type TimelinePage } from '../../src/index.js';
import { formatForConsole, formatLatestForConsole, formatSourcesForConsole, formatTimelineForConsole } from './format.js';
import { formatModerationForConsole } from './moderation-format.js';

const PROMPT = 'you> ';
/** The console is one person's chat: every line is a turn of one conversation. */
const CONSOLE_CONVERSATION = 'console';

export function consoleHelp(core: BotCore): string {
  const examples = core.complete('', 4).map((q) => `  ${q}`);
  return [MESSAGES.help, MESSAGES.helpExamplesLead, ...examples, MESSAGES.consoleCommands].join('\n');
}

export interface ConsoleOptions {
  /** Moderator commands ("kb status", "fact edit <id>"): whoever runs the console owns the files anyway. */
  moderation?: TextModeration;
  operator?: Actor;
}

/** Runs until /quit or the end of input. Resolves when the chat is over. */
export async function runConsole(core: BotCore, input: Readable, output: Writable, options: ConsoleOptions = {}): Promise<void> {
  const { moderation, operator } = options;
  const rl = createInterface({ input, output, terminal: false, crlfDelay: Infinity });
  const say = (text: string) => output.write(`${text}\n\n`);
  const prompt = () => output.write(PROMPT);
  say(MESSAGES.consoleWelcome);
  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line === '/help') say(consoleHelp(core));
    else if (line === '/sources') say(formatSourcesForConsole(core.sources(), formatDate(core.lastUpdated())));
    else if (line === '/latest') say(formatLatestForConsole(core.latest()));
    else if (/^\/timeline(?:\s|$)/.test(line)) say(formatTimelineForConsole(allPages(core, line.slice('/timeline'.length))));
    // A command that fails (an unreadable audit log, say) gets an apology, and the chat goes on.
    else if (moderation && operator && (await moderation.wants(operator, raw))) say(await moderation.handle(operator, raw).then((r) => formatModerationForConsole(r), () => MESSAGES.apology));
    else if (line) say(formatForConsole(core.answer({ question: line, conversation: CONSOLE_CONVERSATION })));
    prompt();
  }
  rl.close();
  output.write(`\n${MESSAGES.consoleBye}\n`);
}

function allPages(core: BotCore, filter: string): TimelinePage[] {
  const first = core.timeline(filter, 1);
  const rest = Array.from({ length: first.pages - 1 }, (_, i) => core.timeline(filter, i + 2));
  return [first, ...rest];
}
