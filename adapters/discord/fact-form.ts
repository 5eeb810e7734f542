// The add/edit forms behind /fact add and /fact edit: the modals, their custom ids (which carry what
// a form is for, since a modal holds no state of its own) and reading the submitted inputs as the
// fields the core reads. Pure; the core checks each field, keeps the draft and previews it.
//
// A modal takes at most five inputs, so there are two: the main form (questions, answer, "as of",
// the source's address and its details) and, from the preview's "Round, tags, caveat" button, a
// second one for those three. A modal cannot be shown again in answer to its own submission, so a
// draft with a mistake is previewed with the problem, and "Change the form" reopens it with what
// was typed, from the draft the core kept.
import { ButtonStyle, ComponentType, LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type APIButtonComponentWithCustomId } from 'discord.js';
import { moderatorText, shownValue, type Fact, type FactInput, type Field, type FormTarget, type FormValues, type Language } from '../../src/index.js';
import { cutText, type ButtonRow } from './format.js';

/** Discord's limits for a modal (the fake Discord checks the same ones). */
export const MODAL = Object.freeze({ title: 45, label: 45, hint: 100, value: 4000 });

/** The custom ids of the main form's inputs, and the field each one holds. */
export const FIELDS = Object.freeze({ questions: 'questions', answer: 'answer', asOf: 'asof', url: 'url', details: 'source' });
const MAIN_INPUTS: readonly (readonly [string, Field])[] = [
  [FIELDS.questions, 'questions'],
  [FIELDS.answer, 'answer'],
  [FIELDS.asOf, 'asOf'],
  [FIELDS.url, 'url'],
  [FIELDS.details, 'source'],
];
/** The second form's inputs: the fields a fact may go without. */
export const MORE_FIELDS = Object.freeze({ round: 'round', tags: 'tags', caveat: 'caveat' });
const MORE_INPUTS: readonly (readonly [string, Field])[] = [
  [MORE_FIELDS.round, 'round'],
  [MORE_FIELDS.tags, 'tags'],
  [MORE_FIELDS.caveat, 'caveat'],
];

/** The forms and buttons belong to /fact, so the router finds their handler by the custom id's first word. */
const PREFIX = 'fact';

/** What a submitted modal is: a new fact's form, an edit's, the open draft's main form again, or its second form. */
export type FactModal = FormTarget | { mode: 'draft' } | { mode: 'more' };

/** What a button under a preview does. */
export type DraftButton = 'save' | 'change' | 'more' | 'cancel';

export function factFormId(form: FactModal): string {
  return form.mode === 'edit' ? `${PREFIX}:edit:${form.factId}:${form.key}` : `${PREFIX}:${form.mode}`;
}

export function parseFactFormId(customId: string): FactModal | undefined {
  if (customId === `${PREFIX}:add`) return { mode: 'add' };
  if (customId === `${PREFIX}:draft`) return { mode: 'draft' };
  if (customId === `${PREFIX}:more`) return { mode: 'more' };
  const edit = new RegExp(`^${PREFIX}:edit:([a-z0-9-]+):([0-9a-f]+)$`).exec(customId);
  return edit?.[1] && edit[2] ? { mode: 'edit', factId: edit[1], key: edit[2] } : undefined;
}

export function draftButtonId(button: DraftButton): string {
  return `${PREFIX}:${button}`;
}

export function parseDraftButtonId(customId: string): DraftButton | undefined {
  const button = /^fact:(save|change|more|cancel)$/.exec(customId)?.[1];
  return button as DraftButton | undefined;
}

/** The form's words in the moderator's client language. */
function formText(lang: Language) {
  return moderatorText(lang).mod.discordForm;
}

/**
 * The main form. Adding, empty; editing, prefilled with the fact's questions, answer and "as of",
 * and the source inputs empty with the current source as a placeholder (left empty, they keep it);
 * reopening a draft (`draft`), with what was typed. A new fact's own fields and address are required.
 * Labelled in `lang`, the moderator's client language.
 */
export function factModal(options: { target: FormTarget; fact?: Fact; draft?: FormValues; lang?: Language } = { target: { mode: 'add' } }): ModalBuilder {
  const { target, fact, draft, lang = 'en' } = options;
  const F = formText(lang);
  const editing = target.mode === 'edit' ? fact : undefined;
  const title = target.mode === 'edit' ? F.editTitle(target.factId) : F.addTitle;
  const source = editing?.sources[0];
  const current = source && [source.title, source.publisher, source.published, source.url].filter(Boolean).join(' | ');
  const needed = target.mode === 'add';
  const value = (field: Field): string | undefined => {
    if (draft) return draft[field];
    if (!editing) return undefined;
    return field === 'questions' ? editing.questions.join('\n') : field === 'url' || field === 'source' ? undefined : shownValue(editing, field);
  };
  return new ModalBuilder()
    .setCustomId(factFormId(draft ? { mode: 'draft' } : target))
    .setTitle(cutText(title, MODAL.title))
    .addLabelComponents(
      input({ id: FIELDS.questions, label: F.questions, hint: F.questionsHint, paragraph: true, needed, value: value('questions') }, lang),
      input({ id: FIELDS.answer, label: F.answer, hint: F.answerHint, paragraph: true, needed, value: value('answer') }, lang),
      input({ id: FIELDS.asOf, label: F.asOf, hint: F.asOfHint, needed, value: value('asOf') }, lang),
      editing
        ? input({ id: FIELDS.url, label: F.newUrl, hint: F.newUrlHint, placeholder: current ? F.now(current) : undefined, value: value('url') }, lang)
        : input({ id: FIELDS.url, label: F.url, needed, value: value('url') }, lang),
      input({ id: FIELDS.details, label: F.details, hint: F.detailsHint, value: value('source') }, lang),
    );
}

/** The second form: round, tags and caveat, shown with the values the fact would be saved with; emptied, one is removed. */
export function moreModal(fact: FactInput, lang: Language = 'en'): ModalBuilder {
  const F = formText(lang);
  return new ModalBuilder()
    .setCustomId(factFormId({ mode: 'more' }))
    .setTitle(cutText(F.moreTitle, MODAL.title))
    .addLabelComponents(
      input({ id: MORE_FIELDS.round, label: F.round, hint: F.roundHint, value: fact.round === undefined ? undefined : String(fact.round) }, lang),
      input({ id: MORE_FIELDS.tags, label: F.tags, hint: F.tagsHint, value: fact.tags && fact.tags.length > 0 ? fact.tags.join(', ') : undefined }, lang),
      input({ id: MORE_FIELDS.caveat, label: F.caveat, hint: F.caveatHint, paragraph: true, value: fact.caveat }, lang),
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

function input({ id, label, hint, paragraph = false, needed = false, value, placeholder }: Input, lang: Language): LabelBuilder {
  const text = new TextInputBuilder()
    .setCustomId(id)
    .setStyle(paragraph ? TextInputStyle.Paragraph : TextInputStyle.Short)
    .setRequired(needed)
    .setMaxLength(MODAL.value);
  // A value Discord cannot show in full is left out (an empty input keeps it), never cut and then saved cut.
  const fits = value === undefined || value.length <= MODAL.value;
  if (value && fits) text.setValue(value);
  const shown = fits ? placeholder : formText(lang).tooLongToShow;
  if (shown) text.setPlaceholder(cutText(shown, MODAL.hint));
  const builder = new LabelBuilder().setLabel(cutText(label, MODAL.label)).setTextInputComponent(text);
  return hint ? builder.setDescription(cutText(hint, MODAL.hint)) : builder;
}

/** A submitted main form's inputs, by the field each holds, as typed. */
export function formValues(read: (inputId: string) => string): FormValues {
  return Object.fromEntries(MAIN_INPUTS.map(([id, field]) => [field, read(id)]));
}

/** A submitted second form's inputs, by field. */
export function moreValues(read: (inputId: string) => string): FormValues {
  return Object.fromEntries(MORE_INPUTS.map(([id, field]) => [field, read(id)]));
}

/** The buttons under a draft's preview; Save only when the draft can be saved as it is. */
export function draftButtons(canSave: boolean, lang: Language = 'en'): ButtonRow {
  const F = formText(lang);
  const button = (id: DraftButton, label: string, style: APIButtonComponentWithCustomId['style'], disabled = false): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    custom_id: draftButtonId(id),
    label,
    style,
    ...(disabled ? { disabled: true } : {}),
  });
  return {
    type: ComponentType.ActionRow,
    components: [
      button('save', F.save, ButtonStyle.Success, !canSave),
      button('change', F.change, ButtonStyle.Primary),
      button('more', F.more, ButtonStyle.Secondary),
      button('cancel', F.cancel, ButtonStyle.Danger),
    ],
  };
}
