// Every slash command, by name: the router and the registration script both read this one list.
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { AdapterDeps } from '../../../src/index.js';
import * as ask from './ask.js';
import * as consoleLink from './console.js';
import * as fact from './fact.js';
import * as help from './help.js';
import * as kb from './kb.js';
import * as latest from './latest.js';
import * as sources from './sources.js';
import * as timeline from './timeline.js';

export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, deps: AdapterDeps): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, deps: AdapterDeps): Promise<void>;
  /** A form (modal) the command opened, submitted; its custom id starts with the command's name and a colon. */
  submit?(interaction: ModalSubmitInteraction, deps: AdapterDeps): Promise<void>;
  /** A button of a message the command sent whose custom id starts with the command's name and a colon. */
  press?(interaction: ButtonInteraction, deps: AdapterDeps): Promise<void>;
}

const all: readonly Command[] = [ask, sources, timeline, latest, help, fact, kb, consoleLink];

export const commands: ReadonlyMap<string, Command> = new Map(all.map((command) => [command.data.name, command]));

/** The body of the registration PUT. */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return all.map((command) => command.data.toJSON());
}
