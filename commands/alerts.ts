import {
  ChannelType, InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder,
  type ChatInputCommandInteraction, type SlashCommandSubcommandBuilder,
} from 'discord.js';
import { describeConfidence, describeKind } from '../src/alerts/describe-value.ts';
import { isLanguage } from '../src/alerts/language.ts';
import { requireManageGuild } from '../src/discord/admin-guard.ts';
import { canReadHistory, koreanPermissionName, missingAlertPermissions } from '../src/discord/channel-check.ts';
import type { Command } from '../src/discord/command.ts';
import { say } from '../src/discord/format/say.ts';
import { deliveryLines } from '../src/discord/format/delivery-view.ts';
import { settingsLines } from '../src/discord/format/settings-view.ts';
import type { BotServices } from '../src/services/types.ts';
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
    throw new UserFacingError('bot-not-in-guild', say(interaction.locale, {
      en: 'Hyosan has to be a member of this server to post alerts. Invite the bot, then try again.',
      ko: '알림을 올리려면 Hyosan이 이 서버의 멤버여야 합니다. 봇을 초대한 뒤 다시 시도하세요.',
    }));
  }
  return interaction.guild;
}

function bolded(names: string[]): string {
  return names.map((m) => `**${m}**`).join(', ');
}

type Handler = (interaction: ChatInputCommandInteraction, services: BotServices, guildId: string) => Promise<string | undefined>;

const handlers: Record<string, Handler> = {
  async channel(interaction, services, guildId) {
    const locale = interaction.locale;
    const picked = interaction.options.getChannel('channel', true, [ChannelType.GuildText, ChannelType.GuildAnnouncement]);
    const guild = guildOf(interaction);
    const channel = guild.channels.cache.get(picked.id) ?? (await guild.channels.fetch(picked.id).catch(() => null));
    if (!channel) {
      throw new UserFacingError('unknown-channel', say(locale, {
        en: 'That channel could not be found. Pick it again from the list.',
        ko: '그 채널을 찾을 수 없습니다. 목록에서 다시 고르세요.',
      }));
    }
    const missing = await missingAlertPermissions(guild, channel);
    if (missing === undefined) {
      await services.alerts.update(guildId, { alertChannelId: channel.id });
      return say(locale, {
        en: `Alerts will be posted in <#${channel.id}>. I could not check my own permissions there: if no alert arrives, make sure I have **View Channel**, **Send Messages** and **Embed Links** in it.`,
        ko: `알림을 <#${channel.id}> 에 올립니다. 그 채널에서 제 권한을 확인하지 못했습니다. 알림이 오지 않으면 **채널 보기**, **메시지 보내기**, **링크 첨부** 권한이 있는지 확인하세요.`,
      });
    }
    if (missing.length > 0) {
      throw new UserFacingError('missing-permissions', say(locale, {
        en: `I can't post alerts in <#${channel.id}>: I'm missing ${bolded(missing)} there. ` +
          'Give Hyosan these permissions in the channel settings (or its category), then run /alerts channel again.',
        ko: `<#${channel.id}> 에 알림을 올릴 수 없습니다. 그 채널에서 ${bolded(missing.map(koreanPermissionName))} 권한이 없습니다. ` +
          '채널(또는 카테고리) 설정에서 Hyosan에게 이 권한을 준 뒤 /알림 채널 을 다시 실행하세요.',
      }));
    }
    await services.alerts.update(guildId, { alertChannelId: channel.id });
    if ((await canReadHistory(guild, channel)) === false) {
      return say(locale, {
        en: `Alerts will be posted in <#${channel.id}>. Tip: give Hyosan **Read Message History** there too, so that after an outage it can check whether an alert already arrived instead of holding it back.`,
        ko: `알림을 <#${channel.id}> 에 올립니다. 팁: 그 채널에 **메시지 기록 보기** 권한도 주면, 장애 뒤에 알림이 이미 올라갔는지 확인하고 보류하지 않습니다.`,
      });
    }
    return say(locale, { en: `Alerts will be posted in <#${channel.id}>.`, ko: `알림을 <#${channel.id}> 에 올립니다.` });
  },
  async role(interaction, services, guildId) {
    const locale = interaction.locale;
    const role = interaction.options.getRole('role');
    if (!role) {
      await services.alerts.update(guildId, { pingRoleId: null });
      return say(locale, { en: 'Alerts will not ping any role.', ko: '알림 때 아무 역할도 멘션하지 않습니다.' });
    }
    if (role.id === guildId) {
      throw new UserFacingError('everyone-role', say(locale, {
        en: 'Pick a role, not @everyone: alerts never ping everyone.',
        ko: '@everyone 말고 역할을 고르세요. 알림은 모두를 멘션하지 않습니다.',
      }));
    }
    await services.alerts.update(guildId, { pingRoleId: role.id });
    const me = interaction.guild?.members.me;
    const canPing = role.mentionable || (me?.permissions.has(PermissionFlagsBits.MentionEveryone) ?? false);
    return canPing
      ? say(locale, { en: `Alerts will ping <@&${role.id}>.`, ko: `알림 때 <@&${role.id}> 을(를) 멘션합니다.` })
      : say(locale, {
        en: `Alerts will mention <@&${role.id}>, but the role is not mentionable and Hyosan lacks **Mention @everyone, @here and All Roles**, so members will not be notified. Make the role mentionable to fix that.`,
        ko: `알림에 <@&${role.id}> 을(를) 적지만, 이 역할은 멘션할 수 없게 설정되어 있고 Hyosan에게 **@everyone, @here, 모든 역할 멘션하기** 권한이 없어 멤버에게 알림이 가지 않습니다. 역할 설정에서 멘션을 허용하세요.`,
      });
  },
  async kinds(interaction, services, guildId) {
    const picked = new Set<string>();
    for (let i = 1; i <= KIND_SLOTS; i += 1) {
      const v = interaction.options.getString(`kind-${i}`);
      if (v) picked.add(v);
    }
    const kinds: FactKind[] = picked.has('all') ? [...FACT_KINDS] : FACT_KINDS.filter((k) => picked.has(k));
    await services.alerts.update(guildId, { kinds });
    const names = kinds.map((k) => (k === 'release' ? say(interaction.locale, { en: 'Release', ko: '공개일' }) : describeKind(k, '', interaction.locale)));
    return say(interaction.locale, { en: `Alerts about: ${names.join(', ')}.`, ko: `알림 받을 종류: ${names.join(', ')}.` });
  },
  async confidence(interaction, services, guildId) {
    const min = interaction.options.getString('min', true) as Confidence;
    if (!CONFIDENCES.includes(min)) {
      throw new UserFacingError('bad-confidence', say(interaction.locale, { en: 'Pick one of the listed confidence levels.', ko: '목록에 있는 신뢰도 중 하나를 고르세요.' }));
    }
    await services.alerts.update(guildId, { minConfidence: min });
    const badge = describeConfidence(min, interaction.locale);
    return say(interaction.locale, { en: `Alerts for facts at least ${badge}.`, ko: `${badge} 이상인 사실만 알립니다.` });
  },
  async language(interaction, services, guildId) {
    const choice = interaction.options.getString('language', true);
    if (choice !== 'auto' && !isLanguage(choice)) {
      throw new UserFacingError('bad-language', say(interaction.locale, { en: 'Pick English, Korean or automatic.', ko: 'English, 한국어, 자동 중에서 고르세요.' }));
    }
    const result = await services.alerts.setLanguage(guildId, choice);
    const en = result.language === 'ko' ? 'Korean' : 'English';
    const ko = result.language === 'ko' ? '한국어' : '영어';
    return result.chosen
      ? say(interaction.locale, { en: `Alerts will be written in ${en}.`, ko: `알림을 ${ko}로 씁니다.` })
      : say(interaction.locale, {
        en: `Alerts follow the server's language (Server Settings → Community → Overview): ${en} for now.`,
        ko: `알림은 서버 언어(서버 설정 → 커뮤니티 → 개요)를 따릅니다. 지금은 ${ko}입니다.`,
      });
  },
  async pause(interaction, services, guildId) {
    await services.alerts.update(guildId, { paused: true });
    return say(interaction.locale, {
      en: 'Alerts paused. Nothing is lost: /alerts resume picks up with news from then on.',
      ko: '알림을 일시 중지했습니다. 설정은 그대로이며, /알림 재개 후의 소식부터 다시 알립니다.',
    });
  },
  async resume(interaction, services, guildId) {
    await services.alerts.update(guildId, { paused: false });
    return say(interaction.locale, { en: 'Alerts resumed.', ko: '알림을 다시 시작했습니다.' });
  },
  async show(interaction, services, guildId) {
    const [settings, language, status] = await Promise.all([services.alerts.get(guildId), services.alerts.language(guildId), services.alerts.deliveryStatus(guildId)]);
    return [...settingsLines(settings, language, interaction.locale), ...deliveryLines(status, interaction.locale)].join('\n');
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
      .setName('language').setNameLocalizations({ ko: '언어' })
      .setDescription('The language alerts are written in').setDescriptionLocalizations({ ko: '알림에 쓸 언어' })
      .addStringOption((o) => o.setName('language').setNameLocalizations({ ko: '언어' })
        .setDescription("English, Korean, or automatic (the server's language)").setDescriptionLocalizations({ ko: 'English, 한국어, 또는 자동 (서버 언어)' })
        .setRequired(true)
        .addChoices(
          { name: 'English', value: 'en' },
          { name: '한국어 (Korean)', value: 'ko' },
          { name: "automatic (the server's language)", name_localizations: { ko: '자동 (서버 언어)' }, value: 'auto' },
        )))
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
      const message = await services.alerts.preview(guildId, interaction.locale);
      await interaction.reply({
        content: message.content || undefined, embeds: message.embeds, allowedMentions: { parse: [] }, flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const handler = handlers[sub];
    if (!handler) {
      throw new UserFacingError('unknown-subcommand', say(interaction.locale, {
        en: `/alerts ${sub} is not known to this version of Hyosan.`,
        ko: `/알림 ${sub} 은(는) 이 버전의 Hyosan에 없는 명령입니다.`,
      }));
    }
    const text = await handler(interaction, services, guildId);
    // Replies name the role and channel; naming is not pinging.
    await interaction.reply({ content: text, allowedMentions: { parse: [] }, flags: MessageFlags.Ephemeral });
  },
} satisfies Command;
