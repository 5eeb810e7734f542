// The add/edit form behind /fact add and /fact edit: the modal, its custom id (which carries what
// the form is for, since the bot keeps no state per form) and reading the submitted fields into a
// draft. Pure; validation of the draft is left to the core's schemas, like every other change.
import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import { MOD_MESSAGES, type Fact, type FactDraft } from '../../src/index.js';
import { cutText } from './format.js';

/**
 * add, or edit of `factId` as it was when the form opened (`key`, its version), so an edit saved
 * after someone else changed the fact is refused instead of overwriting their change.
 */
export type FactForm = { mode: 'add' } | { mode: 'edit'; factId: string; key: string };

/** Discord's limits for a modal (the fake Discord checks the same ones). */
export const MODAL = Object.freeze({ title: 45, label: 45, hint: 100, value: 4000 });

/** The custom ids of the inputs, and what the submitted form holds. */
export const FIELDS = Object.freeze({ questions: 'questions', answer: 'answer', asOf: 'asof', url: 'url', details: 'source' });
export type FormValues = Record<(typeof FIELDS)[keyof typeof FIELDS], string>;

const F = MOD_MESSAGES.discordForm;
/** The form belongs to /fact, so the router finds its handler by the custom id's first word. */
const PREFIX = 'fact';

export function factFormId(form: FactForm): string {
  return form.mode === 'add' ? `${PREFIX}:add` : `${PREFIX}:edit:${form.factId}:${form.key}`;
}

export function parseFactFormId(customId: string): FactForm | undefined {
  if (customId === `${PREFIX}:add`) return { mode: 'add' };
  const edit = new RegExp(`^${PREFIX}:edit:([a-z0-9-]+):([0-9a-f]+)$`).exec(customId);
  return edit?.[1] && edit[2] ? { mode: 'edit', factId: edit[1], key: edit[2] } : undefined;
}

/**
 * The modal for a new fact, or for editing `fact` at version `key`: questions, answer and "as of"
 * (prefilled when editing), then the source. When editing, the source inputs start empty and the
 * current source shows as a placeholder: whatever is left empty keeps its current value.
 */
export function factModal(edit?: { fact: Fact; key: string }): ModalBuilder {
  const editing = edit?.fact;
  const form: FactForm = edit ? { mode: 'edit', factId: edit.fact.id, key: edit.key } : { mode: 'add' };
  const title = editing ? F.editTitle(editing.id) : F.addTitle;
  const source = editing?.sources[0];
  const current = source && [source.title, source.publisher, source.published, source.url].filter(Boolean).join(' | ');
  // Adding, the fact's own fields and the address are needed; editing, an empty input keeps the current value.
  const needed = !editing;
  return new ModalBuilder()
    .setCustomId(factFormId(form))
    .setTitle(cutText(title, MODAL.title))
    .addLabelComponents(
      input({ id: FIELDS.questions, label: F.questions, hint: F.questionsHint, paragraph: true, needed, value: editing?.questions.join('\n') }),
      input({ id: FIELDS.answer, label: F.answer, hint: F.answerHint, paragraph: true, needed, value: editing?.answer }),
      input({ id: FIELDS.asOf, label: F.asOf, hint: F.asOfHint, needed, value: editing?.asOf }),
      editing
        ? input({ id: FIELDS.url, label: F.newUrl, hint: F.newUrlHint, placeholder: current ? F.now(current) : undefined })
        : input({ id: FIELDS.url, label: F.url, needed }),
      input({ id: FIELDS.details, label: F.details, hint: F.detailsHint }),
    );
}

interface Input {
  id: string;
  label: string;
  hint?: string;
  paragraph?: boolean;
  needed?: boolean;
  value?: string;
  placeholder?: string;
}

function input({ id, label, hint, paragraph = false, needed = false, value, placeholder }: Input): LabelBuilder {
  const text = new TextInputBuilder()
    .setCustomId(id)
    .setStyle(paragraph ? TextInputStyle.Paragraph : TextInputStyle.Short)
    .setRequired(needed)
    .setMaxLength(MODAL.value);
  // A value Discord cannot show in full is left out (an empty input keeps it), never cut and then saved cut.
  const fits = value === undefined || value.length <= MODAL.value;
  if (value !== undefined && fits) text.setValue(value);
  const shown = fits ? placeholder : F.tooLongToShow;
  if (shown) text.setPlaceholder(cutText(shown, MODAL.hint));
  const builder = new LabelBuilder().setLabel(cutText(label, MODAL.label)).setTextInputComponent(text);
  return hint ? builder.setDescription(cutText(hint, MODAL.hint)) : builder;
}

export type FormDraft = { ok: true; draft: FactDraft } | { ok: false; text: string };

/**
 * The submitted form as a draft: one question per line ("- " bullets allowed), and the source
 * details as "title | publisher | date". Empty inputs stay empty: the service keeps the current
 * value for them when editing, and the schema names the missing field when adding.
 */
export function draftFromForm(values: FormValues): FormDraft {
  const details = values[FIELDS.details].split('|').map((part) => part.trim());
  if (details.length > 3) return { ok: false, text: F.tooManyParts };
  const [sourceTitle = '', sourcePublisher = '', sourceDate = ''] = details;
  const sourceUrl = values[FIELDS.url].trim();
  const questions = values[FIELDS.questions].split('\n').map((q) => q.replace(/^[-•*]\s*/, '').trim()).filter(Boolean);
  return {
    ok: true,
    draft: { questions, answer: values[FIELDS.answer].trim(), asOf: values[FIELDS.asOf].trim(), sourceUrl, sourceTitle, sourcePublisher, sourceDate },
  };
}
