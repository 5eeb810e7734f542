// Discord shows a command's name and description in the member's client language when it has them:
// Ukrainian and Russian from the commands catalogue, English otherwise. The moderator commands keep
// their English names (moderators type them as such on Telegram too); only their descriptions are
// localized, from the moderator catalogues.
import type { SlashCommandBuilder } from 'discord.js';
import { COMMAND_TEXT, moderatorText } from '../../src/index.js';

type Key = keyof (typeof COMMAND_TEXT)['uk']['discord'];

export function localized<B extends Pick<SlashCommandBuilder, 'setNameLocalizations' | 'setDescriptionLocalizations'>>(builder: B, key: Key): B {
  builder.setNameLocalizations({ uk: COMMAND_TEXT.uk.discord[key].name, ru: COMMAND_TEXT.ru.discord[key].name });
  builder.setDescriptionLocalizations({ uk: COMMAND_TEXT.uk.discord[key].description, ru: COMMAND_TEXT.ru.discord[key].description });
  return builder;
}

type ModDescriptions = ReturnType<typeof moderatorText>['mod']['discordCommands'];

/** What a command, subcommand or option builder needs to be described. */
interface Describable {
  setDescription(description: string): unknown;
  setDescriptionLocalizations(localizations: { uk: string; ru: string }): unknown;
}

/** Describes a moderator command, subcommand or option in English, Ukrainian and Russian. */
export function described<B extends Describable>(builder: B, pick: (d: ModDescriptions) => string): B {
  builder.setDescription(pick(moderatorText('en').mod.discordCommands));
  builder.setDescriptionLocalizations({ uk: pick(moderatorText('uk').mod.discordCommands), ru: pick(moderatorText('ru').mod.discordCommands) });
  return builder;
}
