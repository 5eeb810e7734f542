// /ask question:<text> [private:true] — the answer as an embed, with autocomplete on the question.
import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { LIMITS, MESSAGES, type AdapterDeps } from '../../../src/index.js';
import { answerInteraction, conversationOf, withoutMentions } from '../answering.js';
import { formatChoices } from '../format.js';
import { localized } from '../localize.js';

export const data = localized(new SlashCommandBuilder().setName('ask').setDescription(MESSAGES.discordCommands.ask), 'ask')
  .addStringOption((option) =>
    option.setName('question').setDescription(MESSAGES.discordCommands.askQuestion).setRequired(true).setAutocomplete(true),
  )
  .addBooleanOption((option) => option.setName('private').setDescription(MESSAGES.discordCommands.askPrivate));

export async function execute(interaction: ChatInputCommandInteraction, deps: AdapterDeps): Promise<void> {
  const question = withoutMentions(interaction.options.getString('question', true));
  const ephemeral = interaction.options.getBoolean('private') ?? false;
  const conversation = conversationOf(interaction.channelId, interaction.user.id);
  await answerInteraction(interaction, deps, () => deps.core.answer({ question, conversation, locale: interaction.locale }), ephemeral);
}

/** Known questions matching what the member is typing; in-memory, so far inside Discord's 3 seconds. */
export async function autocomplete(interaction: AutocompleteInteraction, deps: AdapterDeps): Promise<void> {
  const typed = interaction.options.getFocused();
  await interaction.respond(formatChoices(deps.core.complete(typed, LIMITS.autocomplete)));
}
