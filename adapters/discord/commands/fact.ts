// /fact show|add|edit|retire|source — moderators change the fact base. add and edit open a form
// (a modal) whose submission comes back through submit(): the core checks each field, keeps the
// draft and previews it, with buttons (press()) to save it, reopen the form with what was typed,
// set round, tags and caveat in a second form, or cancel.
// Visible to every member of a server (a moderator role without Manage Server must see it too),
// so the permission check happens here, on every use.
import { InteractionContextType, SlashCommandBuilder, type ButtonInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { AdapterDeps } from '../../../src/index.js';
import { factModal, formValues, moreModal, moreValues, parseDraftButtonId, parseFactFormId } from '../fact-form.js';
import { langOfLocale } from '../answering.js';
import { described } from '../localize.js';
import { actorOf, admit, bySubcommand, completeFactId, factIdOption, respond } from '../moderation.js';

export const data = described(new SlashCommandBuilder().setName('fact'), (d) => d.fact)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) => described(sub.setName('show'), (d) => d.show).addStringOption(factIdOption))
  .addSubcommand((sub) => described(sub.setName('add'), (d) => d.add))
  .addSubcommand((sub) => described(sub.setName('edit'), (d) => d.edit).addStringOption(factIdOption))
  .addSubcommand((sub) => described(sub.setName('retire'), (d) => d.retire).addStringOption(factIdOption))
  .addSubcommand((sub) =>
    described(sub.setName('source'), (d) => d.source)
      .addStringOption(factIdOption)
      .addStringOption((o) => described(o.setName('url'), (d) => d.url).setRequired(true))
      .addStringOption((o) => described(o.setName('title'), (d) => d.title).setRequired(true))
      .addStringOption((o) => described(o.setName('publisher'), (d) => d.publisher))
      .addStringOption((o) => described(o.setName('published'), (d) => d.published)),
  );

export const execute = bySubcommand('fact', {
  show: (interaction, { service }) => respond(interaction, () => service.show(interaction.options.getString('id', true))),
  add: async (interaction) => {
    await interaction.showModal(factModal({ target: { mode: 'add' }, lang: langOfLocale(interaction.locale) }));
  },
  edit: async (interaction, { service }) => {
    const id = interaction.options.getString('id', true);
    const fact = service.find(id);
    const key = service.keyOf(id);
    if (!fact || !key) return respond(interaction, () => ({ kind: 'refused', reason: 'not-found', id }));
    await interaction.showModal(factModal({ target: { mode: 'edit', factId: fact.id, key }, fact, lang: langOfLocale(interaction.locale) }));
  },
  retire: (interaction, { service }) => respond(interaction, () => service.retire(interaction.options.getString('id', true), actorOf(interaction))),
  source: (interaction, { service }) => {
    const { options } = interaction;
    const source = {
      url: options.getString('url', true),
      title: options.getString('title', true),
      publisher: options.getString('publisher') ?? undefined,
      published: options.getString('published') ?? undefined,
    };
    return respond(interaction, () => service.addSource(options.getString('id', true), source, actorOf(interaction)));
  },
});

export const autocomplete = completeFactId;

/**
 * A form, submitted: its fields checked and kept as the moderator's draft, and previewed. Checked
 * again: the member may have lost the role since it opened.
 */
export async function submit(interaction: ModalSubmitInteraction, deps: AdapterDeps): Promise<void> {
  const form = parseFactFormId(interaction.customId);
  if (!form) throw new Error(`unknown form ${interaction.customId}`);
  const moderation = await admit(interaction, deps);
  if (!moderation) return;
  const { forms } = moderation.text;
  const actor = actorOf(interaction);
  const read = (id: string) => interaction.fields.getTextInputValue(id);
  await respond(interaction, () => {
    switch (form.mode) {
      case 'more':
        return forms.amend(actor, moreValues(read));
      case 'draft':
        return forms.submit(actor, undefined, formValues(read));
      default:
        return forms.submit(actor, form, formValues(read));
    }
  });
}

/** A button under a draft's preview: save, reopen the main form, open the second form, or cancel. */
export async function press(interaction: ButtonInteraction, deps: AdapterDeps): Promise<void> {
  const button = parseDraftButtonId(interaction.customId);
  if (!button) throw new Error(`unknown button ${interaction.customId}`);
  const moderation = await admit(interaction, deps);
  if (!moderation) return;
  const { forms } = moderation.text;
  const actor = actorOf(interaction);
  switch (button) {
    case 'save':
      return respond(interaction, () => forms.save(actor));
    case 'cancel':
      return respond(interaction, () => forms.cancel(actor));
    case 'change':
    case 'more': {
      // A modal must be the first answer to the press, within Discord's 3 seconds: the draft is read first.
      const open = await forms.open(actor);
      if (!open) return respond(interaction, () => ({ kind: 'refused', reason: 'no-draft' }));
      const fact = open.target.mode === 'edit' ? moderation.service.find(open.target.factId) : undefined;
      const lang = langOfLocale(interaction.locale);
      await interaction.showModal(button === 'more' ? moreModal(open.fact, lang) : factModal({ target: open.target, ...(fact ? { fact } : {}), draft: open.form, lang }));
      return;
    }
    default: {
      const unreachable: never = button;
      return unreachable;
    }
  }
}
