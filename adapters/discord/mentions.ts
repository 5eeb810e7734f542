// "@bot <question>" in a channel, and any direct message: answered as a reply. Discord delivers
// the content of exactly these messages without the privileged message-content intent.
import { type Message } from 'discord.js';
import { MESSAGES, quietInGroups, UI_TEXT, type AdapterDeps } from '../../src/index.js';
import { checkRate, conversationOf, recordQuestion, userRef, withoutMentions } from './answering.js';
import { formatAnswer, formatNotice } from './format.js';

/** The question a message asks the bot, or undefined when the message is not for the bot. */
export function questionIn(message: Message, botId: string): string | undefined {
  if (message.author.bot || message.system) return undefined;
  if (message.inGuild() && !message.mentions.users.has(botId)) return undefined;
  return withoutMentions(message.content);
}

/** Handles one message. Never rejects. */
export async function handleMessage(message: Message, deps: AdapterDeps): Promise<void> {
  try {
    // Reading the message is work too: a message discord.js could only half build must not escape the catch.
    const question = questionIn(message, message.client.user.id);
    if (question === undefined) return;
    const result = deps.core.answer({ question, conversation: conversationOf(message.channelId, message.author.id) });
    // Small talk costs no part of the limit and is not logged; in a server, thanks need no reply.
    if (result.kind === 'chat') {
      if (!message.inGuild() || !quietInGroups(result)) await message.reply(formatAnswer(result));
      return;
    }
    const decision = await checkRate(deps, message.author.id);
    // A message needs no answer: after one reminder, a flooding member is simply not answered.
    if (decision === 'quiet') return;
    if (decision === 'warn') {
      await message.reply(formatNotice(UI_TEXT[result.lang].slowDown));
      return;
    }
    const recorded = recordQuestion(deps, message.author.id, result);
    await message.reply(formatAnswer(result));
    await recorded;
  } catch (err) {
    const context = { messageId: message.id, guildId: message.guildId, channelId: message.channelId, user: userRef(message.author.id) };
    deps.logger.error({ err, ...context }, 'Discord message reply failed');
    // A message cannot be answered privately; the apology is a plain reply, and may fail the same way.
    await message.reply(formatNotice(MESSAGES.apology)).catch((apologyErr: unknown) => {
      deps.logger.error({ err: apologyErr, ...context }, 'could not apologise for a failed Discord message reply');
    });
  }
}
