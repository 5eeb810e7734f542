// /help — what the bot can do, with example questions. Private, like /sources.
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { MESSAGES, type AdapterDeps } from '../../../src/index.js';
import { formatHelp } from '../format.js';
import { langOfLocale } from '../answering.js';
import { localized } from '../localize.js';

const EXAMPLES = 4;

export const data = localized(new SlashCommandBuilder().setName('help').setDescription(MESSAGES.discordCommands.help), 'help');

export async function execute(interaction: ChatInputCommandInteraction, deps: AdapterDeps): Promise<void> {
  await interaction.reply({ ...formatHelp(deps.core.examples(EXAMPLES, langOfLocale(interaction.locale)), langOfLocale(interaction.locale)), flags: MessageFlags.Ephemeral });
}
