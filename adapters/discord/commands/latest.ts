// /latest — the five newest facts, each with its source and a button for the full answer.
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { MESSAGES, type AdapterDeps } from '../../../src/index.js';
import { formatLatest } from '../format.js';
import { langOfLocale } from '../answering.js';
import { localized } from '../localize.js';

export const data = localized(new SlashCommandBuilder().setName('latest').setDescription(MESSAGES.discordCommands.latest), 'latest');

export async function execute(interaction: ChatInputCommandInteraction, deps: AdapterDeps): Promise<void> {
  await interaction.reply({ ...formatLatest(deps.core.latest(), langOfLocale(interaction.locale)), flags: MessageFlags.Ephemeral });
}
