/**
 * The emulator's world: guilds, their roles, channels and members, messages per channel and the
 * registered application commands. Plain data plus the conversions into Discord's wire shapes,
 * so the HTTP and gateway sides serve the same objects.
 */
import { DEFAULT_EVERYONE_PERMISSIONS, Permission, basePermissions, channelPermissions, type PermissionOverwrite } from './permissions.ts';

const DISCORD_EPOCH = 1420070400000n;
let sequence = 0n;

/** Snowflakes with a real timestamp, so discord.js's createdAt on emulated objects makes sense. */
export function snowflake(): string {
  sequence = (sequence + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | sequence).toString();
}

export interface OverwriteInput { id: string; type: 'role' | 'member'; allow?: bigint | string; deny?: bigint | string }
export interface ChannelInput { id?: string; name: string; topic?: string; overwrites?: OverwriteInput[] }
export interface RoleInput { id?: string; name: string; permissions: bigint | string; mentionable?: boolean }
export interface MemberInput { id: string; username: string; roles?: string[]; bot?: boolean }
export interface GuildInput {
  id?: string;
  name: string;
  ownerId?: string;
  /** Permissions of @everyone; Discord's usual defaults when left out. */
  everyonePermissions?: bigint | string;
  roles?: RoleInput[];
  channels?: ChannelInput[];
  members?: MemberInput[];
  preferredLocale?: string;
}

export interface Role { id: string; name: string; permissions: bigint; position: number; mentionable: boolean }
export interface Channel { id: string; guildId: string; name: string; topic: string | null; position: number; overwrites: PermissionOverwrite[] }
export interface User { id: string; username: string; bot: boolean }
export interface Member { user: User; roles: string[]; joinedAt: string }
export interface Guild {
  id: string;
  name: string;
  ownerId: string;
  preferredLocale: string;
  roles: Role[];
  channels: Channel[];
  members: Member[];
}

/** Who a message would actually notify, after allowed_mentions and permissions are applied. */
export interface Pings { everyone: boolean; here: boolean; users: string[]; roles: string[] }

export interface StoredMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  content: string;
  embeds: Record<string, unknown>[];
  components: unknown[];
  flags: number;
  nonce: string | number | null;
  allowedMentions: Record<string, unknown> | null;
  pings: Pings;
  createdAt: string;
  editedAt: string | null;
  /** How it got there: a bot REST post, an interaction response, or a follow-up. */
  source: 'rest' | 'interaction' | 'followup' | 'member';
  interactionId: string | null;
  deleted: boolean;
}

export interface StoredCommand extends Record<string, unknown> {
  id: string;
  application_id: string;
  guild_id?: string;
  name: string;
  type: number;
  version: string;
}

const toBig = (v: bigint | string | undefined, fallback = 0n): bigint => (v === undefined ? fallback : BigInt(v));

export function buildGuild(input: GuildInput, botUser: User): Guild {
  const id = input.id ?? snowflake();
  const roles: Role[] = [{
    id, name: '@everyone', position: 0, mentionable: false,
    permissions: toBig(input.everyonePermissions, DEFAULT_EVERYONE_PERMISSIONS),
  }];
  (input.roles ?? []).forEach((r, i) => roles.push({
    id: r.id ?? snowflake(), name: r.name, permissions: toBig(r.permissions), position: i + 1, mentionable: r.mentionable ?? true,
  }));
  const roleId = (ref: string): string => roles.find((r) => r.name === ref || r.id === ref)?.id ?? ref;
  const channels: Channel[] = (input.channels ?? []).map((c, i) => ({
    id: c.id ?? snowflake(), guildId: id, name: c.name, topic: c.topic ?? null, position: i,
    overwrites: (c.overwrites ?? []).map((o) => ({
      id: o.type === 'role' ? roleId(o.id) : o.id, type: o.type === 'role' ? 0 : 1, allow: toBig(o.allow), deny: toBig(o.deny),
    })),
  }));
  const joinedAt = new Date().toISOString();
  const members: Member[] = (input.members ?? []).map((m) => ({
    user: { id: m.id, username: m.username, bot: m.bot ?? false }, roles: (m.roles ?? []).map(roleId), joinedAt,
  }));
  if (!members.some((m) => m.user.id === botUser.id)) members.push({ user: botUser, roles: [], joinedAt });
  const ownerId = input.ownerId ?? members.find((m) => !m.user.bot)?.user.id ?? botUser.id;
  return { id, name: input.name, ownerId, preferredLocale: input.preferredLocale ?? 'en-US', roles, channels, members };
}

/** Two or three guilds shaped like a fan community: @everyone, a moderator role, an admin and a plain member. */
export function defaultGuilds(): GuildInput[] {
  const names = ['Hyosan High Fan Club', 'Zombie Survivors Lounge', 'K-Drama Watch Party'];
  return names.map((name, i) => {
    // Fixed ids so tests can name users directly: admin 9000000000000001<i>0, viewer 9000000000000001<i>1.
    const admin = `9000000000000001${i}0`;
    const plain = `9000000000000001${i}1`;
    return {
      name,
      ownerId: `80000000000000000${i}`,
      roles: [
        { name: 'Moderators', permissions: Permission.ManageGuild | Permission.ManageMessages },
        { name: 'Spoiler Watchers', permissions: 0n },
      ],
      channels: [
        { name: 'general', topic: 'Chat about the show' },
        { name: 'announcements', overwrites: [{ id: 'Moderators', type: 'role', allow: Permission.SendMessages }] },
        ...(i === 0 ? [{ name: 'read-only', overwrites: [{ id: '@everyone', type: 'role' as const, deny: Permission.SendMessages }] }] : []),
      ],
      members: [
        { id: admin, username: `admin${i}`, roles: ['Moderators'] },
        { id: plain, username: `viewer${i}`, roles: [] },
      ],
    };
  });
}

export function memberOf(guild: Guild, userId: string): Member | undefined {
  return guild.members.find((m) => m.user.id === userId);
}

export function permissionsIn(guild: Guild, channel: Channel | null, userId: string): bigint {
  const roleIds = memberOf(guild, userId)?.roles ?? [];
  const ctx = { guildId: guild.id, ownerId: guild.ownerId, roles: guild.roles };
  return channel ? channelPermissions(ctx, userId, roleIds, channel.overwrites) : basePermissions(ctx, userId, roleIds);
}

// ---- wire shapes -------------------------------------------------------------------------------

export function userJson(u: User): Record<string, unknown> {
  return {
    id: u.id, username: u.username, global_name: u.bot ? null : u.username, discriminator: u.bot ? '0001' : '0',
    avatar: null, bot: u.bot, system: false, public_flags: 0, flags: 0, banner: null, accent_color: null,
  };
}

export function roleJson(r: Role): Record<string, unknown> {
  return {
    id: r.id, name: r.name, color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false, icon: null, unicode_emoji: null, position: r.position, permissions: r.permissions.toString(),
    managed: false, mentionable: r.mentionable, flags: 0,
  };
}

export function channelJson(c: Channel): Record<string, unknown> {
  return {
    id: c.id, type: 0, guild_id: c.guildId, name: c.name, topic: c.topic, position: c.position, nsfw: false,
    parent_id: null, last_message_id: null, rate_limit_per_user: 0, flags: 0,
    permission_overwrites: c.overwrites.map((o) => ({
      id: o.id, type: o.type, allow: o.allow.toString(), deny: o.deny.toString(),
    })),
  };
}

export function memberJson(m: Member): Record<string, unknown> {
  return {
    user: userJson(m.user), nick: null, avatar: null, banner: null, roles: m.roles, joined_at: m.joinedAt,
    premium_since: null, deaf: false, mute: false, flags: 0, pending: false, communication_disabled_until: null,
  };
}

export function guildJson(g: Guild, withMembers = true): Record<string, unknown> {
  const bot = g.members.find((m) => m.user.bot);
  return {
    id: g.id, name: g.name, icon: null, splash: null, discovery_splash: null, owner_id: g.ownerId,
    afk_channel_id: null, afk_timeout: 300, verification_level: 1, default_message_notifications: 1,
    explicit_content_filter: 2, roles: g.roles.map(roleJson), emojis: [], stickers: [], features: [], mfa_level: 0,
    application_id: null, system_channel_id: g.channels[0]?.id ?? null, system_channel_flags: 0,
    rules_channel_id: null, vanity_url_code: null, description: null, banner: null, premium_tier: 0,
    premium_subscription_count: 0, preferred_locale: g.preferredLocale, public_updates_channel_id: null,
    nsfw_level: 0, premium_progress_bar_enabled: false, safety_alerts_channel_id: null,
    ...(withMembers ? {
      joined_at: bot?.joinedAt ?? new Date().toISOString(), large: false, unavailable: false, member_count: g.members.length,
      voice_states: [], members: g.members.map(memberJson), channels: g.channels.map((c) => channelJson(c)),
      threads: [], presences: [], stage_instances: [], guild_scheduled_events: [], soundboard_sounds: [],
    } : {}),
  };
}

export function messageJson(m: StoredMessage, author: User, mentionedUsers: User[]): Record<string, unknown> {
  return {
    id: m.id, channel_id: m.channelId, ...(m.guildId ? { guild_id: m.guildId } : {}), author: userJson(author),
    content: m.content, timestamp: m.createdAt, edited_timestamp: m.editedAt, tts: false,
    mention_everyone: m.pings.everyone || m.pings.here, mentions: mentionedUsers.map(userJson), mention_roles: m.pings.roles,
    attachments: [], embeds: m.embeds, components: m.components, pinned: false, type: m.interactionId ? 20 : 0,
    flags: m.flags, ...(m.nonce !== null ? { nonce: m.nonce } : {}),
    ...(m.interactionId ? { webhook_id: author.id, application_id: author.id } : {}),
  };
}
