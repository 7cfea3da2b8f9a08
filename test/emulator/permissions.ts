/**
 * Discord's permission arithmetic: guild base permissions from roles, then channel overwrites in
 * the documented order (@everyone, roles, member). Kept apart so both REST checks and the
 * interaction payloads (`member.permissions`, `app_permissions`) agree on one answer.
 */

export const Permission = {
  CreateInstantInvite: 1n << 0n,
  KickMembers: 1n << 1n,
  BanMembers: 1n << 2n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  ManageRoles: 1n << 28n,
  ManageWebhooks: 1n << 29n,
  UseApplicationCommands: 1n << 31n,
  SendMessagesInThreads: 1n << 38n,
} as const;

/** Every bit Discord currently defines (up to bit 50); what an owner or administrator holds. */
export const ALL_PERMISSIONS = (1n << 51n) - 1n;

/** What a fresh @everyone role gets in a new guild, roughly. */
export const DEFAULT_EVERYONE_PERMISSIONS =
  Permission.CreateInstantInvite | Permission.AddReactions | Permission.ViewChannel | Permission.SendMessages |
  Permission.EmbedLinks | Permission.AttachFiles | Permission.ReadMessageHistory | Permission.UseExternalEmojis |
  Permission.UseApplicationCommands | Permission.SendMessagesInThreads;

export interface PermissionRole { id: string; permissions: bigint }
export interface PermissionOverwrite { id: string; type: 0 | 1; allow: bigint; deny: bigint }

export interface PermissionContext {
  guildId: string;
  ownerId: string;
  roles: readonly PermissionRole[];
}

export function basePermissions(ctx: PermissionContext, userId: string, memberRoleIds: readonly string[]): bigint {
  if (userId === ctx.ownerId) return ALL_PERMISSIONS;
  const everyone = ctx.roles.find((r) => r.id === ctx.guildId);
  let perms = everyone?.permissions ?? 0n;
  for (const roleId of memberRoleIds) {
    const role = ctx.roles.find((r) => r.id === roleId);
    if (role) perms |= role.permissions;
  }
  if (perms & Permission.Administrator) return ALL_PERMISSIONS;
  return perms;
}

export function channelPermissions(
  ctx: PermissionContext,
  userId: string,
  memberRoleIds: readonly string[],
  overwrites: readonly PermissionOverwrite[],
): bigint {
  let perms = basePermissions(ctx, userId, memberRoleIds);
  if (perms & Permission.Administrator || perms === ALL_PERMISSIONS) return ALL_PERMISSIONS;
  const everyone = overwrites.find((o) => o.id === ctx.guildId);
  if (everyone) perms = (perms & ~everyone.deny) | everyone.allow;
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites) {
    if (o.type === 0 && o.id !== ctx.guildId && memberRoleIds.includes(o.id)) {
      allow |= o.allow;
      deny |= o.deny;
    }
  }
  perms = (perms & ~deny) | allow;
  const member = overwrites.find((o) => o.type === 1 && o.id === userId);
  if (member) perms = (perms & ~member.deny) | member.allow;
  // Without View Channel nothing else in the channel is usable, as on Discord.
  if (!(perms & Permission.ViewChannel)) return 0n;
  return perms;
}
