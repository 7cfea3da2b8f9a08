import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { castView, personView } from '../src/discord/format/cast-view.ts';
import { say } from '../src/discord/format/say.ts';
import { safeInline, truncate } from '../src/discord/format/text.ts';
import { UserFacingError } from '../src/shared/errors.ts';

/** Discord's limit for an autocomplete choice's name and value. */
const CHOICE_MAX = 100;

export default {
  data: new SlashCommandBuilder()
    .setName('cast')
    .setNameLocalizations({ ko: '출연진' })
    .setDescription('Returning, new and departed cast, with characters and sources')
    .setDescriptionLocalizations({ ko: '돌아오는 배우, 새 배우, 하차한 배우와 배역, 출처' })
    .addStringOption((o) => o
      .setName('person')
      .setNameLocalizations({ ko: '인물' })
      .setDescription('One person, in any spelling')
      .setDescriptionLocalizations({ ko: '한 사람 (어떤 표기든)' })
      .setMaxLength(80)
      .setAutocomplete(true)),
  async execute(interaction, services) {
    const show = services.facts.show();
    const person = interaction.options.getString('person');
    if (person === null) {
      const [facts, lastCheckedAt] = await Promise.all([services.facts.current('cast'), services.facts.lastCheckedAt()]);
      await interaction.reply(castView(show, facts, lastCheckedAt, interaction.locale));
      return;
    }
    const canonical = services.facts.resolvePerson(person) ?? services.facts.searchPeople(person, 1)[0]?.canonical;
    if (!canonical) {
      const name = safeInline(person, 80);
      throw new UserFacingError('unknown-person', say(interaction.locale, {
        en: `I don't know anyone called "${name}" in ${show.title}. Pick one of the suggestions as you type.`,
        ko: `${show.koreanTitle ?? show.title}에서 "${name}"(이)라는 사람을 모릅니다. 입력할 때 나오는 목록에서 고르세요.`,
      }));
    }
    const facts = await services.facts.current();
    await interaction.reply(personView(show, canonical, facts, interaction.locale));
  },
  async autocomplete(interaction, services) {
    const typed = interaction.options.getFocused();
    const matches = services.facts.searchPeople(typed, 25);
    await interaction.respond(matches.map((m) => ({
      name: truncate(`${m.canonical} — ${m.description}`, CHOICE_MAX),
      value: m.canonical.slice(0, CHOICE_MAX),
    })));
  },
} satisfies Command;
