// Who may run moderator commands, as data from the configuration.
import type { Config } from '../config/env.js';

export interface DiscordMember {
  roleIds: readonly string[];
  roleNames: readonly string[];
  /** The member has the Manage Server permission. */
  manageGuild: boolean;
}

export function isTelegramModerator(userId: string | number, config: Pick<Config, 'MODERATOR_TELEGRAM_IDS'>): boolean {
  return (config.MODERATOR_TELEGRAM_IDS ?? []).includes(String(userId));
}

/** Manage Server always counts; DISCORD_MODERATOR_ROLE may name the role by id or by name. */
export function isDiscordModerator(member: DiscordMember, config: Pick<Config, 'DISCORD_MODERATOR_ROLE'>): boolean {
  if (member.manageGuild) return true;
  const role = config.DISCORD_MODERATOR_ROLE;
  if (!role) return false;
  return member.roleIds.includes(role) || member.roleNames.some((name) => name.toLowerCase() === role.toLowerCase());
}
