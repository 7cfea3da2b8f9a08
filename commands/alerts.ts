import {
  ChannelType, InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder,
  type ChatInputCommandInteraction, type SlashCommandSubcommandBuilder,
} from 'discord.js';
import { describeConfidence } from '../src/alerts/describe-value.ts';
import { requireManageGuild } from '../src/discord/admin-guard.ts';
import { canReadHistory, missingAlertPermissions } from '../src/discord/channel-check.ts';
import type { Command } from '../src/discord/command.ts';
import { settingsLines } from '../src/discord/format/settings-view.ts';
import { safeInline, truncate } from '../src/discord/format/text.ts';
import { timestampOf } from '../src/discord/format/timestamps.ts';
import type { BotServices, DeliveryStatus } from '../src/services/types.ts';
import { CONFIDENCES, FACT_KINDS, type Confidence, type FactKind } from '../src/facts/types.ts';
import { UserFacingError } from '../src/shared/errors.ts';

const KIND_SLOTS = 7;
const KIND_CHOICES = [{ name: 'all kinds', value: 'all' }, ...FACT_KINDS.map((k) => ({ name: k, value: k }))];

function addKindOptions(s: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder {
  for (let i = 1; i <= KIND_SLOTS; i += 1) {
    s.addStringOption((o) => o
      .setName(`kind-${i}`).setNameLocalizations({ ko: `종류-${i}` })
      .setDescription(i === 1 ? 'A kind of fact to alert on' : 'Another kind')
      .setDescriptionLocalizations({ ko: i === 1 ? '알림 받을 사실의 종류' : '다른 종류' })
      .setRequired(i === 1)
      .addChoices(...KIND_CHOICES));
  }
  return s;
}

function guildOf(interaction: ChatInputCommandInteraction) {
  if (!interaction.guild) {
    throw new UserFacingError('bot-not-in-guild', 'Hyosan has to be a member of this server to post alerts. Invite the bot, then try again.');
  }
  return interaction.guild;
}

/** What /alerts show adds about alerts on their way: how many, since when, why, and the next try. */
function deliveryLines(status: DeliveryStatus): string[] {
  const lines: string[] = [];
  if (status.waiting > 0) {
    const since = timestampOf(status.waitingSince, 'R');
    const count = status.waiting === 1 ? '1 alert is' : `${status.waiting} alerts are`;
    lines.push(`⏳ ${count} waiting to be posted${since ? ` (the oldest since ${since})` : ''}.`);
    if (status.reason) {
      const next = timestampOf(status.nextAttemptAt, 'R');
      lines.push(`Why: ${safeInline(status.reason, 300)}.${next ? ` Next try ${next}; nothing is lost meanwhile.` : ''}`);
    }
  }
  if (status.problem) {
    const at = timestampOf(status.problem.at, 'f');
    // Hyosan's own words, with a channel mention meant to render: cut, not escaped.
    lines.push(`⚠️ ${at ? `${at}: ` : ''}${truncate(status.problem.text, 400)} Give Hyosan **Read Message History** in the alert channel so it can check next time.`);
  }
  return lines;
}

type Handler = (interaction: ChatInputCommandInteraction, services: BotServices, guildId: string) => Promise<string | undefined>;

const handlers: Record<string, Handler> = {
  async channel(interaction, services, guildId) {
    const picked = interaction.options.getChannel('channel', true, [ChannelType.GuildText, ChannelType.GuildAnnouncement]);
    const guild = guildOf(interaction);
    const channel = guild.channels.cache.get(picked.id) ?? (await guild.channels.fetch(picked.id).catch(() => null));
    if (!channel) throw new UserFacingError('unknown-channel', 'That channel could not be found. Pick it again from the list.');
    const missing = await missingAlertPermissions(guild, channel);
    if (missing === undefined) {
      await services.alerts.update(guildId, { alertChannelId: channel.id });
      return `Alerts will be posted in <#${channel.id}>. I could not check my own permissions there: if no alert arrives, make sure I have **View Channel**, **Send Messages** and **Embed Links** in it.`;
    }
    if (missing.length > 0) {
      throw new UserFacingError('missing-permissions',
        `I can't post alerts in <#${channel.id}>: I'm missing ${missing.map((m) => `**${m}**`).join(', ')} there. ` +
        'Give Hyosan these permissions in the channel settings (or its category), then run /alerts channel again.');
    }
    await services.alerts.update(guildId, { alertChannelId: channel.id });
    if ((await canReadHistory(guild, channel)) === false) {
      return `Alerts will be posted in <#${channel.id}>. Tip: give Hyosan **Read Message History** there too, so that after an outage it can check whether an alert already arrived instead of holding it back.`;
    }
    return `Alerts will be posted in <#${channel.id}>.`;
  },
  async role(interaction, services, guildId) {
    const role = interaction.options.getRole('role');
    if (!role) {
      await services.alerts.update(guildId, { pingRoleId: null });
      return 'Alerts will not ping any role.';
    }
    if (role.id === guildId) throw new UserFacingError('everyone-role', 'Pick a role, not @everyone: alerts never ping everyone.');
    await services.alerts.update(guildId, { pingRoleId: role.id });
    const me = interaction.guild?.members.me;
    const canPing = role.mentionable || (me?.permissions.has(PermissionFlagsBits.MentionEveryone) ?? false);
    return canPing
      ? `Alerts will ping <@&${role.id}>.`
      : `Alerts will mention <@&${role.id}>, but the role is not mentionable and Hyosan lacks **Mention @everyone, @here and All Roles**, so members will not be notified. Make the role mentionable to fix that.`;
  },
  async kinds(interaction, services, guildId) {
    const picked = new Set<string>();
    for (let i = 1; i <= KIND_SLOTS; i += 1) {
      const v = interaction.options.getString(`kind-${i}`);
      if (v) picked.add(v);
    }
    const kinds: FactKind[] = picked.has('all') ? [...FACT_KINDS] : FACT_KINDS.filter((k) => picked.has(k));
    await services.alerts.update(guildId, { kinds });
    return `Alerts about: ${kinds.join(', ')}.`;
  },
  async confidence(interaction, services, guildId) {
    const min = interaction.options.getString('min', true) as Confidence;
    if (!CONFIDENCES.includes(min)) throw new UserFacingError('bad-confidence', 'Pick one of the listed confidence levels.');
    await services.alerts.update(guildId, { minConfidence: min });
    return `Alerts for facts at least ${describeConfidence(min)}.`;
  },
  async pause(_interaction, services, guildId) {
    await services.alerts.update(guildId, { paused: true });
    return 'Alerts paused. Nothing is lost: /alerts resume picks up with news from then on.';
  },
  async resume(_interaction, services, guildId) {
    await services.alerts.update(guildId, { paused: false });
    return 'Alerts resumed.';
  },
  async show(_interaction, services, guildId) {
    const [settings, status] = await Promise.all([services.alerts.get(guildId), services.alerts.deliveryStatus(guildId)]);
    return [...settingsLines(settings), ...deliveryLines(status)].join('\n');
  },
};

export default {
  ephemeral: true,
  data: new SlashCommandBuilder()
    .setName('alerts')
    .setNameLocalizations({ ko: '알림' })
    .setDescription('Where and when Hyosan posts alerts in this server')
    .setDescriptionLocalizations({ ko: '이 서버에서 알림을 올릴 채널과 조건' })
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) => s
      .setName('channel').setNameLocalizations({ ko: '채널' })
      .setDescription('The channel alerts are posted in').setDescriptionLocalizations({ ko: '알림을 올릴 채널' })
      .addChannelOption((o) => o.setName('channel').setNameLocalizations({ ko: '채널' })
        .setDescription('A text or announcement channel').setDescriptionLocalizations({ ko: '텍스트 또는 공지 채널' })
        .setRequired(true).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement)))
    .addSubcommand((s) => s
      .setName('role').setNameLocalizations({ ko: '역할' })
      .setDescription('The role alerts ping; leave empty for none').setDescriptionLocalizations({ ko: '알림 때 멘션할 역할 (비우면 없음)' })
      .addRoleOption((o) => o.setName('role').setNameLocalizations({ ko: '역할' })
        .setDescription('The role to ping').setDescriptionLocalizations({ ko: '멘션할 역할' })))
    .addSubcommand((s) => addKindOptions(s
      .setName('kinds').setNameLocalizations({ ko: '종류' })
      .setDescription('Which kinds of fact cause alerts').setDescriptionLocalizations({ ko: '알림을 보낼 사실의 종류' })))
    .addSubcommand((s) => s
      .setName('confidence').setNameLocalizations({ ko: '신뢰도' })
      .setDescription('The least sure a fact may be and still cause an alert').setDescriptionLocalizations({ ko: '알림을 보낼 최소 신뢰도' })
      .addStringOption((o) => o.setName('min').setNameLocalizations({ ko: '최소' })
        .setDescription('Minimum confidence').setDescriptionLocalizations({ ko: '최소 신뢰도' })
        .setRequired(true).addChoices(...CONFIDENCES.map((c) => ({ name: c, value: c })))))
    .addSubcommand((s) => s
      .setName('pause').setNameLocalizations({ ko: '일시정지' })
      .setDescription('Stop posting alerts for now').setDescriptionLocalizations({ ko: '알림 일시 중지' }))
    .addSubcommand((s) => s
      .setName('resume').setNameLocalizations({ ko: '재개' })
      .setDescription('Post alerts again').setDescriptionLocalizations({ ko: '알림 다시 시작' }))
    .addSubcommand((s) => s
      .setName('preview').setNameLocalizations({ ko: '미리보기' })
      .setDescription('See what an alert looks like here').setDescriptionLocalizations({ ko: '알림 모양 미리 보기' }))
    .addSubcommand((s) => s
      .setName('show').setNameLocalizations({ ko: '설정' })
      .setDescription('The current alert settings').setDescriptionLocalizations({ ko: '현재 알림 설정' })),

  async execute(interaction, services) {
    const guildId = requireManageGuild(interaction);
    const sub = interaction.options.getSubcommand(true);
    if (sub === 'preview') {
      const message = await services.alerts.preview(guildId);
      await interaction.reply({
        content: message.content || undefined, embeds: message.embeds, allowedMentions: { parse: [] }, flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const handler = handlers[sub];
    if (!handler) throw new UserFacingError('unknown-subcommand', `/alerts ${sub} is not known to this version of Hyosan.`);
    const text = await handler(interaction, services, guildId);
    await interaction.reply({ content: text ?? 'Done.', flags: MessageFlags.Ephemeral });
  },
} satisfies Command;
