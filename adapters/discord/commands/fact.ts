// /fact show|add|edit|retire|source — moderators change the fact base. add and edit open a form
// (a modal) whose submission comes back through submit(); the core validates and saves.
// Visible to every member of a server (a moderator role without Manage Server must see it too),
// so the permission check happens here, on every use.
import { InteractionContextType, SlashCommandBuilder, type ModalSubmitInteraction } from 'discord.js';
import { MOD_MESSAGES, type AdapterDeps } from '../../../src/index.js';
import { draftFromForm, factModal, FIELDS, parseFactFormId, type FormValues } from '../fact-form.js';
import { actorOf, admit, bySubcommand, completeFactId, factIdOption, respond } from '../moderation.js';

const D = MOD_MESSAGES.discordCommands;

export const data = new SlashCommandBuilder()
  .setName('fact')
  .setDescription(D.fact)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) => sub.setName('show').setDescription(D.show).addStringOption(factIdOption))
  .addSubcommand((sub) => sub.setName('add').setDescription(D.add))
  .addSubcommand((sub) => sub.setName('edit').setDescription(D.edit).addStringOption(factIdOption))
  .addSubcommand((sub) => sub.setName('retire').setDescription(D.retire).addStringOption(factIdOption))
  .addSubcommand((sub) =>
    sub
      .setName('source')
      .setDescription(D.source)
      .addStringOption(factIdOption)
      .addStringOption((o) => o.setName('url').setDescription(D.url).setRequired(true))
      .addStringOption((o) => o.setName('title').setDescription(D.title).setRequired(true))
      .addStringOption((o) => o.setName('publisher').setDescription(D.publisher))
      .addStringOption((o) => o.setName('published').setDescription(D.published)),
  );

export const execute = bySubcommand('fact', {
  show: (interaction, { service }) => respond(interaction, () => service.show(interaction.options.getString('id', true))),
  add: async (interaction) => {
    await interaction.showModal(factModal());
  },
  edit: async (interaction, { service }) => {
    const id = interaction.options.getString('id', true);
    const fact = service.find(id);
    const key = service.keyOf(id);
    if (!fact || !key) return respond(interaction, () => ({ ok: false, text: MOD_MESSAGES.notFound(id) }));
    await interaction.showModal(factModal({ fact, key }));
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

/** The add/edit form, submitted. Checked again: the member may have lost the role since it opened. */
export async function submit(interaction: ModalSubmitInteraction, deps: AdapterDeps): Promise<void> {
  const form = parseFactFormId(interaction.customId);
  if (!form) throw new Error(`unknown form ${interaction.customId}`);
  const moderation = await admit(interaction, deps);
  if (!moderation) return;
  const values = Object.fromEntries(Object.values(FIELDS).map((id) => [id, interaction.fields.getTextInputValue(id)])) as FormValues;
  const parsed = draftFromForm(values);
  const actor = actorOf(interaction);
  await respond(interaction, () => {
    if (!parsed.ok) return parsed;
    return form.mode === 'add' ? moderation.service.add(parsed.draft, actor) : moderation.service.edit(form.factId, parsed.draft, actor, form.key);
  });
}
