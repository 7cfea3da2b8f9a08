import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { requireManageGuild } from '../src/discord/admin-guard.ts';
import type { Command } from '../src/discord/command.ts';
import { checkReportLines, feedLabel, feedLine } from '../src/discord/format/feed-view.ts';
import { say } from '../src/discord/format/say.ts';
import { DISCORD_LIMITS, fitLines, moreLine } from '../src/discord/format/text.ts';

const URL_MAX = 500;

export default {
  ephemeral: true,
  data: new SlashCommandBuilder()
    .setName('feeds')
    .setNameLocalizations({ ko: '피드' })
    .setDescription('Manage the news feeds this server follows')
    .setDescriptionLocalizations({ ko: '이 서버가 구독하는 뉴스 피드 관리' })
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) => s
      .setName('add').setNameLocalizations({ ko: '추가' })
      .setDescription('Follow a feed (RSS or Atom)').setDescriptionLocalizations({ ko: '피드 구독 (RSS 또는 Atom)' })
      .addStringOption((o) => o.setName('url').setNameLocalizations({ ko: '주소' })
        .setDescription('The feed address').setDescriptionLocalizations({ ko: '피드 주소' })
        .setRequired(true).setMaxLength(URL_MAX)))
    .addSubcommand((s) => s
      .setName('remove').setNameLocalizations({ ko: '삭제' })
      .setDescription('Stop following a feed this server added').setDescriptionLocalizations({ ko: '이 서버가 추가한 피드 구독 해제' })
      .addStringOption((o) => o.setName('url').setNameLocalizations({ ko: '주소' })
        .setDescription('The feed address').setDescriptionLocalizations({ ko: '피드 주소' })
        .setRequired(true).setMaxLength(URL_MAX).setAutocomplete(true)))
    .addSubcommand((s) => s
      .setName('list').setNameLocalizations({ ko: '목록' })
      .setDescription('Every feed this server follows, with its health').setDescriptionLocalizations({ ko: '구독 중인 피드와 상태' }))
    .addSubcommand((s) => s
      .setName('test').setNameLocalizations({ ko: '시험' })
      .setDescription('Read a feed once and show what Hyosan would make of it').setDescriptionLocalizations({ ko: '피드를 한 번 읽고 결과 보기 (저장 안 함)' })
      .addStringOption((o) => o.setName('url').setNameLocalizations({ ko: '주소' })
        .setDescription('The feed address').setDescriptionLocalizations({ ko: '피드 주소' })
        .setRequired(true).setMaxLength(URL_MAX))),

  async execute(interaction, services) {
    const guildId = requireManageGuild(interaction);
    const sub = interaction.options.getSubcommand(true);
    const ephemeral = MessageFlags.Ephemeral;
    const locale = interaction.locale;

    if (sub === 'list') {
      const feeds = await services.feeds.list(guildId);
      const body = feeds.length
        ? fitLines(feeds.map((f) => feedLine(f, locale)), DISCORD_LIMITS.description, moreLine(locale))
        : say(locale, { en: 'No feeds yet. Add one with /feeds add.', ko: '아직 피드가 없습니다. /피드 추가 로 더하세요.' });
      const title = say(locale, { en: `Feeds (${feeds.length})`, ko: `피드 (${feeds.length})` });
      await interaction.reply({ embeds: [{ title, description: body, color: 0x3498db }], flags: ephemeral });
      return;
    }
    if (sub === 'remove') {
      const url = interaction.options.getString('url', true).trim();
      await services.feeds.remove(guildId, url);
      await interaction.reply({ content: say(locale, { en: `Removed ${feedLabel(url)}.`, ko: `${feedLabel(url)} 구독을 해제했습니다.` }), flags: ephemeral });
      return;
    }
    // Adding and testing fetch the feed, which can take seconds: acknowledge first.
    const url = interaction.options.getString('url', true).trim();
    await interaction.deferReply({ flags: ephemeral });
    if (sub === 'add') {
      const { feed, itemCount } = await services.feeds.add(guildId, url);
      await interaction.editReply({
        content: say(locale, {
          en: `Now following ${feedLabel(feed.url, feed.title)} (${itemCount} item(s) read). Its articles older than 30 days are taken as already known; newer ones count as news and can cause alerts.`,
          ko: `이제 ${feedLabel(feed.url, feed.title)} 을(를) 구독합니다 (항목 ${itemCount}개 읽음). 30일보다 오래된 기사는 이미 아는 소식으로 치고, 그보다 새 기사는 소식으로 보아 알림이 갈 수 있습니다.`,
        }),
      });
      return;
    }
    const report = await services.feeds.test(url);
    await interaction.editReply({
      embeds: [{
        title: say(locale, { en: 'Feed test (nothing stored)', ko: '피드 시험 (저장 안 함)' }),
        description: fitLines(checkReportLines(report, 8, locale), DISCORD_LIMITS.description, moreLine(locale)),
        color: report.error ? 0xe74c3c : 0x2ecc71,
      }],
    });
  },

  async autocomplete(interaction, services) {
    // A member without the permission gets no suggestions: the list of a server's feeds is admin information.
    if (!interaction.inGuild() || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      await interaction.respond([]);
      return;
    }
    const typed = interaction.options.getFocused().toLowerCase();
    const feeds = await services.feeds.list(interaction.guildId);
    const own = feeds.filter((f) => f.addedBy.includes(interaction.guildId) && f.url.length <= 100);
    await interaction.respond(own
      .filter((f) => f.url.toLowerCase().includes(typed) || (f.title ?? '').toLowerCase().includes(typed))
      .slice(0, 25)
      .map((f) => ({ name: (f.title ? `${f.title} — ${f.url}` : f.url).slice(0, 100), value: f.url })));
  },
} satisfies Command;
