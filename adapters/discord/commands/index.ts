// Every slash command, by name: the router and the registration script both read this one list.
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { AdapterDeps } from '../../../src/index.js';
import * as ask from './ask.js';
import * as help from './help.js';
import * as sources from './sources.js';

export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, deps: AdapterDeps): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, deps: AdapterDeps): Promise<void>;
}

const all: readonly Command[] = [ask, sources, help];

export const commands: ReadonlyMap<string, Command> = new Map(all.map((command) => [command.data.name, command]));

/** The body of the registration PUT. */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return all.map((command) => command.data.toJSON());
}
