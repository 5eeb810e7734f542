// /kb status|unanswered|history|undo — moderators look after the fact base as a whole. Visible to
// every member of a server, like /fact, and checked on every use.
import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { MOD_MESSAGES, MODERATION } from '../../../src/index.js';
import { actorOf, bySubcommand, completeFactId, factIdOption, respond } from '../moderation.js';

const D = MOD_MESSAGES.discordCommands;

export const data = new SlashCommandBuilder()
  .setName('kb')
  .setDescription(D.kb)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) => sub.setName('status').setDescription(D.status))
  .addSubcommand((sub) =>
    sub
      .setName('unanswered')
      .setDescription(D.unanswered)
      .addIntegerOption((o) => o.setName('days').setDescription(D.days(MODERATION.unansweredDays)).setMinValue(1).setMaxValue(MODERATION.unansweredMaxDays)),
  )
  .addSubcommand((sub) => sub.setName('history').setDescription(D.history).addStringOption(factIdOption))
  .addSubcommand((sub) => sub.setName('undo').setDescription(D.undo).addStringOption(factIdOption));

export const execute = bySubcommand('kb', {
  status: (interaction, { service }) => respond(interaction, () => service.status()),
  unanswered: (interaction, { service }) => respond(interaction, () => service.unanswered(interaction.options.getInteger('days') ?? undefined)),
  history: (interaction, { service }) => respond(interaction, () => service.history(interaction.options.getString('id', true))),
  undo: (interaction, { service }) => respond(interaction, () => service.undo(interaction.options.getString('id', true), actorOf(interaction))),
});

export const autocomplete = completeFactId;
