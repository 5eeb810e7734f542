// Two bot processes in webhook mode behind one (pretend) load balancer, sharing one DATABASE_URL,
// each with its own copy of the fact files, as on two machines. The fake Telegram posts updates
// to either; what one replica does the other must see.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/messages.js';
import { copyOfFixtureKnowledge } from '../../helpers.js';
import { dropSchema, freshSchema, HAS_POSTGRES, TEST_DATABASE_URL } from '../../storage/postgres.js';
import { serverBinaries, startPrivatePostgres, type PrivatePostgres } from '../../storage/private-postgres.js';
import { FakeTelegram } from '../telegram/fake-telegram.js';
import { ALICE, BORIS, privateText, TOKEN } from '../telegram/harness.js';
import { freePort, startEntry, stopEntries, type BotProcess } from './entry.js';

const SECRET = 'replica-secret';
const CAROL = Object.freeze({ id: 1003, is_bot: false as const, first_name: 'Carol' });

interface Replica {
  bot: BotProcess;
  webhookPort: number;
  healthPort: number;
}

/** A database URL whose connections use `schema`, as an operator may write it. */
const inSchema = (url: string, schema: string) => `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

async function startReplica(fake: FakeTelegram, databaseUrl: string): Promise<Replica> {
  const [webhookPort, healthPort] = [await freePort(), await freePort()];
  const bot = await startEntry({
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/telegram',
    TELEGRAM_WEBHOOK_PORT: String(webhookPort),
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    HEALTH_PORT: String(healthPort),
    DATABASE_URL: databaseUrl,
    KNOWLEDGE_DIR: await copyOfFixtureKnowledge(),
    MODERATOR_TELEGRAM_IDS: String(ALICE.id),
    RATE_LIMIT_PER_MINUTE: '3',
    MOD_COMMANDS_PER_MINUTE: '2',
  });
  const replica = { bot, webhookPort, healthPort };
  await until(async () => (await health(replica))?.status === 'ok', 20_000, () => `replica never served; output:\n${bot.output()}`);
  return replica;
}

/** Waits for `ready` outside a test (expect.poll works only inside one). */
async function until(ready: () => Promise<boolean>, timeoutMs: number, why: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(why());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function health(replica: Replica): Promise<{ status: string; knowledge: { version: string }; problems?: { check: string; reason: string }[] } | undefined> {
  try {
    return (await (await fetch(`http://127.0.0.1:${replica.healthPort}/healthz`)).json()) as never;
  } catch {
    return undefined;
  }
}

let nextUpdateId = 5_000;

/** Posts an update as Telegram does; resolves once the replica has answered Telegram's request. */
async function post(replica: Replica, update: object, updateId = nextUpdateId++): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${replica.webhookPort}/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify({ update_id: updateId, ...update }),
  });
  return res.status;
}

/** What the bot sent to a chat, in order. */
const sentTo = (fake: FakeTelegram, chatId: number) => fake.callsTo('sendMessage').filter((c) => Number(c.body.chat_id) === chatId).map((c) => String(c.body.text));

describe.runIf(HAS_POSTGRES)('two replicas in webhook mode sharing one database', () => {
  let fake: FakeTelegram;
  let a: Replica;
  let b: Replica;
  const schema = freshSchema('replicas');

  beforeAll(async () => {
    fake = await FakeTelegram.start(TOKEN);
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.end();
    const url = inSchema(TEST_DATABASE_URL, schema);
    [a, b] = await Promise.all([startReplica(fake, url), startReplica(fake, url)]);
  }, 60_000);

  afterAll(async () => {
    await stopEntries();
    await fake?.close();
    await dropSchema(schema);
  });

  it('answers an update that Telegram posts to both replicas once', async () => {
    const update = privateText('How long did the third round last?', CAROL);
    const statuses = await Promise.all([post(a, update, 900), post(b, update, 900)]);
    expect(statuses).toEqual([200, 200]);
    expect(sentTo(fake, CAROL.id)).toEqual([expect.stringContaining('40 minutes')]);
  });

  it('holds a user to one rate limit across replicas, with one "slow down" notice', async () => {
    for (let i = 0; i < 6; i += 1) await post(i % 2 ? b : a, privateText('How long did the second round last?', BORIS));
    const replies = sentTo(fake, BORIS.id);
    expect(replies.filter((text) => text.includes(MESSAGES.slowDown))).toHaveLength(1);
    expect(replies).toHaveLength(4);
  });

  it('goes on with a moderator’s dialogue whichever replica each reply reaches, and serves the new fact on the other within 2 s', async () => {
    const steps = [
      '/fact add',
      'Who chaired the fourth round?\nchair of the fourth round\nwho led the fourth meeting',
      'The fourth round was chaired by a Turkish diplomat.',
      'example.com/fourth-round', // refused on one replica, asked again; the draft is kept for the other
      'https://example.com/fourth-round',
      'Fourth round report | Example News | 2025-12-01',
      '2025-12-01',
      '4',
      'skip',
      'save',
    ];
    const servedOnA = (await health(a))?.knowledge.version;
    for (const [i, step] of steps.entries()) await post(i % 2 ? b : a, privateText(step, ALICE));
    const last = sentTo(fake, ALICE.id).at(-1) ?? '';
    expect(last).toMatch(/added|saved/i);
    // The dialogue ended on B (the tenth message, "save", saved there): A must serve the fact within 2 s.
    const saved = Date.now();
    await expect.poll(async () => (await health(a))?.knowledge.version, { timeout: 2_000, interval: 50 }).not.toBe(servedOnA);
    expect(Date.now() - saved).toBeLessThan(2_000);
    await post(a, privateText('Who chaired the fourth round?', CAROL));
    expect(sentTo(fake, CAROL.id).at(-1)).toContain('Turkish diplomat');
  });

  it('keeps answering on one replica when the other is killed with kill -9', async () => {
    a.bot.child.kill('SIGKILL');
    await a.bot.exited;
    expect(await post(b, privateText('How long did the third round last?', { ...CAROL, id: 1004 }))).toBe(200);
    expect(sentTo(fake, 1004).at(-1)).toContain('40 minutes');
  });
});

describe.runIf(HAS_POSTGRES && serverBinaries() !== undefined)('a replica whose database stops mid-run', () => {
  let fake: FakeTelegram;
  let db: PrivatePostgres;
  let replica: Replica;

  beforeAll(async () => {
    fake = await FakeTelegram.start(TOKEN);
    db = await startPrivatePostgres(await freePort());
    replica = await startReplica(fake, db.url);
  }, 60_000);

  afterAll(async () => {
    await stopEntries();
    await fake?.close();
    await db?.destroy();
  });

  const count = async (sql: string) => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      return Number((await client.query<{ n: string }>(sql)).rows[0]?.n);
    } finally {
      await client.end();
    }
  };

  it('goes on answering, refuses writes with "try again" and loses nothing, then picks up when the database is back', async () => {
    await post(replica, privateText('How long did the third round last?', CAROL));
    db.stop();

    expect(await post(replica, privateText('How long did the second round last?', CAROL))).toBe(200);
    expect(sentTo(fake, CAROL.id)).toHaveLength(2);
    expect(sentTo(fake, CAROL.id).at(-1)).toMatch(/hour|minutes/);
    const degraded = await health(replica);
    expect(degraded?.status).toBe('degraded');
    expect(degraded?.problems).toEqual([expect.objectContaining({ check: 'database', reason: expect.stringContaining('cannot be reached') })]);

    await post(replica, privateText('/fact retire round-two-duration', ALICE));
    expect(sentTo(fake, ALICE.id).at(-1)).toMatch(/Nothing was saved.*try again/s);

    db.start();
    await expect.poll(async () => (await health(replica))?.status, { timeout: 10_000, interval: 100 }).toBe('ok');
    await post(replica, privateText('Who hosted the talks?', CAROL));
    // The question asked while the database was down was kept and written before this one.
    expect(await count(`SELECT count(*) AS n FROM activity WHERE kind = 'question'`)).toBe(3);
    // The refused retirement left no trace, and the fact is still served.
    expect(await count('SELECT count(*) AS n FROM fact_edits')).toBe(0);
    await post(replica, privateText('How long did the second round last?', CAROL));
    expect(sentTo(fake, CAROL.id).at(-1)).toMatch(/hour|minutes/);
  });
});
