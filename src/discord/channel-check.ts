/**
 * Before a channel is chosen for alerts, check the bot could actually post there, and name
 * exactly what is missing: "I can't post there" leaves an admin guessing which box to tick.
 */
import { PermissionFlagsBits, PermissionsBitField, type Guild, type GuildBasedChannel } from 'discord.js';

/** Each permission with its name as Discord's English and Korean clients show it. */
export const ALERT_PERMISSIONS = [
  { flag: PermissionFlagsBits.ViewChannel, name: 'View Channel', ko: '채널 보기' },
  { flag: PermissionFlagsBits.SendMessages, name: 'Send Messages', ko: '메시지 보내기' },
  { flag: PermissionFlagsBits.EmbedLinks, name: 'Embed Links', ko: '링크 첨부' },
] as const;

/** A permission's name in the Korean client, for a name from ALERT_PERMISSIONS. */
export function koreanPermissionName(name: string): string {
  return ALERT_PERMISSIONS.find((p) => p.name === name)?.ko ?? name;
}

/**
 * Names of the permissions the bot lacks in `channel`; empty when it can post alerts there;
 * undefined when its own permissions cannot be worked out (its member could not be read). Then
 * the choice is accepted and delivery itself reports a refusal, rather than an admin being blocked
 * by a check that could not run.
 */
export async function missingAlertPermissions(guild: Guild, channel: GuildBasedChannel): Promise<string[] | undefined> {
  const me = guild.members.me ?? (await guild.members.fetchMe().catch(() => null));
  if (!me) return undefined;
  const perms = channel.permissionsFor(me) ?? new PermissionsBitField(0n);
  return ALERT_PERMISSIONS.filter((p) => !perms.has(p.flag, true)).map((p) => p.name);
}

/**
 * Whether the bot may read the channel's history: not needed to post, but without it an alert
 * whose first attempt got no answer cannot be looked for before it is sent again. Undefined when
 * the bot's own permissions cannot be worked out.
 */
export async function canReadHistory(guild: Guild, channel: GuildBasedChannel): Promise<boolean | undefined> {
  const me = guild.members.me ?? (await guild.members.fetchMe().catch(() => null));
  if (!me) return undefined;
  return channel.permissionsFor(me)?.has(PermissionFlagsBits.ReadMessageHistory, true) ?? false;
}
