import { describe, expect, it } from 'vitest';
import { MODERATION } from '../../src/config/defaults.js';
import { Dialogues, FactDialogue, MemoryDialogueStore, type DialogueStore } from '../../src/moderation/dialogue.js';
import { PostgresDialogueStore } from '../../src/storage/postgres/dialogues.js';
import { HAS_POSTGRES, openTestDatabase } from './postgres.js';

const QUESTIONS = 'Who chaired round four?\nchair of the fourth round\nwho led the fourth meeting';

/** What every store of open dialogues promises, in memory or shared by replicas. */
function dialogueContract(name: string, make: () => Promise<DialogueStore>) {
  describe(`the open-dialogue contract: ${name}`, () => {
    it('continues a dialogue from where the last reply left it, through a second Dialogues on the same store', async () => {
      const store = await make();
      let now = 1_000_000;
      const onA = new Dialogues(store, () => now);
      const onB = new Dialogues(store, () => now);
      await onA.start('telegram:7', FactDialogue.add());
      now += 1_000;
      expect((await onB.reply('telegram:7', QUESTIONS))?.turn).toMatchObject({ kind: 'ask', step: 'answer' });
      const replied = await onA.reply('telegram:7', 'The foreign minister.');
      // The third step asks for the source's address: both earlier replies were kept.
      expect(replied?.turn).toMatchObject({ kind: 'ask', step: 'url' });
      expect(replied?.dialogue.draft).toMatchObject({ answer: 'The foreign minister.', questions: QUESTIONS.split('\n') });
    });

    it('forgets a dialogue left unanswered longer than the timeout', async () => {
      const store = await make();
      let now = 5_000_000;
      const dialogues = new Dialogues(store, () => now);
      await dialogues.start('telegram:8', FactDialogue.add());
      expect(await dialogues.has('telegram:8')).toBe(true);
      now += MODERATION.dialogueTimeoutMs + 1;
      expect(await dialogues.has('telegram:8')).toBe(false);
      expect(await dialogues.reply('telegram:8', QUESTIONS)).toBeUndefined();
    });

    it('closes the dialogue when it is cancelled', async () => {
      const store = await make();
      const dialogues = new Dialogues(store, () => 9_000_000);
      await dialogues.start('telegram:9', FactDialogue.add());
      expect((await dialogues.reply('telegram:9', 'cancel'))?.turn).toMatchObject({ kind: 'cancelled' });
      expect(await dialogues.has('telegram:9')).toBe(false);
    });

    it('keeps a form’s draft as it was left: removals, the typed inputs and the version it edits', async () => {
      const store = await make();
      const dialogues = new Dialogues(store, () => 9_000_000);
      const form = { answer: 'A new answer.', url: 'example.com/nope', round: '' };
      await dialogues.keep('discord:3', FactDialogue.filled({ answer: 'A new answer.', round: null, tags: [], sourceTitle: null }, form, { factId: 'round-two-duration', key: 'abc123' }));
      const open = await dialogues.open('discord:3');
      expect(open?.draft).toEqual({ answer: 'A new answer.', round: null, tags: [], sourceTitle: null });
      expect(open?.form).toEqual(form);
      expect(open?.editing).toEqual({ factId: 'round-two-duration', key: 'abc123' });
      expect(open?.reply('save')).toEqual({ kind: 'save' });
    });

    it('keeps apart the dialogues of two moderators', async () => {
      const store = await make();
      const dialogues = new Dialogues(store, () => 9_000_000);
      await dialogues.start('telegram:1', FactDialogue.add());
      expect(await dialogues.has('telegram:2')).toBe(false);
    });
  });
}

dialogueContract('in memory', async () => new MemoryDialogueStore());

describe.runIf(HAS_POSTGRES)('in PostgreSQL', async () => {
  const db = HAS_POSTGRES ? await openTestDatabase('dialogues') : undefined;
  dialogueContract('in PostgreSQL', async () => {
    await db!.pool.query('TRUNCATE dialogues');
    return new PostgresDialogueStore(db!);
  });

  it('treats a stored state it cannot read as no dialogue, so the message is read as a question', async () => {
    await db!.pool.query(`INSERT INTO dialogues (key, state, at) VALUES ('telegram:5', '{"step": "nonsense"}', now())`);
    expect(await new Dialogues(new PostgresDialogueStore(db!)).has('telegram:5')).toBe(false);
  });
});
