/**
 * Before a channel is chosen for alerts, check the bot could actually post there, and name
 * exactly what is missing: "I can't post there" leaves an admin guessing which box to tick.
 */
import { PermissionFlagsBits, PermissionsBitField, type Guild, type GuildBasedChannel } from 'discord.js';

export const ALERT_PERMISSIONS = [
  { flag: PermissionFlagsBits.ViewChannel, name: 'View Channel' },
  { flag: PermissionFlagsBits.SendMessages, name: 'Send Messages' },
  { flag: PermissionFlagsBits.EmbedLinks, name: 'Embed Links' },
] as const;

/** Names of the permissions the bot lacks in `channel`; empty when it can post alerts there. */
export async function missingAlertPermissions(guild: Guild, channel: GuildBasedChannel): Promise<string[]> {
  const me = guild.members.me ?? (await guild.members.fetchMe());
  const perms = channel.permissionsFor(me) ?? new PermissionsBitField(0n);
  return ALERT_PERMISSIONS.filter((p) => !perms.has(p.flag, true)).map((p) => p.name);
}
