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
    // The facts are read once and split here: three reads of the same list cost three times the memory.
    const [current, productionHistory, renewalHistory, lastCheckedAt] = await Promise.all([
      facts.current(), facts.history('production', 50), facts.history('renewal', 20), facts.lastCheckedAt(),
    ]);
    const first = (kind: string) => current.find((f) => f.kind === kind);
    await interaction.reply(statusView({
      show: facts.show(),
      renewal: first('renewal'),
      production: first('production'),
      release: first('release'),
      history: [...productionHistory, ...renewalHistory],
      lastCheckedAt,
      locale: interaction.locale,
    }));
  },
} satisfies Command;
