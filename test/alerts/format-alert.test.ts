import { describe, expect, test } from 'vitest';
import { dateFormatterCount, describeRelease } from '../../src/alerts/describe-value.ts';
import { formatAlert, formatPreview, inLanguage, MAX_QUOTE_CHARS, MAX_SOURCES_SHOWN } from '../../src/alerts/format-alert.ts';
import type { AlertEmbed } from '../../src/alerts/message.ts';
import type { FactEvent } from '../../src/facts/types.ts';
import { factEvent, guild, source } from './helpers/fixtures.ts';

const SHOW = 'All of Us Are Dead';
/** The show as delivery passes it: the season the facts are about, and who was in season 1. */
const CONTEXT = { showTitle: SHOW, season: 2, earlierCast: new Set(['Park Ji-hu', 'Yoo In-soo']) };
const ROLE = '333333333333333333';
const WINDOW_QUOTE = '> The second season is now expected in the first half of 2027, people close to the production said.';
const WINDOW_SOURCE = '[Seoul Screen Daily](https://seoulscreendaily.example/aoad-s2-window)';

interface Golden {
  name: string;
  event: FactEvent;
  en: { title: string; description: string };
  ko: { title: string; description: string };
  color: number;
}

const wrapped = source('Soompi', 'aoad-wrap', '2026-02-20T03:00:00Z', 'The cast wrapped filming on February 19, the agency said.');
const notBack = source('Hangul Herald', 'aoad-not-back', '2025-09-01T02:00:00Z', 'Yoo In-soo, who played Gwi-nam, will sit out the second season.');
const declined = source('K-Wave Wire', 'aoad-declined', '2025-05-14T02:00:00Z', 'Roh Yoon-seo turned down the offer to join the second season.');
const joins = source('Korea JoongAng Daily', 'aoad-cast', '2025-03-04T01:00:00Z', 'Kim Si-eun joins the second season as So Ju-ran.');

const GOLDEN: Golden[] = [
  {
    name: 'release date, changed and now official, with timestamp and countdown',
    event: factEvent({ value: '2027-03-14', previous: '2027-H1', confidence: 'official', previousConfidence: 'reported' }),
    en: {
      title: 'Season 2 premieres 14 March 2027',
      description: `first half of 2027 → <t:1805025600:D> (<t:1805025600:R>)\n✅ Official (was reported)\n${WINDOW_QUOTE}\nSource: ${WINDOW_SOURCE}`,
    },
    ko: {
      title: '시즌 2, 2027년 3월 14일 공개',
      description: `2027년 상반기 → <t:1805025600:D> (<t:1805025600:R>)\n✅ 공식 (이전: 보도)\n${WINDOW_QUOTE}\n출처: ${WINDOW_SOURCE}`,
    },
    color: 0x2ecc71,
  },
  {
    name: 'first release day: the timestamp alone',
    event: factEvent({ reason: 'new', value: '2027-01-29', previous: null, previousConfidence: null }),
    en: { title: 'Season 2 premieres 29 January 2027', description: `📅 <t:1801224000:D> (<t:1801224000:R>)\n📰 Reported\n${WINDOW_QUOTE}\nSource: ${WINDOW_SOURCE}` },
    ko: { title: '시즌 2, 2027년 1월 29일 공개', description: `📅 <t:1801224000:D> (<t:1801224000:R>)\n📰 보도\n${WINDOW_QUOTE}\n출처: ${WINDOW_SOURCE}` },
    color: 0x3498db,
  },
  {
    name: 'release window moved',
    event: factEvent({ value: '2027-H1', previous: '2026-12' }),
    en: { title: 'Season 2 expected in the first half of 2027', description: `December 2026 → **first half of 2027**\n📰 Reported\n${WINDOW_QUOTE}\nSource: ${WINDOW_SOURCE}` },
    ko: { title: '시즌 2, 2027년 상반기 공개 예정', description: `2026년 12월 → **2027년 상반기**\n📰 보도\n${WINDOW_QUOTE}\n출처: ${WINDOW_SOURCE}` },
    color: 0x3498db,
  },
  {
    name: 'a quarter, first reported as a rumour',
    event: factEvent({ reason: 'new', value: '2027-Q1', previous: null, previousConfidence: null, confidence: 'rumor' }),
    en: { title: 'Season 2 expected in Q1 2027', description: `💬 Rumor\n${WINDOW_QUOTE}\nSource: ${WINDOW_SOURCE}` },
    ko: { title: '시즌 2, 2027년 1분기 공개 예정', description: `💬 소문\n${WINDOW_QUOTE}\n출처: ${WINDOW_SOURCE}` },
    color: 0xe67e22,
  },
  {
    name: 'confidence upgrade of the same window',
    event: factEvent({ reason: 'upgraded', value: '2027-H1', previous: '2027-H1', confidence: 'official', previousConfidence: 'reported' }),
    en: { title: 'Now official: season 2 expected in the first half of 2027', description: `✅ Official (was reported)\n${WINDOW_QUOTE}\nSource: ${WINDOW_SOURCE}` },
    ko: { title: '공식 확인: 시즌 2, 2027년 상반기 공개 예정', description: `✅ 공식 (이전: 보도)\n${WINDOW_QUOTE}\n출처: ${WINDOW_SOURCE}` },
    color: 0x2ecc71,
  },
  {
    name: 'production stage with its date',
    event: factEvent({ kind: 'production', value: 'wrapped', previous: 'filming', date: '2026-02-19', confidence: 'official', previousConfidence: 'official', sources: [wrapped] }),
    en: {
      title: 'Filming wrapped on season 2',
      description: 'filming → **filming wrapped** · 📅 19 February 2026\n✅ Official\n> The cast wrapped filming on February 19, the agency said.\nSource: [Soompi](https://soompi.example/aoad-wrap)',
    },
    ko: {
      title: '시즌 2 촬영 종료',
      description: '촬영 중 → **촬영 종료** · 📅 2026년 2월 19일\n✅ 공식\n> The cast wrapped filming on February 19, the agency said.\n출처: [Soompi](https://soompi.example/aoad-wrap)',
    },
    color: 0x2ecc71,
  },
  {
    name: 'a new cast member and the character the article named',
    event: factEvent({ kind: 'cast', reason: 'new', subject: 'Kim Si-eun', value: 'new', character: 'So Ju-ran', previous: null, previousConfidence: null, sources: [joins] }),
    en: {
      title: 'Kim Si-eun joins season 2 as So Ju-ran',
      description: '📰 Reported\n> Kim Si-eun joins the second season as So Ju-ran.\nSource: [Korea JoongAng Daily](https://koreajoongangdaily.example/aoad-cast)',
    },
    ko: {
      title: 'Kim Si-eun, 시즌 2에 So Ju-ran 역으로 합류',
      description: '📰 보도\n> Kim Si-eun joins the second season as So Ju-ran.\n출처: [Korea JoongAng Daily](https://koreajoongangdaily.example/aoad-cast)',
    },
    color: 0x3498db,
  },
  {
    name: 'a returning cast member',
    event: factEvent({ kind: 'cast', reason: 'new', subject: 'Park Ji-hu', value: 'returning', character: 'Nam On-jo', previous: null, previousConfidence: null }),
    en: { title: 'Park Ji-hu returns for season 2 as Nam On-jo', description: `📰 Reported\n${WINDOW_QUOTE}\nSource: ${WINDOW_SOURCE}` },
    ko: { title: 'Park Ji-hu, 시즌 2에 Nam On-jo 역으로 복귀', description: `📰 보도\n${WINDOW_QUOTE}\n출처: ${WINDOW_SOURCE}` },
    color: 0x3498db,
  },
  {
    name: 'someone from season 1 leaving the cast',
    event: factEvent({ kind: 'cast', reason: 'new', subject: 'Yoo In-soo', value: 'exited', previous: null, previousConfidence: null, sources: [notBack] }),
    en: { title: 'Yoo In-soo leaves the season 2 cast', description: `📰 Reported\n> ${notBack.sentence}\nSource: [Hangul Herald](https://hangulherald.example/aoad-not-back)` },
    ko: { title: 'Yoo In-soo, 시즌 2 하차', description: `📰 보도\n> ${notBack.sentence}\n출처: [Hangul Herald](https://hangulherald.example/aoad-not-back)` },
    color: 0x3498db,
  },
  {
    name: 'someone who turned the role down: not joining, never "leaves"',
    event: factEvent({ kind: 'cast', reason: 'new', subject: 'Roh Yoon-seo', value: 'exited', previous: null, previousConfidence: null, sources: [declined] }),
    en: { title: 'Roh Yoon-seo is not joining season 2', description: `📰 Reported\n> ${declined.sentence}\nSource: [K-Wave Wire](https://kwavewire.example/aoad-declined)` },
    ko: { title: 'Roh Yoon-seo, 시즌 2 불참', description: `📰 보도\n> ${declined.sentence}\n출처: [K-Wave Wire](https://kwavewire.example/aoad-declined)` },
    color: 0x3498db,
  },
  {
    name: 'someone announced as new who then drops out: not joining, from the old value',
    event: factEvent({ kind: 'cast', reason: 'changed', subject: 'Yoon Ga-i', value: 'exited', previous: 'new' }),
    en: { title: 'Yoon Ga-i is not joining season 2', description: `joining the cast → **not joining**\n📰 Reported\n${WINDOW_QUOTE}\nSource: ${WINDOW_SOURCE}` },
    ko: { title: 'Yoon Ga-i, 시즌 2 불참', description: `새로 합류 → **불참**\n📰 보도\n${WINDOW_QUOTE}\n출처: ${WINDOW_SOURCE}` },
    color: 0x3498db,
  },
  {
    name: 'crew member',
    event: factEvent({ kind: 'crew', reason: 'new', subject: 'Lee Jae-kyoo', value: 'director', previous: null, previousConfidence: null, confidence: 'official' }),
    en: { title: 'Lee Jae-kyoo directs season 2', description: `✅ Official\n${WINDOW_QUOTE}\nSource: ${WINDOW_SOURCE}` },
    ko: { title: 'Lee Jae-kyoo, 시즌 2 연출', description: `✅ 공식\n${WINDOW_QUOTE}\n출처: ${WINDOW_SOURCE}` },
    color: 0x2ecc71,
  },
  {
    name: 'renewal',
    event: factEvent({ kind: 'renewal', reason: 'new', value: 'renewed', previous: null, previousConfidence: null, confidence: 'official' }),
    en: { title: 'All of Us Are Dead is renewed for season 2', description: `✅ Official\n${WINDOW_QUOTE}\nSource: ${WINDOW_SOURCE}` },
    ko: { title: '시즌 2 제작 확정', description: `✅ 공식\n${WINDOW_QUOTE}\n출처: ${WINDOW_SOURCE}` },
    color: 0x2ecc71,
  },
  {
    name: 'episode count',
    event: factEvent({ kind: 'episodes', value: '10', previous: '8', confidence: 'speculation', previousConfidence: 'speculation' }),
    en: { title: 'Season 2 has 10 episodes', description: `8 episodes → **10 episodes**\n🔮 Speculation\n${WINDOW_QUOTE}\nSource: ${WINDOW_SOURCE}` },
    ko: { title: '시즌 2, 10부작', description: `8부작 → **10부작**\n🔮 추측\n${WINDOW_QUOTE}\n출처: ${WINDOW_SOURCE}` },
    color: 0x95a5a6,
  },
  {
    name: 'platform',
    event: factEvent({ kind: 'platform', reason: 'new', value: 'Netflix', previous: null, previousConfidence: null, confidence: 'official' }),
    en: { title: 'Season 2 streams on Netflix', description: `✅ Official\n${WINDOW_QUOTE}\nSource: ${WINDOW_SOURCE}` },
    ko: { title: '시즌 2 Netflix에서 공개', description: `✅ 공식\n${WINDOW_QUOTE}\n출처: ${WINDOW_SOURCE}` },
    color: 0x2ecc71,
  },
];

/** What a reader sees: link targets, markdown marks and timestamp syntax are not read. */
function visibleLength(embed: AlertEmbed | undefined): number {
  if (!embed) return 0;
  const text = [embed.title, embed.description, embed.footer.text, ...embed.fields.flatMap((f) => [f.name, f.value])].join('\n');
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<t:\d+:D>/g, '29 January 2027')
    .replace(/<t:\d+:R>/g, 'in 2 months')
    .replace(/\*\*|^> /gm, '').length;
}

describe('formatAlert: one alert of each kind, in English and Korean', () => {
  test.each(GOLDEN)('$name', ({ event, en, ko, color }) => {
    const message = formatAlert(event, CONTEXT);
    expect(message.content).toBe('');
    expect(message.allowed_mentions).toEqual({ parse: [] });
    for (const [language, want] of [['en', en], ['ko', ko]] as const) {
      const { embeds } = inLanguage(message, language);
      expect(embeds).toHaveLength(1);
      expect(embeds[0]).toEqual({
        title: want.title,
        description: want.description,
        url: event.sources[0]?.itemUrl,
        color,
        fields: [],
        footer: { text: SHOW },
        timestamp: '2026-02-12T10:00:00.000Z',
      });
      // A fan reads it in two seconds: no legend, each thing once, about 350 characters at most.
      expect(visibleLength(embeds[0])).toBeLessThanOrEqual(350);
    }
  });

  test('the main text follows the context locale; "ko" gives Korean, anything else English', () => {
    const event = factEvent();
    expect(formatAlert(event, { ...CONTEXT, locale: 'ko' }).embeds[0]?.title).toBe('시즌 2, 2027년 상반기 공개 예정');
    expect(formatAlert(event, { ...CONTEXT, locale: 'fr-FR' }).embeds[0]?.title).toBe('Season 2 expected in the first half of 2027');
  });

  test('without a season the title speaks of the new season, in both languages', () => {
    const message = formatAlert(factEvent({ value: '2027-01-29' }), { showTitle: SHOW });
    expect(inLanguage(message, 'en').embeds[0]?.title).toBe('New season premieres 29 January 2027');
    expect(inLanguage(message, 'ko').embeds[0]?.title).toBe('새 시즌, 2027년 1월 29일 공개');
    const wrap = formatAlert(factEvent({ kind: 'production', reason: 'upgraded', value: 'wrapped', previous: 'wrapped', confidence: 'official' }), { showTitle: SHOW });
    expect(inLanguage(wrap, 'en').embeds[0]?.title).toBe('Now official: filming wrapped on the new season');
  });

  test('an upgrade names the season in lower case after its lead', () => {
    const released = formatAlert(factEvent({ kind: 'production', reason: 'upgraded', value: 'released', previous: 'released', confidence: 'official' }), CONTEXT);
    expect(inLanguage(released, 'en').embeds[0]?.title).toBe('Now official: season 2 is out');
    expect(inLanguage(released, 'ko').embeds[0]?.title).toBe('공식 확인: 시즌 2 공개');
  });
});

describe('formatAlert details', () => {
  test('pings the configured role in content, and only that role', () => {
    const message = formatAlert(factEvent(), { showTitle: SHOW, pingRoleId: ROLE });
    expect(message.content).toBe(`<@&${ROLE}>`);
    expect(message.allowed_mentions).toEqual({ parse: [], roles: [ROLE] });
    expect(inLanguage(message, 'ko')).toMatchObject({ content: `<@&${ROLE}>`, allowed_mentions: { parse: [], roles: [ROLE] } });
  });

  test('sources are one line: one link per outlet, three named, the rest counted', () => {
    const sources = ['Alpha News', 'Bravo Daily', 'Charlie Times', 'Delta Post', 'Alpha News', 'Echo Wire'].map((o, i) => source(o, `s${i}`, `2026-02-1${i}T08:00:00Z`));
    const message = formatAlert(factEvent({ sources }), { showTitle: SHOW });
    expect(MAX_SOURCES_SHOWN).toBe(3);
    expect(message.embeds[0]?.description.split('\n').at(-1)).toBe(
      'Sources: [Alpha News](https://alphanews.example/s0) · [Bravo Daily](https://bravodaily.example/s1) · [Charlie Times](https://charlietimes.example/s2) · +2 more',
    );
    expect(inLanguage(message, 'ko').embeds[0]?.description.split('\n').at(-1)).toMatch(/^출처: \[Alpha News\].* · 외 2곳$/);
  });

  test('a corroboration edit changes the source line and nothing else', () => {
    const first = source('Seoul Screen Daily', 'aoad-s2-window');
    const event = factEvent({ sources: [first] });
    const posted = formatAlert(event, { showTitle: SHOW });
    const edited = formatAlert(event, { showTitle: SHOW, alsoReportedBy: [source('Hangul Herald', 'h1'), source('K-Wave Wire', 'k1'), first] });
    for (const language of ['en', 'ko'] as const) {
      const before = inLanguage(posted, language).embeds[0];
      const after = inLanguage(edited, language).embeds[0];
      expect({ ...after, description: '' }).toEqual({ ...before, description: '' });
      const [beforeLines, afterLines] = [before?.description.split('\n') ?? [], after?.description.split('\n') ?? []];
      expect(afterLines.slice(0, -1)).toEqual(beforeLines.slice(0, -1));
      expect(afterLines.at(-1)).not.toBe(beforeLines.at(-1));
    }
    expect(edited.embeds[0]?.description.split('\n').at(-1)).toBe(
      'Sources: [Seoul Screen Daily](https://seoulscreendaily.example/aoad-s2-window) · [Hangul Herald](https://hangulherald.example/h1) · [K-Wave Wire](https://kwavewire.example/k1)',
    );
  });

  test('a source without a usable link is named, not linked, and its host stands in for a missing outlet', () => {
    const message = formatAlert(
      factEvent({ sources: [{ itemUrl: 'javascript:alert(1)', sentence: 'x', outlet: 'Shady Site' }, { itemUrl: 'https://www.news.example/a', sentence: 'y' }] }),
      { showTitle: SHOW },
    );
    const embed = message.embeds[0];
    expect(embed?.url).toBeUndefined();
    expect(embed?.description.split('\n').at(-1)).toBe('Sources: Shady Site · [news.example](https://www.news.example/a)');
  });

  test('a long sentence is cut with an ellipsis so the alert stays short', () => {
    const long = `${'The production team said many things about the new season. '.repeat(8)}`;
    const message = formatAlert(factEvent({ sources: [source('Soompi', 'long', undefined, long)] }), { showTitle: SHOW });
    const quote = message.embeds[0]?.description.split('\n').find((l) => l.startsWith('> ')) ?? '';
    expect(quote.length).toBe(2 + MAX_QUOTE_CHARS);
    expect(quote.endsWith('…')).toBe(true);
    expect(visibleLength(message.embeds[0])).toBeLessThanOrEqual(350);
  });

  test('the same event always formats the same way', () => {
    const event = factEvent();
    expect(formatAlert(event, { showTitle: SHOW })).toEqual(formatAlert(structuredClone(event), { showTitle: SHOW }));
  });

  test('date formatters are made once per language and style, then reused', () => {
    for (let i = 0; i < 200; i += 1) {
      formatAlert(factEvent({ value: `2027-0${(i % 9) + 1}-1${i % 10}`, previous: '2026-12', date: '2026-02-19' }), { showTitle: SHOW });
      describeRelease('2027-05', 'ko-KR');
      describeRelease('2027-05', 'en-US');
    }
    // day and month, in English and Korean: four, however many alerts were written.
    expect(dateFormatterCount()).toBeLessThanOrEqual(6);
    expect(dateFormatterCount()).toBeGreaterThanOrEqual(4);
  });

  test('release values are shown at the precision they were given, in both languages', () => {
    expect(['2022-06', '2027-Q3', '2027-H2', '2027', '2027-01-29'].map((v) => describeRelease(v))).toEqual(
      ['June 2022', 'Q3 2027', 'second half of 2027', '2027', '29 January 2027'],
    );
    expect(['2022-06', '2027-Q3', '2027-H2', '2027', '2027-01-29'].map((v) => describeRelease(v, 'ko'))).toEqual(
      ['2022년 6월', '2027년 3분기', '2027년 하반기', '2027년', '2027년 1월 29일'],
    );
  });
});

describe('formatPreview', () => {
  test('shows a sample alert and the settings, and pings nobody', () => {
    const settings = guild({ alertChannelId: '444444444444444444', pingRoleId: ROLE, kinds: ['release', 'cast'], minConfidence: 'reported' });
    const preview = formatPreview(settings, { showTitle: SHOW, season: 2 });
    expect(preview.allowed_mentions).toEqual({ parse: [] });
    expect(preview.content).toBe('Preview of a Hyosan alert:');
    expect(preview.embeds).toHaveLength(2);
    expect(preview.embeds[0]?.title).toBe('Season 2 expected in the first half of 2027');
    const fields = Object.fromEntries(preview.embeds[1]?.fields.map((f) => [f.name, f.value]) ?? []);
    expect(fields).toEqual({
      Status: '▶️ Active',
      Channel: '<#444444444444444444>',
      'Role pinged': `<@&${ROLE}>`,
      Kinds: 'Release, Cast',
      'Minimum confidence': '📰 Reported',
      Language: 'English',
    });
  });

  test('in Korean for a Korean admin, with the sample in the server\'s alert language', () => {
    const settings = guild({ alertChannelId: '444444444444444444', kinds: ['release', 'cast'], minConfidence: 'rumor' });
    const preview = formatPreview(settings, { showTitle: SHOW, season: 2, locale: 'ko', alertLanguage: 'en' });
    expect(preview.content).toBe('Hyosan 알림 미리 보기:');
    expect(preview.embeds[0]?.title).toBe('Season 2 expected in the first half of 2027');
    expect(preview.embeds[1]?.title).toBe('알림 설정');
    const fields = Object.fromEntries(preview.embeds[1]?.fields.map((f) => [f.name, f.value]) ?? []);
    expect(fields).toEqual({
      상태: '▶️ 사용 중',
      채널: '<#444444444444444444>',
      '멘션할 역할': '멘션 안 함',
      종류: '공개일, 출연진',
      '최소 신뢰도': '💬 소문',
      언어: '영어',
    });
    expect(formatPreview(settings, { showTitle: SHOW, season: 2, alertLanguage: 'ko' }).embeds[0]?.title).toBe('시즌 2, 2027년 상반기 공개 예정');
  });

  test('tells an admin why alerts stopped', () => {
    const reason = 'Hyosan can no longer post in <#444444444444444444> (missing access). An admin can fix the permission and run /alerts channel again.';
    const preview = formatPreview(guild({ disabledReason: reason, pingRoleId: undefined }), { showTitle: SHOW });
    const fields = Object.fromEntries(preview.embeds[1]?.fields.map((f) => [f.name, f.value]) ?? []);
    expect(fields.Status).toBe(`⛔ Stopped: ${reason}`);
    expect(fields['Role pinged']).toBe('no role is pinged');
  });
});
