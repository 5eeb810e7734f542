// DISCORD_ANNOUNCE_CHANNEL as a channel for what's new. With shards, only the process that runs
// shard 0 posts: every shard process sees the same change, and the channel must hear it once.
import type { Client } from 'discord.js';
import { MESSAGES, type AnnounceTarget } from '../../src/index.js';
import { formatAnnouncement, formatNotice, type DiscordReply } from './format.js';

/** True for the one process (of all shard processes, or the only one) that posts announcements. */
export function postsAnnouncements(client: Client): boolean {
  return (client.shard?.ids ?? [0]).includes(0);
}

export function announceTarget(client: Client, channelId: string): AnnounceTarget {
  const send = async (message: DiscordReply) => {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) throw new Error(`DISCORD_ANNOUNCE_CHANNEL ${channelId} is not a channel the bot can post in`);
    await channel.send(message);
  };
  return {
    name: 'discord',
    post: (announcement) => send(formatAnnouncement(announcement)),
    postMore: (count) => send(formatNotice(MESSAGES.announcedMore(count))),
  };
}
