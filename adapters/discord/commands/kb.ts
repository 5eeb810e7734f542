// /kb status|unanswered|history|undo — moderators look after the fact base as a whole. Visible to
// every member of a server, like /fact, and checked on every use.
import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { MODERATION } from '../../../src/index.js';
import { described } from '../localize.js';
import { actorOf, bySubcommand, completeFactId, factIdOption, respond } from '../moderation.js';

export const data = described(new SlashCommandBuilder().setName('kb'), (d) => d.kb)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) => described(sub.setName('status'), (d) => d.status))
  .addSubcommand((sub) =>
    described(sub.setName('unanswered'), (d) => d.unanswered).addIntegerOption((o) =>
      described(o.setName('days'), (d) => d.days(MODERATION.unansweredDays))
        .setMinValue(1)
        .setMaxValue(MODERATION.unansweredMaxDays),
    ),
  )
  .addSubcommand((sub) => described(sub.setName('history'), (d) => d.history).addStringOption(factIdOption))
  .addSubcommand((sub) => described(sub.setName('undo'), (d) => d.undo).addStringOption(factIdOption));

export const execute = bySubcommand('kb', {
  status: (interaction, { service }) => respond(interaction, () => service.status()),
  unanswered: (interaction, { service }) => respond(interaction, () => service.unanswered(interaction.options.getInteger('days') ?? undefined)),
  history: (interaction, { service }) => respond(interaction, () => service.history(interaction.options.getString('id', true))),
  undo: (interaction, { service }) => respond(interaction, () => service.undo(interaction.options.getString('id', true), actorOf(interaction))),
});

export const autocomplete = completeFactId;
