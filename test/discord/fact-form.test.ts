import { describe, expect, it } from 'vitest';
import { draftFromForm, factFormId, factModal, FIELDS, MODAL, parseFactFormId, type FormValues } from '../../adapters/discord/fact-form.js';
import { LIMITS, MOD_MESSAGES, type Fact } from '../../src/index.js';

const FACT: Fact = {
  id: 'round-two-duration',
  questions: ['How long did the second round last?', 'Duration of the June talks', 'How many hours was the second meeting?'],
  answer: 'The second round lasted a little over an hour.',
  sources: [{ title: 'Second round report', publisher: 'Example News', published: '2025-06-02', url: 'https://example.com/second' }],
  asOf: '2025-06-02',
  tags: [],
  status: 'active',
};

function values(extra: Partial<FormValues> = {}): FormValues {
  return { questions: '', answer: '', asof: '', url: '', source: '', ...extra };
}

/** The modal's inputs as Discord receives them: custom id, label, required, value, placeholder. */
function inputsOf(modal: ReturnType<typeof factModal>) {
  return modal.toJSON().components.map((c) => {
    if (!('component' in c) || !('custom_id' in c.component)) throw new Error('expected labelled inputs');
    const input = c.component as { custom_id: string; required?: boolean; value?: string; placeholder?: string };
    return { id: input.custom_id, label: c.label, required: input.required, value: input.value, placeholder: input.placeholder };
  });
}

describe('the form custom id', () => {
  it('carries what the form is for, and reads back the same', () => {
    const edit = { mode: 'edit', factId: 'round-two-duration', key: '0123456789ab' } as const;
    expect(factFormId({ mode: 'add' })).toBe('fact:add');
    expect(parseFactFormId(factFormId(edit))).toEqual(edit);
    expect(parseFactFormId('fact:add')).toEqual({ mode: 'add' });
    expect(parseFactFormId('fact:edit:Not An Id:xyz')).toBeUndefined();
  });

  it('stays within Discord’s 100 characters for the longest fact id', () => {
    expect(factFormId({ mode: 'edit', factId: 'a'.repeat(LIMITS.factIdChars), key: 'f'.repeat(12) }).length).toBeLessThanOrEqual(100);
  });
});

describe('the add/edit modal', () => {
  it('asks for a new fact with five inputs, the fact’s own and the address required', () => {
    const inputs = inputsOf(factModal());
    expect(inputs.map((i) => [i.id, i.required])).toEqual([
      ['questions', true],
      ['answer', true],
      ['asof', true],
      ['url', true],
      ['source', false],
    ]);
    expect(inputs.every((i) => i.value === undefined)).toBe(true);
  });

  it('opens an edit prefilled with the current values, shows the current source, and requires nothing', () => {
    const modal = factModal({ fact: FACT, key: 'abc' });
    expect(modal.toJSON().custom_id).toBe('fact:edit:round-two-duration:abc');
    const inputs = inputsOf(modal);
    expect(inputs.map((i) => i.value)).toEqual([FACT.questions.join('\n'), FACT.answer, FACT.asOf, undefined, undefined]);
    expect(inputs[3]?.placeholder).toBe(MOD_MESSAGES.discordForm.now('Second round report | Example News | 2025-06-02 | https://example.com/second'));
    expect(inputs.every((i) => i.required === false)).toBe(true);
  });

  it('leaves out a value too long for Discord instead of cutting it, and keeps every text within the limits', () => {
    const long = { ...FACT, id: 'x'.repeat(LIMITS.factIdChars), answer: 'word '.repeat(1000).trim() };
    const modal = factModal({ fact: long, key: 'abc' });
    expect(inputsOf(modal)[1]).toMatchObject({ value: undefined, placeholder: MOD_MESSAGES.discordForm.tooLongToShow });
    const json = modal.toJSON();
    expect(json.title.length).toBeLessThanOrEqual(MODAL.title);
    for (const c of json.components) {
      if (!('label' in c)) throw new Error('expected labels');
      expect(c.label.length).toBeLessThanOrEqual(MODAL.label);
      expect((c.description ?? '').length).toBeLessThanOrEqual(MODAL.hint);
    }
  });
});

describe('reading a submitted form', () => {
  it('takes one question per line, dropping bullets and blank lines, and splits the source on |', () => {
    const parsed = draftFromForm(
      values({
        questions: '- Who chaired the fourth round?\n\n• Who led the fourth meeting\nChair of the fourth round talks ',
        answer: ' Türkiye’s foreign minister chaired it. ',
        asof: '2025-12-02',
        url: ' https://example.com/fourth ',
        source: 'Fourth round report | Example News | 2025-12-02',
      }),
    );
    expect(parsed).toEqual({
      ok: true,
      draft: {
        questions: ['Who chaired the fourth round?', 'Who led the fourth meeting', 'Chair of the fourth round talks'],
        answer: 'Türkiye’s foreign minister chaired it.',
        asOf: '2025-12-02',
        sourceUrl: 'https://example.com/fourth',
        sourceTitle: 'Fourth round report',
        sourcePublisher: 'Example News',
        sourceDate: '2025-12-02',
      },
    });
  });

  it('leaves empty inputs empty, so an edit keeps those values', () => {
    expect(draftFromForm(values({ answer: 'A new answer.' }))).toEqual({
      ok: true,
      draft: { questions: [], answer: 'A new answer.', asOf: '', sourceUrl: '', sourceTitle: '', sourcePublisher: '', sourceDate: '' },
    });
  });

  it('takes source details without an address, so a corrected title keeps the current address', () => {
    expect(draftFromForm(values({ source: 'A better title' }))).toEqual({
      ok: true,
      draft: { questions: [], answer: '', asOf: '', sourceUrl: '', sourceTitle: 'A better title', sourcePublisher: '', sourceDate: '' },
    });
  });

  it('refuses source details with more than three parts', () => {
    expect(draftFromForm(values({ url: 'https://example.com', source: 'a | b | c | d' }))).toEqual({ ok: false, text: MOD_MESSAGES.discordForm.tooManyParts });
  });

  it('reads every input the modal has', () => {
    expect(inputsOf(factModal()).map((i) => i.id)).toEqual(Object.values(FIELDS));
  });
});
