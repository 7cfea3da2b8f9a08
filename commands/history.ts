import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { historyView } from '../src/discord/format/history-view.ts';
import { FACT_KINDS, type FactKind } from '../src/facts/types.ts';

const KIND_NAMES_KO: Record<FactKind, string> = {
  renewal: '제작 확정', production: '제작 단계', release: '공개일', cast: '출연진', crew: '제작진', episodes: '회차 수', platform: '플랫폼',
};

/** Entries shown; older ones are counted ("… and N more"). */
const HISTORY_SHOWN = 15;
/** Entries read to sort and count; far more than the show has had. */
const HISTORY_READ = 500;

export default {
  data: new SlashCommandBuilder()
    .setName('history')
    .setNameLocalizations({ ko: '기록' })
    .setDescription('How the known facts changed over time, newest first')
    .setDescriptionLocalizations({ ko: '알려진 사실이 바뀐 기록 (최신순)' })
    .addStringOption((o) => o
      .setName('kind')
      .setNameLocalizations({ ko: '종류' })
      .setDescription('Only one kind of fact')
      .setDescriptionLocalizations({ ko: '한 종류의 사실만' })
      .addChoices(...FACT_KINDS.map((k) => ({ name: k, name_localizations: { ko: KIND_NAMES_KO[k] }, value: k })))),
  async execute(interaction, services) {
    const kind = (interaction.options.getString('kind') ?? undefined) as FactKind | undefined;
    const events = await services.facts.history(kind, HISTORY_READ);
    await interaction.reply(historyView({ show: services.facts.show(), kind, events, limit: HISTORY_SHOWN, locale: interaction.locale }));
  },
} satisfies Command;
