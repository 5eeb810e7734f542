// /console — a moderator's one-time sign-in link to the web console, shown to them alone.
import { InteractionContextType, MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { CONSOLE_ACCESS, CONSOLE_MESSAGES, CONSOLE_TEXT, consoleAddress, type AdapterDeps } from '../../../src/index.js';
import { langOfLocale } from '../answering.js';
import { formatNotice } from '../format.js';
import { actorOf, admit } from '../moderation.js';

export const data = new SlashCommandBuilder().setName('console').setDescription(CONSOLE_MESSAGES.discordCommand).setContexts(InteractionContextType.Guild);

export async function execute(interaction: ChatInputCommandInteraction, deps: AdapterDeps): Promise<void> {
  const privately = { flags: MessageFlags.Ephemeral } as const;
  const text = CONSOLE_TEXT[langOfLocale(interaction.locale)];
  const access = deps.consoleAccess;
  const url = consoleAddress(deps.config);
  if (!access || !url) {
    await interaction.reply({ ...formatNotice(text.off), ...privately });
    return;
  }
  // The moderators' gate: anyone else is refused, privately, and gets no link.
  if (!(await admit(interaction, deps))) return;
  const token = await access.links.issue(actorOf(interaction), Date.now());
  const link = new URL(`/signin?token=${encodeURIComponent(token)}`, url).toString();
  // No link preview: Discord's preview crawler would open the one-time link before the moderator could.
  await interaction.reply({ ...formatNotice(text.link(link, CONSOLE_ACCESS.linkValidMs / 60_000)), flags: MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds });
}
