// What every way of asking shares: the per-member rate limit, the activity log, and the reply to
// an interaction (a /ask or a pressed "did you mean" button).
import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { hashUser, languageOfLocale, UI_TEXT, type AdapterDeps, type AnswerResult, type Language, type RateDecision, type Vote } from '../../src/index.js';
import { formatAnswer, formatNotice } from './format.js';

/** Discord's mention markup names people and places, never what a question is about; left in, it only misleads the matcher. */
export function withoutMentions(text: string): string {
  return text.replace(/<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b/g, ' ').replace(/\s+/g, ' ').trim();
}

export function checkRate(deps: AdapterDeps, userId: string): Promise<RateDecision> {
  return deps.limiter.check(`discord:${userId}`);
}

/** Logs a member by hash only, as the activity log does. */
export function userRef(userId: string): string {
  return hashUser({ platform: 'discord', userId });
}

/** Records a question; resolves either way, so a full disk never costs a member the answer. */
export async function recordQuestion(deps: AdapterDeps, userId: string, result: AnswerResult): Promise<void> {
  try {
    await deps.activity.recordQuestion({ platform: 'discord', userId }, result);
  } catch (err) {
    deps.logger.error({ err, user: userRef(userId), kind: result.kind }, 'could not record a Discord question');
  }
}

/** Records a vote; false when it could not be written, so the member is not thanked for nothing. */
export async function recordVote(deps: AdapterDeps, userId: string, factId: string, vote: Vote): Promise<boolean> {
  try {
    await deps.activity.recordFeedback({ platform: 'discord', userId }, factId, vote);
    return true;
  } catch (err) {
    deps.logger.error({ err, user: userRef(userId), factId, vote }, 'could not record Discord feedback');
    return false;
  }
}

/** The language of a member's Discord client, for what the bot says outside an answer. */
export function langOfLocale(locale: string | undefined): Language {
  return languageOfLocale(locale) ?? 'en';
}

/** The conversation an interaction or message belongs to: its member in its channel. */
export function conversationOf(channelId: string | null, userId: string): string {
  return `discord:${channelId ?? 'dm'}:${userId}`;
}

/**
 * Answers a member's interaction within the rate limit. An interaction must be answered, so even
 * a member who was already told to slow down gets the (private) reminder rather than silence.
 */
export async function answerInteraction(
  interaction: RepliableInteraction,
  deps: AdapterDeps,
  ask: () => AnswerResult,
  ephemeral: boolean,
): Promise<void> {
  const privately = { flags: MessageFlags.Ephemeral } as const;
  const result = ask();
  // Small talk costs no part of the limit and is not logged; its line is for the asker alone.
  if (result.kind === 'chat') {
    await interaction.reply({ ...formatAnswer(result), ...privately });
    return;
  }
  if ((await checkRate(deps, interaction.user.id)) !== 'ok') {
    await interaction.reply({ ...formatNotice(UI_TEXT[result.lang].slowDown), ...privately });
    return;
  }
  const recorded = recordQuestion(deps, interaction.user.id, result);
  await interaction.reply({ ...formatAnswer(result), ...(ephemeral ? privately : {}) });
  await recorded;
}
