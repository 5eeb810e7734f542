// /timeline [filter] — the dated events of the base in order, a page at a time, with buttons to turn
// the page. Private, like /sources: a long list is noise in a channel.
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { MESSAGES, type AdapterDeps } from '../../../src/index.js';
import { formatTimeline } from '../format.js';
import { langOfLocale } from '../answering.js';
import { localized } from '../localize.js';

export const data = localized(new SlashCommandBuilder().setName('timeline').setDescription(MESSAGES.discordCommands.timeline), 'timeline')
  .addStringOption((o) => o.setName('filter').setDescription(MESSAGES.discordCommands.timelineFilter).setMaxLength(100));

export async function execute(interaction: ChatInputCommandInteraction, deps: AdapterDeps): Promise<void> {
  const filter = interaction.options.getString('filter') ?? '';
  await interaction.reply({ ...formatTimeline(deps.core.timeline(filter), langOfLocale(interaction.locale)), flags: MessageFlags.Ephemeral });
}
