import { beforeAll, describe, expect, it } from 'vitest';
import { BotCore } from '../../src/core.js';
import type { FactBase } from '../../src/knowledge/parse.js';
import type { Fact } from '../../src/knowledge/schema.js';
import { createMatcher, type Matcher } from '../../src/matching/matcher.js';
import { BUNDLED_KNOWLEDGE, FIXTURE_KNOWLEDGE, loadBase } from '../helpers.js';

let bundled: FactBase;
/** The bundled facts without their translations: every English phrasing can then be read in seconds (translations are tested on their own below). */
let english: FactBase;
let fixture: FactBase;
beforeAll(async () => {
  bundled = await loadBase(BUNDLED_KNOWLEDGE);
  english = { ...bundled, translations: new Map() };
  fixture = await loadBase(FIXTURE_KNOWLEDGE);
});

const withFacts = (base: FactBase, facts: Fact[]): FactBase => ({ ...base, facts });
const fact = (base: FactBase, id: string): Fact => {
  const found = base.facts.find((f) => f.id === id);
  if (!found) throw new Error(`no fact ${id} in the base`);
  return found;
};

/**
 * Everything the matcher says about each question: ranked candidates with confidences, and
 * completions. Confidences are rounded: a term's id, and so the order a sum is taken in, depends on
 * the order the index met it, which moves the last bits.
 */
function readings(matcher: Matcher, questions: readonly string[]) {
  return questions.map((q) => ({
    q,
    candidates: matcher.match(q).candidates.map((c) => [c.fact.id, c.confidence.toFixed(12), c.question]),
    completions: matcher.complete(q.slice(0, 14)),
  }));
}

describe('updating the matcher in place', () => {
  it('reads every question after an edit, a retirement, a removal and an addition exactly as a matcher built afresh', () => {
    const [edited, retired, removed, template] = english.facts.filter((f) => f.status === 'active');
    const newest = Math.max(...english.facts.map((f) => f.round ?? 0));
    const changed = english.facts
      .filter((f) => f !== removed)
      .map((f) => {
        if (f === edited) return { ...f, questions: ['Who guards the Zaporizhzhia nuclear plant?', ...f.questions.slice(1)], answer: `${f.answer} It was revised.` };
        if (f === retired) return { ...f, status: 'retired' as const };
        return f;
      });
    // A fact of a round newer than any, so "the latest round" moves too.
    const added = { ...template!, id: 'added-newest-round-fact', round: newest + 1, questions: ['How long did the newest round last?', 'Length of the newest session', 'newest round duration'] };
    const next = withFacts(english, [...changed, added]);

    const questions = [
      ...new Set([...english.facts, ...next.facts].flatMap((f) => f.questions)),
      'how long was the latest round',
      'who guards the zaporizhia plant',
      'best pizza in istanbul',
    ];
    const updated = createMatcher(english);
    // Another one asked every question first, so the update meets autocomplete's starts already made and sorted.
    const asked = createMatcher(english);
    readings(asked, questions);
    for (const matcher of [updated, asked]) matcher.update(next);
    const afresh = readings(createMatcher(next), questions);
    expect(readings(updated, questions)).toEqual(afresh);
    expect(readings(asked, questions)).toEqual(afresh);
    // Every phrasing of the base, read twice with its completions: seconds of work, not a hang.
  }, 60_000);

  it('reads questions after a translation is edited or removed, and others come back as equal copies, exactly as a matcher built afresh', () => {
    const [edited, removed] = [...bundled.translations.get('uk')!.values()];
    const uk = new Map(bundled.translations.get('uk'));
    const question = 'Хто охороняє Запорізьку атомну станцію?';
    uk.set(edited!.id, { ...edited!, questions: [question, ...edited!.questions.slice(1)] });
    uk.delete(removed!.id);
    // A base read again gives every translation as a new object, equal to the one indexed.
    const ru = new Map([...bundled.translations.get('ru')!].map(([id, t]) => [id, { ...t }]));
    const next: FactBase = { ...bundled, translations: new Map([['uk', uk], ['ru', ru]]) };
    const ruPhrasings = [edited!.id, removed!.id].flatMap((id) => ru.get(id)?.questions ?? []);
    const questions = [...edited!.questions, ...removed!.questions, question, ...ruPhrasings, 'Хто охороняє станцію?'];
    const matcher = createMatcher(bundled);
    matcher.update(next);
    expect(readings(matcher, questions)).toEqual(readings(createMatcher(next), questions));
    expect(matcher.match(question).candidates[0]?.fact.id).toBe(edited!.id);
  });

  it('finds an edited fact by its new words and no longer by the words it dropped', () => {
    const matcher = createMatcher(fixture);
    const old = fact(fixture, 'erdogan-host');
    matcher.update(withFacts(fixture, fixture.facts.map((f) => (f === old ? { ...f, questions: ['Who offered a venue on the Bosphorus?', 'Bosphorus venue offer', 'A venue by the Bosphorus'] } : f))));
    expect(matcher.match('venue on the Bosphorus').candidates[0]?.fact.id).toBe('erdogan-host');
    expect(matcher.match("Erdogan's offer to host").candidates[0]?.question).not.toBe("Erdogan's offer to host");
  });

  it('corrects typos towards the words of an added fact, and stops once the fact is gone', () => {
    const matcher = createMatcher(fixture);
    const added = { ...fact(fixture, 'erdogan-host'), id: 'kerch-bridge', questions: ['Was the Kerch bridge discussed?', 'Kerch bridge talks', 'bridge over the Kerch strait'], tags: [] };
    matcher.update(withFacts(fixture, [...fixture.facts, added]));
    expect(matcher.match('kecrh brigde').candidates[0]?.fact.id).toBe('kerch-bridge');
    matcher.update(fixture);
    expect(matcher.match('kecrh brigde').candidates).toEqual([]);
  });

  it('rebuilds when the synonyms change, so a new synonym is understood at once', () => {
    const matcher = createMatcher(fixture);
    expect(matcher.match('the sultan offer to host').candidates[0]?.confidence ?? 0).toBeLessThan(0.9);
    const synonyms = fixture.vocabulary.synonyms.map((g) => (g[0] === 'erdogan' ? [...g, 'sultan'] : g));
    matcher.update({ ...fixture, vocabulary: { ...fixture.vocabulary, synonyms } });
    const top = matcher.match('the sultan offer to host').candidates[0];
    expect(top?.fact.id).toBe('erdogan-host');
    expect(top?.confidence).toBeGreaterThan(0.9);
  });
});

describe('replacing the fact base of the core', () => {
  it('answers with the new version of a fact whose sources alone changed', () => {
    const core = new BotCore(fixture);
    const old = fact(fixture, 'erdogan-host');
    const source = { title: 'A newer report', publisher: 'Example Daily', published: '2025-06-27', url: 'https://example.com/newer' };
    core.replace(withFacts(fixture, fixture.facts.map((f) => (f === old ? { ...f, sources: [source] } : f))));
    const result = core.answer('What did Erdogan say about hosting the talks?');
    expect(result.kind === 'answer' && result.citations.map((c) => c.url)).toEqual(['https://example.com/newer']);
  });

  it('stops answering with a fact retired by the new base', () => {
    const core = new BotCore(fixture);
    core.replace(withFacts(fixture, fixture.facts.map((f) => (f.id === 'round-two-duration' ? { ...f, status: 'retired' as const } : f))));
    const result = core.answer('How long did the second round last?');
    expect(result.kind === 'answer' ? result.factId : undefined).not.toBe('round-two-duration');
  });
});
