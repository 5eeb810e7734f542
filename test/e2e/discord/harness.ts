// Starts the real Discord adapter (startDiscord) against the fake Discord, configured the way a
// user configures it: DISCORD_TOKEN, DISCORD_APPLICATION_ID and DISCORD_API_ROOT; with moderation,
// writing to a private copy of the fixture knowledge.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDiscord } from '../../../adapters/discord/index.js';
import {
  ActivityLog,
  Announcer,
  BotCore,
  createLogger,
  KnowledgeStore,
  loadConfig,
  MemoryConsoleSessions,
  MemoryRateLimiter,
  type AdapterDeps,
  type RateLimiter,
  type RunningAdapter,
  type SignInLinks,
} from '../../../src/index.js';
import { copyOfFixtureKnowledge, FIXTURE_KNOWLEDGE, loadBase, moderationFor } from '../../helpers.js';
import { APP_ID, EPHEMERAL, FakeDiscord, TOKEN, type Member, type SentInteraction } from './fake-discord.js';
import { answered } from '../../../src/answer.js';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface Harness {
  fake: FakeDiscord;
  bot: RunningAdapter;
  core: BotCore;
  /** The knowledge folder the bot serves (a private copy when moderation is on). */
  knowledgeDir: string;
  logs: LogLine[];
  /** With `announce`, what posts the fact-base changes: `settled()` resolves when all are posted. */
  announcer?: Announcer;
  /** The activity log's lines in one of its files, parsed. */
  activity(file: 'questions.jsonl' | 'feedback.jsonl'): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export const PINO_ERROR = 50;

interface HarnessOptions {
  core?: BotCore;
  limiter?: RateLimiter;
  env?: Record<string, string>;
  /** Turns moderator commands on, writing to a private copy of the fixture knowledge. */
  moderation?: { limiter?: RateLimiter };
  /** Announces fact-base changes, as adapters/bootstrap.ts wires it (posting where DISCORD_ANNOUNCE_CHANNEL says). */
  announce?: boolean;
  /** Lets /console issue sign-in links through `links`, as adapters/bootstrap.ts wires it with CONSOLE_PORT. */
  webConsole?: { links: SignInLinks };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeDiscord.start();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'discord-e2e-'));
  const knowledgeCopy = options.moderation ? await copyOfFixtureKnowledge() : undefined;
  const knowledgeDir = knowledgeCopy ?? FIXTURE_KNOWLEDGE;
  const config = loadConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_ROOT: fake.apiRoot,
    DATA_DIR: dataDir,
    KNOWLEDGE_DIR: knowledgeDir,
    ...options.env,
  });
  const logs: LogLine[] = [];
  const logger = createLogger({ level: 'info', secrets: [TOKEN], destination: { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) } });
  const core = options.core ?? new BotCore(await loadBase(knowledgeDir));
  const activity = new ActivityLog(dataDir);
  const deps: AdapterDeps = { core, config, logger, activity, limiter: options.limiter ?? new MemoryRateLimiter() };
  if (knowledgeCopy) deps.moderation = moderationFor(core, knowledgeCopy, activity, options.moderation?.limiter);
  if (knowledgeCopy && options.webConsole) deps.consoleAccess = { store: new KnowledgeStore(knowledgeCopy), links: options.webConsole.links, sessions: new MemoryConsoleSessions(), secret: 'discord-e2e-console-session-secret-32chars' };
  if (options.announce) {
    // As adapters/bootstrap.ts wires it.
    const announcer = new Announcer(logger, (factId) => answered(core.answer({ factId: factId })));
    core.onChange((before, after) => void announcer.changed(before, after));
    deps.announcer = announcer;
  }
  // Only speed: the built-in 50 requests a second would stall a fast test loop.
  const bot = await startDiscord(deps, { rest: { globalRequestsPerSecond: 10_000 } });
  return {
    fake,
    bot,
    core,
    knowledgeDir,
    logs,
    ...(deps.announcer ? { announcer: deps.announcer } : {}),
    async activity(file) {
      const text = await readFile(path.join(dataDir, file), 'utf8').catch(() => '');
      return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    async close() {
      await bot.stop();
      await fake.close();
      for (const dir of [dataDir, knowledgeCopy]) if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Options of /ask as Discord sends them (3: string, 5: boolean). */
export function askOptions(question: string, isPrivate?: boolean): { name: string; type: number; value: unknown }[] {
  return [{ name: 'question', type: 3, value: question }, ...(isPrivate === undefined ? [] : [{ name: 'private', type: 5, value: isPrivate }])];
}

/** Interaction callback type 5: the bot defers its reply and edits it in later. */
const DEFERRED = 5;

/** Runs a slash subcommand as the member; a number option is sent as an integer, text as a string. */
export function run(bot: Harness, member: Member, command: string, subcommand: string, options: Record<string, string | number> = {}): SentInteraction {
  const values = Object.entries(options).map(([name, value]) => ({ name, type: typeof value === 'number' ? 4 : 3, value }));
  return bot.fake.slash(member, command, [{ name: subcommand, type: 1, options: values }]);
}

/** The text of the bot's answer to a moderator command: privately deferred, then the reply edited in. */
export async function modReply(bot: Harness, sent: SentInteraction): Promise<string> {
  return (await modMessage(bot, sent)).embeds[0].description;
}

/** The whole first message of the bot's answer to a moderator command (content, embeds, buttons). */
export async function modMessage(bot: Harness, sent: SentInteraction) {
  const deferred = await bot.fake.callbackFor(sent);
  if (deferred.type !== DEFERRED || (deferred.data?.flags ?? 0) !== EPHEMERAL) throw new Error(`expected a private deferred reply, got ${JSON.stringify(deferred)}`);
  const path = `/webhooks/${APP_ID}/${sent.token}/messages/@original`;
  const edit = await bot.fake.waitForRequest((r) => r.method === 'PATCH' && r.path === path && r.status < 300, 'the moderator reply');
  return edit.body;
}

/** Submits a /fact form, and saves the draft its preview shows with the preview's Save button: what the save says. */
export async function submitAndSave(bot: Harness, member: Member, customId: string, values: Record<string, string>): Promise<string> {
  const preview = await modMessage(bot, bot.fake.submitModal(member, customId, values));
  const buttons: { custom_id: string; disabled?: boolean }[] = preview.components?.[0]?.components ?? [];
  const save = buttons.find((b) => b.custom_id === 'fact:save');
  if (!save || save.disabled) throw new Error(`the preview offers no Save: ${JSON.stringify(preview)}`);
  return modReply(bot, bot.fake.press(member, save.custom_id, { flags: EPHEMERAL }));
}
