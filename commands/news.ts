import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { newsEntry } from '../src/discord/format/news-view.ts';
import { say } from '../src/discord/format/say.ts';
import { DISCORD_LIMITS, fitLines, moreLine } from '../src/discord/format/text.ts';
import { lastCheckedLine } from '../src/discord/format/timestamps.ts';

export default {
  data: new SlashCommandBuilder()
    .setName('news')
    .setNameLocalizations({ ko: '소식' })
    .setDescription('The latest articles about the show and what each one said')
    .setDescriptionLocalizations({ ko: '작품에 관한 최신 기사와 각 기사의 내용' })
    .addIntegerOption((o) => o
      .setName('count')
      .setNameLocalizations({ ko: '개수' })
      .setDescription('How many articles (1–10)')
      .setDescriptionLocalizations({ ko: '기사 수 (1–10)' })
      .setMinValue(1)
      .setMaxValue(10)),
  async execute(interaction, services) {
    const count = interaction.options.getInteger('count') ?? 5;
    const [items, lastCheckedAt] = await Promise.all([services.facts.recentNews(count), services.facts.lastCheckedAt()]);
    const show = services.facts.show();
    const locale = interaction.locale;
    const body = items.length === 0
      ? say(locale, { en: 'No articles about the show yet.', ko: '아직 작품에 관한 기사가 없습니다.' })
      : fitLines(items.map((item) => newsEntry(item, locale)), DISCORD_LIMITS.description - 100, moreLine(locale));
    const title = say(locale, { en: `${show.title} — latest news`, ko: `${show.koreanTitle ?? show.title} 최신 소식` });
    await interaction.reply({
      embeds: [{ title, description: `${body}\n\n${lastCheckedLine(lastCheckedAt, locale)}`, color: 0x3498db }],
    });
  },
} satisfies Command;
