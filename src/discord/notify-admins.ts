/**
 * When alerts stop (the channel is gone or the bot lost access), the admins must hear about it
 * somewhere: the server's system channel, else the first text channel the bot can write in.
 */
import { ChannelType, PermissionFlagsBits, type Client, type Guild, type GuildTextBasedChannel } from 'discord.js';
import { logger as rootLogger, type Logger } from '../shared/logger.ts';
import { compareText } from '../shared/text-order.ts';

const NEEDED = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;

function writable(guild: Guild, channel: GuildTextBasedChannel | null | undefined): boolean {
  const me = guild.members.me;
  if (!channel || !me) return false;
  return channel.permissionsFor(me)?.has(NEEDED, true) ?? false;
}

/** The channel a notice goes to, or undefined when the bot can write nowhere. */
export function noticeChannel(guild: Guild): GuildTextBasedChannel | undefined {
  if (writable(guild, guild.systemChannel)) return guild.systemChannel ?? undefined;
  const texts = guild.channels.cache
    .filter((c): c is Extract<typeof c, { type: ChannelType.GuildText | ChannelType.GuildAnnouncement }> =>
      c.type === ChannelType.GuildText || c.type === ChannelType.GuildAnnouncement)
    .sort((a, b) => a.rawPosition - b.rawPosition || compareText(a.id, b.id));
  return texts.find((c) => writable(guild, c));
}

export type NotifyAdmins = (guildId: string, text: string) => Promise<string | undefined>;

/** Returns a notifier that answers with the channel id it posted in, or undefined if it could not. */
export function createAdminNotifier(client: Client, logger: Logger = rootLogger): NotifyAdmins {
  const log = logger.child({ module: 'discord-notify' });
  return async (guildId, text) => {
    const guild = client.guilds.cache.get(guildId);
    if (!guild) {
      log.info({ guildId }, 'notice not sent: not in that server');
      return undefined;
    }
    const channel = noticeChannel(guild);
    if (!channel) {
      log.warn({ guildId }, 'notice not sent: no channel the bot can write in');
      return undefined;
    }
    try {
      await channel.send({ content: text, allowedMentions: { parse: [] } });
      return channel.id;
    } catch (error) {
      log.warn({ guildId, channelId: channel.id, err: error }, 'notice could not be posted');
      return undefined;
    }
  };
}
