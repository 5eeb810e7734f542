// `npm run bench:load [-- --json] [-- --rate 30 --questions 2000]`: the real bot, started as
// `npm start` starts it and in its own process, against the fake Telegram Bot API of the adapter
// tests. 200 users ask 2,000 questions from the bundled base's phrasings and the extra question set,
// as fast as Telegram's flood limits let the bot answer: one question every 1/30 s (the global
// limit), each user's a few seconds apart (well over the one second a chat). Reports lost replies,
// the time from pushing an update to the fake receiving its sendMessage, and the bot process's
// resident memory before, during and after.
//
// At exactly the global limit any jitter makes the send queue hold a reply until the last second
// has room again: such waits are the bot keeping to the limits on purpose, so latency is measured
// from the later of the question and the moment the limits let its reply go (see allowedAt()).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { TELEGRAM } from '../src/config/defaults.js';
import { loadFactBase } from '../src/knowledge/load.js';
import { FakeTelegram, type ApiCall } from '../test/e2e/telegram/fake-telegram.js';
import { privateText } from '../test/e2e/telegram/harness.js';
import { residentMb } from './cold-start.js';
import { BUNDLED_KNOWLEDGE, createRandom, ROOT, SEED } from './synthetic.js';

const USERS = 200;
const QUESTIONS = 2000;
const WARM_UP = 20;
const TOKEN = '123456:LOAD-test';
/** A reply not seen this long after the last question is counted lost. */
const GRACE_MS = 30_000;
const { chatIntervalMs, globalPerSecond } = TELEGRAM.flood;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Asked {
  chatId: number;
  at: number;
}

async function questionPool(): Promise<string[]> {
  const loaded = await loadFactBase(BUNDLED_KNOWLEDGE);
  if (!loaded.ok) throw new Error('the bundled fact base does not load');
  const extra = (await readFile(path.join(ROOT, 'test/eval/extra-questions.jsonl'), 'utf8'))
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { q: string }).q);
  return [...loaded.base.facts.flatMap((f) => f.questions), ...extra];
}

/** Starts `npm start`'s entry point with only Telegram configured, pointed at the fake. */
function startBot(fake: FakeTelegram, dataDir: string) {
  const env = {
    ...process.env,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    KNOWLEDGE_DIR: BUNDLED_KNOWLEDGE,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // Empty counts as unset, and wins over a .env file: no Discord, no webhook, no health port.
    DISCORD_TOKEN: '',
    TELEGRAM_WEBHOOK_URL: '',
    HEALTH_PORT: '',
  };
  return spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Replies to the given chats, in the order the fake received them. */
function repliesTo(fake: FakeTelegram, chats: ReadonlySet<number>): ApiCall[] {
  return fake.callsTo('sendMessage').filter((c) => chats.has(Number(c.body.chat_id)));
}

/**
 * For each send, when the flood limits would first have let it go: a second after the send 30
 * before it, and a second after its chat's previous one. The queue sends a held reply at that
 * moment, so the time from the later of that and the question to the send is the bot's own.
 */
function allowedAt(sends: readonly ApiCall[]): Map<ApiCall, number> {
  const allowed = new Map<ApiCall, number>();
  const lastToChat = new Map<number, number>();
  sends.forEach((send, i) => {
    const chat = Number(send.body.chat_id);
    const globalTurn = i >= globalPerSecond ? sends[i - globalPerSecond]!.at + 1000 : -Infinity;
    allowed.set(send, Math.max(globalTurn, (lastToChat.get(chat) ?? -Infinity) + chatIntervalMs));
    lastToChat.set(chat, send.at);
  });
  return allowed;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      rate: { type: 'string', default: String(globalPerSecond) },
      questions: { type: 'string', default: String(QUESTIONS) },
    },
  });
  const rate = Number(values.rate);
  const questions = Number(values.questions);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const pool = await questionPool();
  const random = createRandom(SEED);
  const fake = await FakeTelegram.start(TOKEN);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-load-'));
  const bot = startBot(fake, dataDir);
  const exited = new Promise<number | null>((resolve) => bot.on('exit', resolve));
  try {
    await fake.waitFor('getUpdates', () => true, 30_000);
    if (bot.pid === undefined) throw new Error('the bot did not start');

    log(`warming up with ${WARM_UP} questions`);
    const warmUsers = new Set(Array.from({ length: WARM_UP }, (_, i) => 9000 + i));
    for (const id of warmUsers) fake.push(privateText(random.pick(pool), { id, is_bot: false, first_name: `Warm ${id}` }));
    while (repliesTo(fake, warmUsers).length < WARM_UP) await sleep(50);
    const rssBefore = residentMb(bot.pid);

    log(`${USERS} users asking ${questions} questions at ${rate} a second`);
    const users = Array.from({ length: USERS }, (_, i) => ({ id: 5000 + i, is_bot: false as const, first_name: `User ${i}` }));
    const asked: Asked[] = [];
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, residentMb(bot.pid!))), 1000);
    const started = Date.now();
    for (let k = 0; k < questions; k++) {
      const due = started + (k * 1000) / rate;
      if (due > Date.now()) await sleep(due - Date.now());
      const user = users[k % USERS]!;
      asked.push({ chatId: user.id, at: Date.now() });
      fake.push(privateText(random.pick(pool), user));
    }
    const chats = new Set(users.map((u) => u.id));
    const deadline = Date.now() + GRACE_MS;
    while (repliesTo(fake, chats).length < questions && Date.now() < deadline) await sleep(100);
    clearInterval(sampler);
    const rssAfter = residentMb(bot.pid);

    // A chat's replies come in the order its questions were asked: the n-th answers the n-th.
    const replies = repliesTo(fake, chats);
    const nth = new Map<number, number>();
    const askedAt = new Map<ApiCall, number>();
    for (const reply of replies) {
      const chat = Number(reply.body.chat_id);
      const n = nth.get(chat) ?? 0;
      nth.set(chat, n + 1);
      const question = asked.filter((a) => a.chatId === chat)[n];
      if (question) askedAt.set(reply, question.at);
    }
    const allowed = allowedAt(fake.callsTo('sendMessage'));
    const own = replies.map((r) => r.at - Math.max(askedAt.get(r) ?? r.at, allowed.get(r) ?? -Infinity)).sort((a, b) => a - b);
    const all = replies.map((r) => r.at - (askedAt.get(r) ?? r.at)).sort((a, b) => a - b);
    const held = replies.filter((r) => (allowed.get(r) ?? -Infinity) > (askedAt.get(r) ?? Infinity)).length;
    const figures = {
      questions,
      replies: replies.length,
      lost: questions - replies.length,
      refused: replies.filter((r) => r.error).length,
      seconds: (Math.max(...replies.map((r) => r.at)) - started) / 1000,
      p50Ms: percentile(own, 0.5),
      p95Ms: percentile(own, 0.95),
      p99Ms: percentile(own, 0.99),
      heldByFloodLimits: held,
      p95WithWaitsMs: percentile(all, 0.95),
      rssBeforeMb: rssBefore,
      rssPeakMb: rssPeak,
      rssAfterMb: rssAfter,
      rssGrowthMb: rssAfter - rssBefore,
    };

    console.log(`${figures.replies} of ${questions} questions answered (${figures.lost} lost, ${figures.refused} refused by the fake) in ${figures.seconds.toFixed(1)} s.`);
    console.log(
      `Update → sendMessage, flood-limit waits left out: p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms, p99 ${figures.p99Ms} ms ` +
        `(${held} replies were held by the limits; with their waits, p95 ${figures.p95WithWaitsMs} ms).`,
    );
    console.log(`Resident memory of the bot: ${rssBefore.toFixed(0)} MB before, ${rssPeak.toFixed(0)} MB at most, ${rssAfter.toFixed(0)} MB after (${figures.rssGrowthMb >= 0 ? '+' : ''}${figures.rssGrowthMb.toFixed(1)} MB).`);
    if (values.json) console.log(JSON.stringify(figures));
  } finally {
    bot.kill('SIGTERM');
    await exited;
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : String(err));
  process.exitCode = 1;
});
