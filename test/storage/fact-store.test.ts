import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BotCore } from '../../src/core.js';
import { KnowledgeStore, factKey, type FactStore } from '../../src/knowledge/store.js';
import { KnowledgeWatcher } from '../../src/knowledge/watch.js';
import { createLogger } from '../../src/logger.js';
import { Database } from '../../src/storage/postgres/database.js';
import { FACT_EDITS_CHANNEL, PostgresFactStore } from '../../src/storage/postgres/knowledge.js';
import { copyOfFixtureKnowledge, loadBase } from '../helpers.js';
import { dropSchema, freshSchema, HAS_POSTGRES, TEST_DATABASE_URL } from './postgres.js';

const alice = { platform: 'telegram', id: '1', name: 'alice' };
const bob = { platform: 'discord', id: '2', name: 'bob' };
const silent = createLogger({ level: 'silent', secrets: [] });

interface Made {
  store: FactStore;
  /** The fact as the store now serves it. */
  current(id: string): Promise<{ answer: string; status: string } | undefined>;
}

/** What every store of moderators' changes promises, on files or in a database replicas share. */
function factStoreContract(name: string, make: () => Promise<Made>) {
  describe(`the fact store contract: ${name}`, () => {
    it('records a change with its moderator, and serves it', async () => {
      const { store, current } = await make();
      const base = await current('round-two-duration');
      const fact = (await loadBase(await copyOfFixtureKnowledge())).facts.find((f) => f.id === 'round-two-duration')!;
      const result = await store.put({ ...fact, answer: 'Just over an hour.' }, alice, 'edit', factKey(fact));
      expect(result.ok).toBe(true);
      expect(base?.answer).not.toBe('Just over an hour.');
      expect((await current('round-two-duration'))?.answer).toBe('Just over an hour.');
      expect(await store.history('round-two-duration')).toEqual([expect.objectContaining({ action: 'edit', actor: alice, before: fact })]);
    });

    it('gives one of two edits of one fact started from the same version a success and the other a conflict naming who changed it', async () => {
      const { store } = await make();
      const fact = (await loadBase(await copyOfFixtureKnowledge())).facts.find((f) => f.id === 'round-three-duration')!;
      const key = factKey(fact);
      const results = await Promise.all([
        store.put({ ...fact, answer: 'Edit by alice.' }, alice, 'edit', key),
        store.put({ ...fact, answer: 'Edit by bob.' }, bob, 'edit', key),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const refused = results.find((r) => !r.ok);
      expect(refused).toMatchObject({ ok: false, reason: 'conflict', message: expect.stringMatching(/was changed by (alice|bob) at/) });
      expect(await store.history('round-three-duration')).toHaveLength(1);
    });

    it('refuses a change that does not validate as part of the whole base, recording nothing', async () => {
      const { store } = await make();
      const fact = (await loadBase(await copyOfFixtureKnowledge())).facts.find((f) => f.id === 'erdogan-host')!;
      const result = await store.put({ ...fact, asOf: 'yesterday' }, alice, 'edit', factKey(fact));
      expect(result).toMatchObject({ ok: false, reason: 'invalid', problems: [expect.objectContaining({ field: 'asOf' })] });
      expect(await store.changes()).toEqual([]);
    });

    it('undoes a fact’s changes one at a time, newest first, and an added fact by retiring it', async () => {
      const { store, current } = await make();
      const fact = (await loadBase(await copyOfFixtureKnowledge())).facts.find((f) => f.id === 'round-two-duration')!;
      const first = await store.put({ ...fact, answer: 'First edit.' }, alice, 'edit', factKey(fact));
      if (!first.ok) throw new Error('first edit failed');
      await store.put({ ...first.fact, answer: 'Second edit.' }, bob, 'edit', factKey(first.fact));
      await store.undo('round-two-duration', alice);
      expect((await current('round-two-duration'))?.answer).toBe('First edit.');
      await store.undo('round-two-duration', alice);
      expect((await current('round-two-duration'))?.answer).toBe(fact.answer);
      expect(await store.undo('round-two-duration', alice)).toMatchObject({ ok: false, reason: 'not-found' });

      const added = { ...fact, id: 'a-new-fact', answer: 'Something new.' };
      expect((await store.put(added, alice, 'add', null)).ok).toBe(true);
      await store.undo('a-new-fact', bob);
      expect((await current('a-new-fact'))?.status).toBe('retired');
    });
  });
}

factStoreContract('files', async () => {
  const dir = await copyOfFixtureKnowledge();
  const store = new KnowledgeStore(dir);
  return { store, current: async (id) => (await loadBase(dir)).facts.find((f) => f.id === id) };
});

describe.runIf(HAS_POSTGRES)('in PostgreSQL', async () => {
  const opened: Database[] = [];
  const schemas: string[] = [];
  afterAll(async () => {
    for (const db of opened) await db.close();
    for (const schema of schemas) await dropSchema(schema);
  });
  /** A database in a schema of its own, as one deployment's replicas share it. */
  const deployment = async () => {
    const schema = freshSchema('facts');
    schemas.push(schema);
    return { replica: async () => {
      const db = await Database.open(TEST_DATABASE_URL, { schema });
      opened.push(db);
      return db;
    } };
  };

  factStoreContract('PostgreSQL', async () => {
    const db = await (await deployment()).replica();
    const store = new PostgresFactStore(db, await copyOfFixtureKnowledge());
    return {
      store,
      current: async (id) => {
        const loaded = await store.load();
        if (!loaded.ok) throw new Error('base does not load');
        return loaded.base.facts.find((f) => f.id === id);
      },
    };
  });

  it('serves an edit made on one replica on another within 2 s, each with its own copy of the files', async () => {
    const { replica } = await deployment();
    const [dbA, dbB] = [await replica(), await replica()];
    const storeA = new PostgresFactStore(dbA, await copyOfFixtureKnowledge());
    const storeB = new PostgresFactStore(dbB, await copyOfFixtureKnowledge());
    const loadedB = await storeB.load();
    if (!loadedB.ok) throw new Error('base does not load');
    const coreB = new BotCore(loadedB.base);
    const watcherB = new KnowledgeWatcher(storeB.dir, coreB, silent, 50, () => storeB.load(), async (reload) => dbB.listen(FACT_EDITS_CHANNEL, reload, reload));
    watcherB.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 100)); // B is listening
      const fact = coreB.base.facts.find((f) => f.id === 'round-three-duration')!;
      const saved = Date.now();
      expect((await storeA.put({ ...fact, answer: 'The third round lasted about forty minutes, by one count.' }, alice, 'edit', factKey(fact))).ok).toBe(true);
      await expect.poll(() => { const r = coreB.answer('How long did the third round last?'); return r.kind === 'answer' ? r.text : r.kind; }, { timeout: 2_000, interval: 20 }).toBe('The third round lasted about forty minutes, by one count.');
      expect(Date.now() - saved).toBeLessThan(2_000);
    } finally {
      watcherB.close();
    }
  });

  it('keeps edits made since when a replica starts from an older copy of the files, and lets newer reviewed files win', async () => {
    const { replica } = await deployment();
    const db = await replica();
    const dir = await copyOfFixtureKnowledge();
    const store = new PostgresFactStore(db, dir);
    const base = await loadBase(dir);
    const two = base.facts.find((f) => f.id === 'round-two-duration')!;
    const three = base.facts.find((f) => f.id === 'round-three-duration')!;
    await store.put({ ...two, answer: 'Edited in chat.' }, alice, 'edit', factKey(two));
    await store.put({ ...three, answer: 'Also edited in chat.' }, alice, 'edit', factKey(three));
    // A pull request changed round three's fact in the files after that edit was made.
    const file = path.join(dir, 'facts/rounds.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(three.answer, 'Reviewed in a pull request.'));
    const restarted = await new PostgresFactStore(await replica(), dir).load();
    if (!restarted.ok) throw new Error('base does not load');
    const answerOf = (id: string) => restarted.base.facts.find((f) => f.id === id)?.answer;
    expect(answerOf('round-two-duration')).toBe('Edited in chat.');
    expect(answerOf('round-three-duration')).toBe('Reviewed in a pull request.');
  });
});
