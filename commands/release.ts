import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { releaseView } from '../src/discord/format/release-view.ts';

export default {
  data: new SlashCommandBuilder()
    .setName('release')
    .setNameLocalizations({ ko: '공개일' })
    .setDescription('When season 2 comes out: the best-known date or window, how sure, and who says so')
    .setDescriptionLocalizations({ ko: '시즌 2 공개일: 가장 확실한 날짜나 시기, 신뢰도, 출처' }),
  async execute(interaction, services) {
    const [facts, news, lastCheckedAt] = await Promise.all([
      services.facts.current('release'),
      services.facts.recentNews(3),
      services.facts.lastCheckedAt(),
    ]);
    await interaction.reply(releaseView({ show: services.facts.show(), facts, news, lastCheckedAt, locale: interaction.locale }));
  },
} satisfies Command;
