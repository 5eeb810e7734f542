// Discord shows a command's name and description in the member's client language when it has them:
// Ukrainian and Russian from the commands catalogue, English otherwise.
import type { SlashCommandBuilder } from 'discord.js';
import { COMMAND_TEXT } from '../../src/index.js';

type Key = keyof (typeof COMMAND_TEXT)['uk']['discord'];

export function localized<B extends Pick<SlashCommandBuilder, 'setNameLocalizations' | 'setDescriptionLocalizations'>>(builder: B, key: Key): B {
  builder.setNameLocalizations({ uk: COMMAND_TEXT.uk.discord[key].name, ru: COMMAND_TEXT.ru.discord[key].name });
  builder.setDescriptionLocalizations({ uk: COMMAND_TEXT.uk.discord[key].description, ru: COMMAND_TEXT.ru.discord[key].description });
  return builder;
}
