import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { statusView } from '../src/discord/format/status-view.ts';

export default {
  data: new SlashCommandBuilder()
    .setName('status')
    .setNameLocalizations({ ko: '제작현황' })
    .setDescription('Production timeline: renewed, filming, wrapped, post-production, release')
    .setDescriptionLocalizations({ ko: '제작 진행 상황: 제작 확정, 촬영, 촬영 종료, 후반 작업, 공개' }),
  async execute(interaction, services) {
    const { facts } = services;
    const [renewal, production, release, productionHistory, renewalHistory, lastCheckedAt] = await Promise.all([
      facts.current('renewal'), facts.current('production'), facts.current('release'),
      facts.history('production', 50), facts.history('renewal', 20), facts.lastCheckedAt(),
    ]);
    await interaction.reply(statusView({
      show: facts.show(),
      renewal: renewal[0],
      production: production[0],
      release: release[0],
      history: [...productionHistory, ...renewalHistory],
      lastCheckedAt,
      locale: interaction.locale,
    }));
  },
} satisfies Command;
