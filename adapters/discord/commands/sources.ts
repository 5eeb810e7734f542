// /sources — the articles the fact base cites, and when it was last updated. Private: a long list is noise in a channel.
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { MESSAGES, type AdapterDeps } from '../../../src/index.js';
import { formatSources } from '../format.js';
import { langOfLocale } from '../answering.js';
import { localized } from '../localize.js';

export const data = localized(new SlashCommandBuilder().setName('sources').setDescription(MESSAGES.discordCommands.sources), 'sources');

export async function execute(interaction: ChatInputCommandInteraction, deps: AdapterDeps): Promise<void> {
  const { core } = deps;
  await interaction.reply({ ...formatSources(core.sources(), core.lastUpdated(), langOfLocale(interaction.locale)), flags: MessageFlags.Ephemeral });
}
