// Routes every interaction (slash command, autocomplete, button, submitted form) to its handler.
// Each handler runs guarded: a failure is logged with its context and the member gets a short
// private apology, never silence, and the bot carries on serving everyone else.
import { MessageFlags, type AutocompleteInteraction, type ButtonInteraction, type Interaction, type ModalSubmitInteraction } from 'discord.js';
import { UI_TEXT, type AdapterDeps } from '../../src/index.js';
import { answerInteraction, conversationOf, langOfLocale, recordVote, userRef } from './answering.js';
import { commands } from './commands/index.js';
import { formatNotice, formatTimeline, parseButtonId } from './format.js';

/** Handles one interaction. Never rejects. */
export async function routeInteraction(interaction: Interaction, deps: AdapterDeps): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) await commandNamed(interaction.commandName).execute(interaction, deps);
    else if (interaction.isAutocomplete()) await complete(interaction, deps);
    else if (interaction.isButton()) await press(interaction, deps);
    else if (interaction.isModalSubmit()) await submit(interaction, deps);
  } catch (err) {
    deps.logger.error({ err, ...contextOf(interaction) }, 'Discord interaction failed');
    await apologise(interaction, deps);
  }
}

function commandNamed(name: string) {
  const command = commands.get(name);
  // A command registered by an older version of the bot that this one no longer knows.
  if (!command) throw new Error(`unknown command /${name}`);
  return command;
}

async function complete(interaction: AutocompleteInteraction, deps: AdapterDeps): Promise<void> {
  const command = commandNamed(interaction.commandName);
  if (!command.autocomplete) throw new Error(`/${interaction.commandName} has no autocomplete`);
  await command.autocomplete(interaction, deps);
}

async function submit(interaction: ModalSubmitInteraction, deps: AdapterDeps): Promise<void> {
  const name = interaction.customId.split(':')[0] ?? '';
  const command = commandNamed(name);
  if (!command.submit) throw new Error(`/${name} has no form`);
  await command.submit(interaction, deps);
}

async function press(interaction: ButtonInteraction, deps: AdapterDeps): Promise<void> {
  // A command's own buttons ("fact:save") go to that command.
  const owner = commands.get(interaction.customId.split(':')[0] ?? '');
  if (owner?.press) return owner.press(interaction, deps);
  const action = parseButtonId(interaction.customId);
  switch (action?.kind) {
    case 'ask': {
      const result = deps.core.answer({ factId: action.factId, conversation: conversationOf(interaction.channelId, interaction.user.id), locale: interaction.locale });
      // An answer to a private "did you mean" stays private; word that a fact has gone is for the presser alone.
      const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral) || result.kind !== 'answer';
      await answerInteraction(interaction, deps, () => result, ephemeral);
      return;
    }
    case 'vote': {
      const saved = await recordVote(deps, interaction.user.id, action.factId, action.vote);
      const say = UI_TEXT[langOfLocale(interaction.locale)];
      await interaction.reply({ ...formatNotice(saved ? say.feedbackThanks : say.apology), flags: MessageFlags.Ephemeral });
      return;
    }
    case 'timeline':
      // The page turns in place, in the message that holds the button.
      await interaction.update(formatTimeline(deps.core.timeline(action.filter, action.page), langOfLocale(interaction.locale)));
      return;
    case undefined:
      throw new Error(`unknown button ${interaction.customId}`);
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

async function apologise(interaction: Interaction, deps: AdapterDeps): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      // Autocomplete cannot carry a message: an empty list at least ends the spinner.
      if (!interaction.responded) await interaction.respond([]);
    } else if (interaction.isRepliable()) {
      const apology = { ...formatNotice(UI_TEXT[langOfLocale(interaction.locale)].apology), flags: MessageFlags.Ephemeral } as const;
      if (interaction.replied || interaction.deferred) await interaction.followUp(apology);
      else await interaction.reply(apology);
    }
  } catch (err) {
    deps.logger.error({ err, ...contextOf(interaction) }, 'could not apologise for a failed Discord interaction');
  }
}

function contextOf(interaction: Interaction): Record<string, unknown> {
  return {
    interactionId: interaction.id,
    type: interaction.type,
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
    customId: interaction.isMessageComponent() || interaction.isModalSubmit() ? interaction.customId : undefined,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    user: userRef(interaction.user.id),
  };
}
