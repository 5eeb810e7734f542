import { describe, expect, it } from 'vitest';
import {
  draftButtonId,
  draftButtons,
  factFormId,
  factModal,
  FIELDS,
  formValues,
  MODAL,
  moreModal,
  moreValues,
  parseDraftButtonId,
  parseFactFormId,
} from '../../adapters/discord/fact-form.js';
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
    expect(parseFactFormId('fact:draft')).toEqual({ mode: 'draft' });
    expect(parseFactFormId('fact:more')).toEqual({ mode: 'more' });
    expect(parseFactFormId('fact:edit:Not An Id:xyz')).toBeUndefined();
  });

  it('stays within Discord’s 100 characters for the longest fact id', () => {
    expect(factFormId({ mode: 'edit', factId: 'a'.repeat(LIMITS.factIdChars), key: 'f'.repeat(12) }).length).toBeLessThanOrEqual(100);
  });

  it('names the preview’s buttons, and only those', () => {
    for (const button of ['save', 'change', 'more', 'cancel'] as const) expect(parseDraftButtonId(draftButtonId(button))).toBe(button);
    expect(parseDraftButtonId('fact:delete')).toBeUndefined();
    expect(parseDraftButtonId('ask:save')).toBeUndefined();
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
    const modal = factModal({ target: { mode: 'edit', factId: FACT.id, key: 'abc' }, fact: FACT });
    expect(modal.toJSON().custom_id).toBe('fact:edit:round-two-duration:abc');
    const inputs = inputsOf(modal);
    expect(inputs.map((i) => i.value)).toEqual([FACT.questions.join('\n'), FACT.answer, FACT.asOf, undefined, undefined]);
    expect(inputs[3]?.placeholder).toBe(MOD_MESSAGES.discordForm.now('Second round report | Example News | 2025-06-02 | https://example.com/second'));
    expect(inputs.every((i) => i.required === false)).toBe(true);
  });

  it('reopens a draft with every input as it was typed, mistakes included, for the draft', () => {
    const draft = { questions: 'One?\nTwo\nThree', answer: 'An answer.', asOf: '2 December', url: 'example.com/four', source: 'Report | | ' };
    const modal = factModal({ target: { mode: 'add' }, draft });
    expect(modal.toJSON().custom_id).toBe('fact:draft');
    expect(inputsOf(modal).map((i) => i.value)).toEqual([draft.questions, draft.answer, draft.asOf, draft.url, draft.source]);
    const edit = factModal({ target: { mode: 'edit', factId: FACT.id, key: 'abc' }, fact: FACT, draft: { answer: 'Changed.' } });
    expect(edit.toJSON().title).toBe(MOD_MESSAGES.discordForm.editTitle(FACT.id));
    expect(inputsOf(edit).map((i) => i.value)).toEqual([undefined, 'Changed.', undefined, undefined, undefined]);
  });

  it('leaves out a value too long for Discord instead of cutting it, and keeps every text within the limits', () => {
    const long = { ...FACT, id: 'x'.repeat(LIMITS.factIdChars), answer: 'word '.repeat(1000).trim() };
    const modal = factModal({ target: { mode: 'edit', factId: long.id, key: 'abc' }, fact: long });
    expect(inputsOf(modal)[1]).toMatchObject({ value: undefined, placeholder: MOD_MESSAGES.discordForm.tooLongToShow });
    for (const json of [modal.toJSON(), moreModal({ ...FACT, caveat: 'x'.repeat(5000) }).toJSON()]) {
      expect(json.title.length).toBeLessThanOrEqual(MODAL.title);
      for (const c of json.components) {
        if (!('label' in c)) throw new Error('expected labels');
        expect(c.label.length).toBeLessThanOrEqual(MODAL.label);
        expect((c.description ?? '').length).toBeLessThanOrEqual(MODAL.hint);
      }
    }
  });

  it('asks for round, tags and caveat in a second form, shown with the values the fact would have', () => {
    const modal = moreModal({ ...FACT, round: 2, tags: ['second-round', 'duration'], caveat: 'Paper B says two hours.' });
    expect(modal.toJSON().custom_id).toBe('fact:more');
    expect(inputsOf(modal).map((i) => [i.id, i.value, i.required])).toEqual([
      ['round', '2', false],
      ['tags', 'second-round, duration', false],
      ['caveat', 'Paper B says two hours.', false],
    ]);
    expect(inputsOf(moreModal(FACT)).map((i) => i.value)).toEqual([undefined, undefined, undefined]);
  });
});

describe('reading a submitted form', () => {
  it('reads each input as the field the core reads', () => {
    const typed: Record<string, string> = { questions: 'q', answer: 'a', asof: 'd', url: 'u', source: 's', round: '4', tags: 't', caveat: 'c' };
    expect(formValues((id) => typed[id] ?? '')).toEqual({ questions: 'q', answer: 'a', asOf: 'd', url: 'u', source: 's' });
    expect(moreValues((id) => typed[id] ?? '')).toEqual({ round: '4', tags: 't', caveat: 'c' });
  });

  it('reads every input the modal has', () => {
    expect(inputsOf(factModal()).map((i) => i.id)).toEqual(Object.values(FIELDS));
  });

  it('offers Save only when the draft can be saved', () => {
    const [save] = draftButtons(false).components;
    expect(save).toMatchObject({ custom_id: 'fact:save', disabled: true });
    expect(draftButtons(true).components[0]).not.toHaveProperty('disabled');
    expect(draftButtons(true).components.map((b) => b.custom_id)).toEqual(['fact:save', 'fact:change', 'fact:more', 'fact:cancel']);
  });
});
