/**
 * Admin commands are hidden from members by default_member_permissions, but a server can
 * re-grant any command to anyone in its integration settings. So the permission is checked
 * again on every run, from what Discord says the member holds in this channel.
 */
import { GuildMember, PermissionFlagsBits, type AutocompleteInteraction, type ChatInputCommandInteraction, type PermissionsBitField } from 'discord.js';
import { UserFacingError } from '../shared/errors.ts';
import { say } from './format/say.ts';

/**
 * Discord sends the member's permissions with every interaction; a gateway that leaves them out
 * (a proxy, an emulator) still sends the member's roles, so they are worked out from the cached
 * roles rather than refusing every admin.
 */
function permissionsOf(interaction: ChatInputCommandInteraction | AutocompleteInteraction): Readonly<PermissionsBitField> | null {
  if (interaction.memberPermissions) return interaction.memberPermissions;
  return interaction.member instanceof GuildMember ? interaction.member.permissions : null;
}

export function requireManageGuild(interaction: ChatInputCommandInteraction | AutocompleteInteraction): string {
  if (!interaction.inGuild()) {
    throw new UserFacingError('guild-only', say(interaction.locale, { en: 'This command only works inside a server.', ko: '이 명령은 서버 안에서만 쓸 수 있습니다.' }));
  }
  if (!permissionsOf(interaction)?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserFacingError('not-admin', say(interaction.locale, {
      en: `You need the **Manage Server** permission to use /${interaction.commandName}.`,
      ko: `/${interaction.commandName} 을(를) 쓰려면 **서버 관리하기** 권한이 필요합니다.`,
    }));
  }
  return interaction.guildId;
}
