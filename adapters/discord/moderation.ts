// What /fact and /kb share: the one gate every moderator command passes (set up, run by a
// moderator), who acted, the fact-id autocomplete, and the reply. Replies are private: reports
// quote members' questions, and a channel need not watch edits. The moderators' limit counts their
// changes only, and the core keeps it; a non-moderator's attempts are counted here, so repeating
// one cannot flood the log.
import {
  GuildMember,
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
  type SlashCommandStringOption,
} from 'discord.js';
import { DISCORD, isDiscordModerator, LIMITS, moderatorText, type Actor, type AdapterDeps, type Moderation, type ModResult } from '../../src/index.js';
import { langOfLocale } from './answering.js';
import { described } from './localize.js';
import { cutText, formatNotice } from './format.js';
import { formatModeration } from './moderation-format.js';

export type ModInteraction = ChatInputCommandInteraction | ModalSubmitInteraction | ButtonInteraction;

/** The moderation to use when this member may run a command now; otherwise replies privately why not, in their client's language. */
export async function admit(interaction: ModInteraction, deps: AdapterDeps): Promise<Moderation | undefined> {
  const { mod } = moderatorText(langOfLocale(interaction.locale));
  const refuse = async (text: string): Promise<undefined> => {
    await interaction.reply({ ...formatNotice(text), flags: MessageFlags.Ephemeral });
    return undefined;
  };
  const { moderation } = deps;
  if (!moderation) return refuse(mod.moderationOff);
  if (!isModerator(interaction, deps)) {
    // An interaction must be answered, so every attempt is refused; past the limit, it is not logged again.
    if ((await moderation.limiter.check(`discord:${interaction.user.id}`)) === 'ok') {
      const command = interaction.isChatInputCommand() ? interaction.toString() : interaction.customId;
      deps.logger.warn({ userId: interaction.user.id, command }, 'refused moderator command from a non-moderator');
    }
    return refuse(mod.notModerator);
  }
  return moderation;
}

/** What a subcommand does once its member has been admitted. */
export type Subcommand = (interaction: ChatInputCommandInteraction, moderation: Moderation) => Promise<void>;

/** A moderator command's execute(): the gate, then the subcommand named. */
export function bySubcommand(command: string, subcommands: Readonly<Record<string, Subcommand>>) {
  return async (interaction: ChatInputCommandInteraction, deps: AdapterDeps): Promise<void> => {
    const moderation = await admit(interaction, deps);
    if (!moderation) return;
    const name = interaction.options.getSubcommand();
    const run = subcommands[name];
    // A subcommand registered by an older version of the bot that this one no longer knows.
    if (!run) throw new Error(`unknown subcommand /${command} ${name}`);
    await run(interaction, moderation);
  };
}

export function actorOf(interaction: ModInteraction): Actor {
  return { platform: 'discord', id: interaction.user.id, name: interaction.user.username };
}

/**
 * Sends a moderator command's reply privately, in the moderator's client language, over as many messages as it needs. Deferred
 * first: a report reads the whole activity log and a change writes files, which may take longer
 * than the 3 seconds Discord waits for a first answer.
 */
export async function respond(interaction: ModInteraction, work: () => ModResult | Promise<ModResult>): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const parts = formatModeration(await work(), langOfLocale(interaction.locale));
  for (const [i, part] of parts.entries()) {
    if (i === 0) await interaction.editReply(part);
    else await interaction.followUp({ ...part, flags: MessageFlags.Ephemeral });
  }
}

/** The `id` option of every subcommand that names a fact. */
export function factIdOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return described(option.setName('id'), (d) => d.id)
    .setRequired(true)
    .setAutocomplete(true)
    .setMaxLength(LIMITS.factIdChars);
}

/**
 * Fact ids containing what a moderator types (ids starting with it first), each with its first
 * question. Nobody else gets choices; they are refused, and logged, only when they run a command.
 */
export async function completeFactId(interaction: AutocompleteInteraction, deps: AdapterDeps): Promise<void> {
  if (!deps.moderation || !isModerator(interaction, deps)) return interaction.respond([]);
  const typed = interaction.options.getFocused().trim().toLowerCase();
  const matching = deps.core.base.facts.filter((f) => f.id.includes(typed));
  const ranked = [...matching.filter((f) => f.id.startsWith(typed)), ...matching.filter((f) => !f.id.startsWith(typed))];
  await interaction.respond(
    ranked.slice(0, LIMITS.autocomplete).map((f) => ({ name: cutText(`${f.id} — ${f.questions[0] ?? ''}`, DISCORD.choiceText), value: f.id })),
  );
}

/** Manage Server, or the configured role (by id or name). Only in a server: nobody moderates from a DM. */
function isModerator(interaction: ModInteraction | AutocompleteInteraction, deps: AdapterDeps): boolean {
  if (!interaction.inGuild()) return false;
  const { member } = interaction;
  const roleIds = member instanceof GuildMember ? [...member.roles.cache.keys()] : member.roles;
  const roleNames = roleIds.flatMap((id) => interaction.guild?.roles.cache.get(id)?.name ?? []);
  const manageGuild = interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild);
  return isDiscordModerator({ roleIds, roleNames, manageGuild }, deps.config);
}
