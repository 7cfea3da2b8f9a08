/**
 * Admin commands are hidden from members by default_member_permissions, but a server can
 * re-grant any command to anyone in its integration settings. So the permission is checked
 * again on every run, from what Discord says the member holds in this channel.
 */
import { PermissionFlagsBits, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { UserFacingError } from '../shared/errors.ts';

export function requireManageGuild(interaction: ChatInputCommandInteraction | AutocompleteInteraction): string {
  if (!interaction.inGuild()) {
    throw new UserFacingError('guild-only', 'This command only works inside a server.');
  }
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserFacingError('not-admin', `You need the **Manage Server** permission to use /${interaction.commandName}.`);
  }
  return interaction.guildId;
}
