import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { answered } from '../../src/answer.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { ActivityLog } from '../../src/activity.js';
import { BotCore } from '../../src/core.js';
import { KnowledgeStore } from '../../src/knowledge/store.js';
import { DIALOGUE_MESSAGES, MOD_MESSAGES } from '../../src/messages.js';
import { parseModCommand, TextModeration } from '../../src/moderation/commands.js';
import { Dialogues } from '../../src/moderation/dialogue.js';
import { ModerationService } from '../../src/moderation/service.js';
import { copyOfFixtureKnowledge, loadBase } from '../helpers.js';

describe('reading moderator commands', () => {
  it('understands every command, with or without a slash and a bot name', () => {
    expect(parseModCommand('/fact@talks_bot show round-two-duration')).toEqual({ name: 'show', id: 'round-two-duration' });
    expect(parseModCommand('fact add')).toEqual({ name: 'add' });
    expect(parseModCommand('fact source x https://e.com/a A long title')).toEqual({ name: 'source', id: 'x', url: 'https://e.com/a', title: 'A long title' });
    expect(parseModCommand('kb unanswered 30')).toEqual({ name: 'unanswered', days: 30 });
    expect(parseModCommand('kb unanswered')).toEqual({ name: 'unanswered', days: 7 });
    expect(parseModCommand('kb undo x')).toEqual({ name: 'undo', id: 'x' });
  });

  it('answers a half-typed or unknown command with the usage, and ignores ordinary questions', () => {
    expect(parseModCommand('fact show')).toEqual({ name: 'usage' });
    expect(parseModCommand('kb unanswered lots')).toEqual({ name: 'usage' });
    expect(parseModCommand('kb frobnicate')).toEqual({ name: 'usage' });
    expect(parseModCommand('How long did the talks last?')).toBeUndefined();
    expect(parseModCommand('facts about the talks')).toBeUndefined();
  });
});

describe('the guided add and edit dialogue', () => {
  const moderator = { platform: 'telegram', id: '7', name: 'mod' };
  let core: BotCore;
  let text: TextModeration;
  let now = 0;

  beforeEach(async () => {
    const dir = await copyOfFixtureKnowledge();
    core = new BotCore(await loadBase(dir));
    const activity = new ActivityLog(await mkdtemp(path.join(tmpdir(), 'data-')));
    text = new TextModeration(new ModerationService(core, new KnowledgeStore(dir), activity), new Dialogues(undefined, () => now));
  });

  const say = async (...lines: string[]) => {
    let last = '';
    for (const line of lines) last = (await text.handle(moderator, line)).text;
    return last;
  };

  it('adds a fact one question at a time, insisting on three phrasings', async () => {
    expect(await say('/fact add')).toContain(DIALOGUE_MESSAGES.addLead);
    expect(await say('Only one question?')).toContain(DIALOGUE_MESSAGES.needThreeQuestions(1));
    const reply = await say(
      'Who mediated round four?\nmediator of the fourth round\nwho chaired the fourth meeting',
      'Türkiye’s foreign minister chaired it.',
      'https://example.com/four',
      'Round four',
      '-',
      '2025-12-02',
      '2025-12-02',
    );
    expect(reply).toBe(MOD_MESSAGES.added('who-mediated-round-four'));
    expect(answered(core.answer({ factId: 'who-mediated-round-four' }))?.citations[0]?.label).toBe('Round four — publisher not stated, 2 December 2025');
  });

  it('edits a fact keeping every value answered with "-"', async () => {
    expect(await say('/fact edit round-two-duration')).toContain('Now: How long did the second round last?');
    const reply = await say('-', 'It lasted about an hour.', '-', '-', '-', '-', '-');
    expect(reply).toBe(MOD_MESSAGES.edited('round-two-duration'));
    const fact = answered(core.answer({ factId: 'round-two-duration' }));
    expect(fact?.text).toBe('It lasted about an hour.');
    expect(fact?.citations[0]?.url).toBe('https://example.com/second');
  });

  it('edits only the first source’s address, keeping its title, publisher and date answered with "-"', async () => {
    await say('/fact edit round-two-duration');
    expect(await say('-', '-', 'https://example.com/second-v2', '-', '-', '-', '-')).toBe(MOD_MESSAGES.edited('round-two-duration'));
    expect(core.base.facts.find((f) => f.id === 'round-two-duration')?.sources).toEqual([
      { title: 'Second round report', publisher: 'Example News', published: '2025-06-02', url: 'https://example.com/second-v2' },
    ]);
  });

  it('edits only the first source’s title, publisher or date, keeping its address', async () => {
    await say('/fact edit round-two-duration');
    expect(await say('-', '-', '-', 'Second round, full report', '-', '2025-06-03', '-')).toBe(MOD_MESSAGES.edited('round-two-duration'));
    expect(core.base.facts.find((f) => f.id === 'round-two-duration')?.sources).toEqual([
      { title: 'Second round, full report', publisher: 'Example News', published: '2025-06-03', url: 'https://example.com/second' },
    ]);
  });

  it('stops on "cancel" without saving, and then reads the next message as an ordinary one', async () => {
    await say('/fact add');
    expect(await say('cancel')).toBe(DIALOGUE_MESSAGES.cancelled);
    expect(await text.wants(moderator, 'How long did the third round last?')).toBe(false);
  });

  it('forgets a dialogue left unanswered too long', async () => {
    await say('/fact add');
    expect(await text.wants(moderator, 'anything')).toBe(true);
    now += 11 * 60_000;
    expect(await text.wants(moderator, 'anything')).toBe(false);
  });

  it('tells the moderator which field is wrong when the finished fact does not validate', async () => {
    await say('/fact add');
    const reply = await say('q one?\nq two?\nq three?', 'An answer.', 'not a url', '-', '-', '-', 'yesterday');
    expect(reply).toContain(MOD_MESSAGES.invalid);
    expect(reply).toContain('sources[0].url');
    expect(reply).toContain('asOf');
  });
});
