import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { confidenceMeanings } from '../src/discord/format/confidence.ts';
import { say } from '../src/discord/format/say.ts';

const LINES = {
  en: [
    '`/release` — the season 2 release date or window, how sure it is, and the sources',
    '`/cast [person]` — returning, new and departed cast; or one person in any spelling',
    '`/status` — the production timeline with dates and sources',
    '`/news [count]` — the latest articles and what each said',
    '`/history [kind]` — how the facts changed over time',
    '',
    'For server admins (Manage Server):',
    '`/feeds add | remove | list | test` — the news feeds this server follows',
    '`/alerts channel | role | kinds | confidence | language | pause | resume | preview | show` — where, when and in which language alerts are posted',
    '',
    '**How sure**',
  ],
  ko: [
    '`/공개일` — 시즌 2 공개일이나 시기, 신뢰도, 출처',
    '`/출연진 [인물]` — 돌아오는 배우, 새 배우, 하차한 배우; 또는 한 사람 (어떤 표기든)',
    '`/제작현황` — 날짜와 출처가 있는 제작 진행 상황',
    '`/소식 [개수]` — 최신 기사와 각 기사의 내용',
    '`/기록 [종류]` — 사실이 바뀌어 온 기록',
    '',
    '서버 관리자용 (서버 관리하기 권한):',
    '`/피드 추가 | 삭제 | 목록 | 시험` — 이 서버가 구독하는 뉴스 피드',
    '`/알림 채널 | 역할 | 종류 | 신뢰도 | 언어 | 일시정지 | 재개 | 미리보기 | 설정` — 알림을 올릴 곳, 조건, 언어',
    '',
    '**신뢰도**',
  ],
} as const;

const CLOSING = {
  en: 'Hyosan posts one alert when a fact changes, with every source under it — not one per article.',
  ko: 'Hyosan은 기사마다가 아니라 사실이 바뀔 때 한 번 알리고, 모든 출처를 그 아래에 모읍니다.',
};

export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setNameLocalizations({ ko: '도움말' })
    .setDescription('What Hyosan can tell you and how sure it is')
    .setDescriptionLocalizations({ ko: '효산 봇이 알려 주는 것과 신뢰도 표시' }),
  async execute(interaction, services) {
    const show = services.facts.show();
    const locale = interaction.locale;
    const korean = show.koreanTitle ? ` (${show.koreanTitle})` : '';
    const lines = [...say(locale, { en: LINES.en.join('\n'), ko: LINES.ko.join('\n') }).split('\n'), ...confidenceMeanings(locale), '', say(locale, CLOSING)];
    await interaction.reply({ embeds: [{ title: `Hyosan — ${show.title}${korean}`, description: lines.join('\n'), color: 0x2ecc71 }] });
  },
} satisfies Command;
