// Starts the real adapter against the fake Bot API, configured the way a user configures it
// (TELEGRAM_API_ROOT), and builds updates shaped like Telegram's.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTelegram } from '../../../adapters/telegram/index.js';
import { startWebConsole } from '../../../adapters/web/index.js';
import type { FloodLimits } from '../../../adapters/telegram/send-queue.js';
import {
  ActivityLog,
  Announcer,
  BotCore,
  countAskedQuestions,
  createLogger,
  loadConfig,
  MemoryRateLimiter,
  secretsOf,
  type AdapterDeps,
  KnowledgeStore,
  MemoryConsoleSessions,
  MemorySignInLinks,
  type FactBase,
  type Leadership,
  type SignInLinks,
  type RateLimiter,
  type RunningAdapter,
} from '../../../src/index.js';
import { copyOfFixtureKnowledge, FIXTURE_KNOWLEDGE, loadBase, moderationFor } from '../../helpers.js';
import { FAKE_BOT, FakeTelegram, type ApiCall } from './fake-telegram.js';
import { answered } from '../../../src/answer.js';

export const TOKEN = '123456:TEST-token';

/** Telegram's limits, with pacing short enough for a test run to take seconds. */
export const FAST_FLOOD: FloodLimits = Object.freeze({ chatIntervalMs: 5, groupPerMinute: 20, globalPerSecond: 30, maxRetries: 3, retryMs: 20 });

export interface TestBot {
  fake: FakeTelegram;
  adapter: RunningAdapter;
  core: BotCore;
  dataDir: string;
  /** The knowledge folder the bot serves (a private copy when moderation is on). */
  knowledgeDir: string;
  /** Log lines the adapter wrote (warn and above). */
  logs: string[];
  /** With `announce`, what posts the fact-base changes: `settled()` resolves when all are posted. */
  announcer?: Announcer;
  /** Lines of a JSON-lines file in the data folder. */
  records(file: 'questions.jsonl' | 'feedback.jsonl'): Promise<Record<string, unknown>[]>;
}

interface StartOptions {
  base?: FactBase;
  limiter?: RateLimiter;
  env?: Record<string, string>;
  /** Turns moderator commands on, writing to a private copy of the fixture knowledge. */
  moderation?: { limiter?: RateLimiter };
  /** Lines already in the questions log when the bot starts, as an earlier run left them. */
  questionsLog?: object[];
  /** Runs once the fake is up and before the bot starts, e.g. to make a start-up call fail. */
  beforeStart?: (fake: FakeTelegram) => void;
  /** Announces fact-base changes, as adapters/bootstrap.ts wires it (posting where TELEGRAM_ANNOUNCE_CHAT says). */
  announce?: boolean;
  /** Another replica of the same bot: the fake Telegram of a bot started earlier. */
  fake?: FakeTelegram;
  /** Who polls among replicas, as adapters/bootstrap.ts passes it with DATABASE_URL. */
  leadership?: Leadership;
  /** Runs the moderators' web console beside the bot, as adapters/bootstrap.ts wires it with CONSOLE_PORT. */
  webConsole?: { links?: SignInLinks };
  /** Runs before the bot starts, with the knowledge folder it will serve (e.g. to add a translation file). */
  prepareKnowledge?: (dir: string) => Promise<void>;
}

const started: { fake: FakeTelegram; adapter?: RunningAdapter; web?: RunningAdapter; dataDir: string; knowledgeCopy?: string }[] = [];

export async function startBot(options: StartOptions = {}): Promise<TestBot> {
  const fake = options.fake ?? (await FakeTelegram.start(TOKEN));
  const dataDir = await mkdtemp(path.join(tmpdir(), 'telegram-e2e-'));
  const entry: (typeof started)[number] = { fake, dataDir };
  started.push(entry);
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATA_DIR: dataDir, ...options.env });
  const logs: string[] = [];
  const logger = createLogger({ level: 'warn', secrets: secretsOf(config), destination: { write: (line: string) => logs.push(line) } });
  if (options.moderation || options.webConsole) entry.knowledgeCopy = await copyOfFixtureKnowledge();
  const knowledgeDir = entry.knowledgeCopy ?? FIXTURE_KNOWLEDGE;
  await options.prepareKnowledge?.(knowledgeDir);
  const core = new BotCore(options.base ?? (await loadBase(knowledgeDir)));
  if (options.questionsLog) await writeFile(path.join(dataDir, 'questions.jsonl'), options.questionsLog.map((line) => `${JSON.stringify(line)}\n`).join(''));
  const activity = new ActivityLog(dataDir);
  // As adapters/bootstrap.ts does: the most asked questions, counted from the log.
  await countAskedQuestions(activity, core.asked, logger);
  const deps: AdapterDeps = { core, activity, config, logger, limiter: options.limiter ?? new MemoryRateLimiter(), ...(options.leadership ? { leadership: options.leadership } : {}) };
  // As adapters/bootstrap.ts builds it, minus the file watcher: changes here come only from chat.
  if (entry.knowledgeCopy) deps.moderation = moderationFor(core, entry.knowledgeCopy, activity, options.moderation?.limiter);
  if (options.announce) {
    // As adapters/bootstrap.ts wires it.
    const announcer = new Announcer(logger, (factId) => answered(core.answer({ factId: factId })));
    core.onChange((before, after) => void announcer.changed(before, after));
    deps.announcer = announcer;
  }
  if (options.webConsole && entry.knowledgeCopy) {
    deps.consoleAccess = { store: new KnowledgeStore(entry.knowledgeCopy), links: options.webConsole.links ?? new MemorySignInLinks(), sessions: new MemoryConsoleSessions(), secret: config.CONSOLE_SESSION_SECRET ?? 'telegram-e2e-console-session-secret-32chars' };
    entry.web = await startWebConsole(deps);
  }
  options.beforeStart?.(fake);
  entry.adapter = await startTelegram(deps, { flood: FAST_FLOOD });
  return {
    fake,
    adapter: entry.adapter,
    core,
    dataDir,
    knowledgeDir,
    logs,
    ...(deps.announcer ? { announcer: deps.announcer } : {}),
    async records(file) {
      const text = await readFile(path.join(dataDir, file), 'utf8').catch(() => '');
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
  };
}

/** Stops every bot a test started (letting in-flight replies finish), then its fake and folders. */
export async function stopBots(): Promise<void> {
  const bots = started.splice(0);
  try {
    // Every bot first: replicas of one bot share a fake, which must outlive them all.
    for (const { adapter, web } of bots) {
      await adapter?.stop();
      await web?.stop();
    }
  } finally {
    // A stop that fails still fails the test, but leaves no server or folder behind.
    for (const fake of new Set(bots.map((b) => b.fake))) await fake.close();
    for (const { dataDir, knowledgeCopy } of bots) for (const dir of [dataDir, knowledgeCopy]) if (dir) await rm(dir, { recursive: true, force: true });
  }
}

interface User {
  id: number;
  is_bot: false;
  first_name: string;
}

export const ALICE: User = Object.freeze({ id: 1001, is_bot: false, first_name: 'Alice' });
export const BORIS: User = Object.freeze({ id: 1002, is_bot: false, first_name: 'Boris' });
export const GROUP = Object.freeze({ id: -1_000_000_042, type: 'supergroup', title: 'Istanbul talks discussion' });

let nextMessageId = 1000;

/** Entities as Telegram computes them: a leading /command and every @mention. */
function entitiesOf(text: string): { type: string; offset: number; length: number }[] {
  const command = /^\/\w+(@\w+)?/.exec(text);
  const mentions = [...text.matchAll(/@\w{5,}/g)].map((m) => ({ type: 'mention', offset: m.index, length: m[0].length }));
  return [...(command ? [{ type: 'bot_command', offset: 0, length: command[0].length }] : []), ...mentions];
}

function textMessage(text: string, from: User, chat: object, extra: object = {}) {
  const entities = entitiesOf(text);
  return {
    message_id: nextMessageId++,
    date: Math.floor(Date.now() / 1000),
    chat,
    from,
    text,
    ...(entities.length > 0 ? { entities } : {}),
    ...extra,
  };
}

/** Sends each line in the user's private chat, waiting for the bot's reply before the next; the replies' texts. */
export async function say(fake: FakeTelegram, from: User, ...lines: string[]): Promise<string[]> {
  const replies: string[] = [];
  for (const line of lines) {
    const before = fake.callsTo('sendMessage').length;
    fake.push(privateText(line, from));
    const reply = await fake.waitFor('sendMessage', (c) => c.body.chat_id === from.id && fake.callsTo('sendMessage').indexOf(c) >= before);
    if (reply.error !== undefined) throw new Error(`the bot's reply to "${line}" was refused: ${JSON.stringify(reply.error)}`);
    replies.push(reply.body.text as string);
  }
  return replies;
}

export function privateText(text: string, from: User = ALICE) {
  return { message: textMessage(text, from, { id: from.id, type: 'private', first_name: from.first_name }) };
}

/** A group message; `replyTo` makes it a reply to an earlier message (e.g. one of the bot's). */
export function groupText(text: string, options: { from?: User; replyTo?: object } = {}) {
  const extra = options.replyTo ? { reply_to_message: options.replyTo } : {};
  return { message: textMessage(text, options.from ?? ALICE, GROUP, extra) };
}

export function inlineQuery(query: string, from: User = ALICE) {
  return { inline_query: { id: `iq-${nextMessageId++}`, from, query, offset: '' } };
}

/** A press on a button of a message the bot sent (as the fake recorded it). */
export function buttonPress(data: string, botMessage: ApiCall, from: User = ALICE) {
  const chatId = Number(botMessage.body.chat_id);
  const message = {
    // The message the fake made for that call, so an edit in place can be checked against it.
    message_id: (botMessage.result?.message_id as number | undefined) ?? nextMessageId++,
    date: Math.floor(Date.now() / 1000),
    chat: chatId < 0 ? GROUP : { id: chatId, type: 'private', first_name: from.first_name },
    from: FAKE_BOT,
    text: botMessage.body.text as string,
  };
  return { callback_query: { id: `cb-${nextMessageId++}`, from, chat_instance: '42', data, message } };
}

/** The callback data of a recorded message's buttons, row by row. */
export function buttonsOf(call: ApiCall): string[] {
  const rows = (call.body.reply_markup?.inline_keyboard ?? []) as { callback_data: string }[][];
  return rows.flat().map((b) => b.callback_data);
}
