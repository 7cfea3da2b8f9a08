import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { confidenceLegend } from '../src/discord/format/confidence.ts';

const LINES = [
  '`/release` — the season 2 release date or window, how sure it is, and the sources',
  '`/cast [person]` — returning, new and departed cast; or one person in any spelling',
  '`/status` — the production timeline with dates and sources',
  '`/news [count]` — the latest articles and what each said',
  '`/history [kind]` — how the facts changed over time',
  '',
  'For server admins (Manage Server):',
  '`/feeds add | remove | list | test` — the news feeds this server follows',
  '`/alerts channel | role | kinds | confidence | pause | resume | preview | show` — where and when alerts are posted',
  '',
  `How sure: ${confidenceLegend()}`,
  'Hyosan posts one alert when a fact changes, with every source under it — not one per article.',
];

export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setNameLocalizations({ ko: '도움말' })
    .setDescription('What Hyosan can tell you and how sure it is')
    .setDescriptionLocalizations({ ko: '효산 봇이 알려 주는 것과 신뢰도 표시' }),
  async execute(interaction, services) {
    const show = services.facts.show();
    const korean = show.koreanTitle ? ` (${show.koreanTitle})` : '';
    await interaction.reply({ embeds: [{ title: `Hyosan — ${show.title}${korean}`, description: LINES.join('\n'), color: 0x2ecc71 }] });
  },
} satisfies Command;
