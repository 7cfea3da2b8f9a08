import { describe, expect, it, test } from 'vitest';
import type { FactEvent } from '../../src/facts/types.ts';
import { feedLabel, feedLine } from '../../src/discord/format/feed-view.ts';
import { historyLine, historyView } from '../../src/discord/format/history-view.ts';
import { settingsLines } from '../../src/discord/format/settings-view.ts';
import { castView, personView } from '../../src/discord/format/cast-view.ts';
import { newsLine } from '../../src/discord/format/news-view.ts';
import { progressBar } from '../../src/discord/format/progress.ts';
import { releaseView } from '../../src/discord/format/release-view.ts';
import { sourceLink, sourceLinks } from '../../src/discord/format/sources.ts';
import { statusView, stepsDone } from '../../src/discord/format/status-view.ts';
import { fitLines } from '../../src/discord/format/text.ts';
import type { ShowInfo } from '../../src/services/types.ts';
import { castFacts, events, news, officialRelease, production, RELEASE_UNIX, renewal, reportedRelease } from './helpers/fixtures.ts';

const show: ShowInfo = { id: 'all-of-us-are-dead', title: 'All of Us Are Dead', season: 2 };

describe('release view', () => {
  it('shows an official day as a Discord date and countdown, with sources, conflicts and the last check', () => {
    const text = releaseView({ show, facts: [officialRelease], news, lastCheckedAt: '2026-11-03T09:10:00Z' }).embeds[0]?.description ?? '';
    expect(text).toContain(`<t:${RELEASE_UNIX}:D>`);
    expect(text).toContain(`<t:${RELEASE_UNIX}:R>`);
    expect(text).toContain('✅ Official');
    expect(text).toContain('[Hallyu Wire](<https://hallyuwire.example/aouad-s2-date>) · 3 Nov 2026');
    expect(text).toMatch(/Other outlets say \*\*first half of 2027\*\* \(📰 Reported\): \[Drama Beat\]/);
    expect(text).toContain(`Last checked <t:${Date.parse('2026-11-03T09:10:00Z') / 1000}:R>`);
    expect(text).not.toContain('Latest reports');
  });

  it('says plainly when nothing is official and lists the latest reports, escaped', () => {
    const text = releaseView({ show, facts: [reportedRelease], news, lastCheckedAt: undefined }).embeds[0]?.description ?? '';
    expect(text).toContain('**first half of 2027** (a window, no exact day yet)');
    expect(text).toContain('Nothing official yet');
    expect(text).toContain('**Latest reports**');
    expect(text).toContain('@\u200Beveryone');
    expect(text).not.toMatch(/<t:\d+:D>/);
    expect(text).toContain('No feed check has finished yet');
  });

  it('with no fact at all says nothing has been announced', () => {
    const text = releaseView({ show, facts: [], news: [], lastCheckedAt: undefined }).embeds[0]?.description ?? '';
    expect(text).toMatch(/^Nothing official yet: no release date or window/);
    expect(text).toContain('No recent articles');
  });
});

describe('sources', () => {
  it('neutralises outlet names and drops non-http links', () => {
    const link = sourceLink({ itemUrl: 'javascript:alert(1)', outlet: '[click](https://evil.example) @here', sentence: 's' });
    expect(link).toBe('click @\u200Bhere');
  });

  it('keeps one link per outlet, newest first, and counts the rest', () => {
    const many = ['A', 'B', 'C', 'D'].map((o, i) => ({ itemUrl: `https://${o.toLowerCase()}.example/x`, outlet: o, published: `2026-01-0${i + 1}T00:00:00Z`, sentence: '' }));
    const text = sourceLinks([...many, { ...many[0]!, itemUrl: 'https://a.example/y' }], 2);
    expect(text.startsWith('[D]')).toBe(true);
    expect(text).toContain('(+2 more)');
  });
});

describe('status timeline', () => {
  it('counts steps and draws the bar with dates from history', () => {
    expect(stepsDone({ renewal, production, release: officialRelease, now: new Date('2026-12-01') })).toBe(3);
    expect(stepsDone({ renewal, production, release: officialRelease, now: new Date('2027-04-01') })).toBe(5);
    const text = statusView({ show, renewal, production, release: officialRelease, history: events, lastCheckedAt: undefined, now: new Date('2026-12-01') }).embeds[0]?.description ?? '';
    expect(text.split('\n')[0]).toBe('▰▰▰▰▰▰▱▱▱▱ 3/5');
    expect(text).toContain(`✅ **Filming** — <t:${Date.UTC(2025, 8, 1, 12) / 1000}:D>`);
    expect(text).toContain('⏳ **Post-production**');
    expect(text).toContain('expected 12 March 2027');
  });

  it('progress bar clamps', () => {
    expect(progressBar(0, 5, 5)).toBe('▱▱▱▱▱');
    expect(progressBar(9, 5, 5)).toBe('▰▰▰▰▰');
  });
});

describe('cast view', () => {
  it('groups returning, new and departed cast with characters and confidence', () => {
    const embed = castView(show, castFacts, undefined).embeds[0];
    expect(embed?.fields?.map((f) => f.name)).toEqual(['Returning (1)', 'New (1)', 'Departed (1)']);
    expect(embed?.fields?.[0]?.value).toContain('**Park Ji-hu** as Nam On-jo — ✅ Official');
    expect(embed?.fields?.[2]?.value).toContain('💬 Rumor');
  });

  it('lists someone who turned the role down as not joining, apart from a season-1 actor who left, in both languages', () => {
    const declined = {
      kind: 'cast' as const, subject: 'Roh Yoon-seo', value: 'exited', confidence: 'reported' as const,
      sources: [{ itemUrl: 'https://kwavewire.example/aoad-declined', sentence: 'Roh Yoon-seo turned the offer down.', outlet: 'K-Wave Wire', published: '2025-05-14T02:00:00Z', confidence: 'reported' as const, firstSeen: '2025-05-14T02:00:00Z', lastSeen: '2025-05-14T02:00:00Z' }],
      conflicts: [], asOf: '2025-05-14T02:00:00Z', updatedAt: '2025-05-14T02:00:00Z',
    };
    const withEarlier: ShowInfo = { ...show, earlierCast: ['Park Ji-hu', 'Yoo In-soo'] };
    const facts = [...castFacts, declined];
    const en = castView(withEarlier, facts, undefined).embeds[0];
    expect(en?.fields?.map((f) => f.name)).toEqual(['Returning (1)', 'New (1)', 'Departed (1)', 'Not joining (1)']);
    expect(en?.fields?.[2]?.value).toContain('**Yoo In-soo**');
    expect(en?.fields?.[3]?.value).toContain('**Roh Yoon-seo** — 📰 Reported');
    const ko = castView(withEarlier, facts, undefined, 'ko').embeds[0];
    expect(ko?.fields?.map((f) => f.name)).toEqual(['복귀 (1)', '새 출연 (1)', '하차 (1)', '불참 (1)']);
    expect(personView(withEarlier, 'Roh Yoon-seo', facts).embeds[0]?.description).toContain('**not joining** — 📰 Reported');
    expect(personView(withEarlier, 'Roh Yoon-seo', facts, 'ko').embeds[0]?.description).toContain('**불참** — 📰 보도');
    expect(personView(withEarlier, 'Yoo In-soo', facts).embeds[0]?.description).toContain('**leaving the cast** — 💬 Rumor');
  });

  it('shows one person, or says nothing is known', () => {
    expect(personView(show, 'Lee Min-jae', castFacts).embeds[0]?.description).toContain('**joining the cast** as **Yong Ma-ru** — 📰 Reported');
    expect(personView(show, 'Lomon', castFacts).embeds[0]?.description).toContain('Nothing reported yet about Lomon');
  });
});

describe('text fitting', () => {
  it('cuts whole lines and says how many are left out', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line number ${i}`);
    const text = fitLines(lines, 100);
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text).toMatch(/… and \d+ more$/);
  });

  it('lists an article with a link, outlet and date', () => {
    expect(newsLine(news[0]!)).toBe('• [All of Us Are Dead season 2 gets a March date](<https://hallyuwire.example/aouad-s2-date>) — Hallyu Wire · 3 Nov 2026');
  });
});

describe('history lines', () => {
  const base: FactEvent = {
    type: 'fact-change', reason: 'new', kind: 'release', subject: null, value: '2027-03-12', previous: null, confidence: 'official',
    sources: [{ itemUrl: 'https://news.example/a', sentence: 's', outlet: 'News', published: '2026-10-06T09:00:00.000Z' }],
    at: '2026-11-20T00:00:00.000Z',
  };

  test.each([
    [{}, 'first reported'],
    [{ reason: 'changed' as const, previous: '2027-H1' }, 'changed'],
    [{ reason: 'upgraded' as const }, 'confirmed more surely'],
    [{ reason: 'refined' as const, previous: '2027-H1' }, 'narrowed down'],
    [{ silent: true }, 'known'],
    [{ type: 'conflict' as const }, 'disputed'],
  ])('%o reads "%s"', (patch, words) => {
    expect(historyLine({ ...base, ...patch })).toContain(` ${words}: `);
  });

  test('is dated by the article, not by when it was read', () => {
    expect(historyLine(base)).toContain(`<t:${Date.parse('2026-10-06T09:00:00.000Z') / 1000}:d>`);
    // …and says the date once: the source at the end is named without it.
    expect(historyLine(base)).toMatch(/ · \[News\]\(<https:\/\/news\.example\/a>\)$/);
  });
});

describe('settings lines', () => {
  const settings = { guildId: '100000000000000001', kinds: ['release' as const], minConfidence: 'rumor' as const, paused: false, feeds: [], joinedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
  test.each([
    [{}, '⏹️ not set up'],
    [{ alertChannelId: '200000000000000001' }, '▶️ active'],
    [{ alertChannelId: '200000000000000001', paused: true }, '⏸️ paused'],
    [{ alertChannelId: '200000000000000001', disabledReason: 'Hyosan can no longer post in #news (missing access).' }, '⛔ stopped'],
  ])('%o shows %s', (patch, state) => {
    expect(settingsLines({ ...settings, ...patch }, { language: 'en', chosen: false })).toContain(`State: ${state}`);
  });

  test('in Korean for a Korean admin, with the alert language and where it comes from', () => {
    const lines = settingsLines({ ...settings, alertChannelId: '200000000000000001' }, { language: 'ko', chosen: true }, 'ko');
    expect(lines).toEqual([
      '채널: <#200000000000000001>',
      '멘션할 역할: 없음',
      '종류: 공개일',
      '최소 신뢰도: 💬 소문',
      '알림 언어: 한국어 (/알림 언어 로 선택함)',
      '상태: ▶️ 사용 중',
    ]);
    expect(settingsLines(settings, { language: 'ko', chosen: false })).toContain("Alert language: Korean (from the server's language)");
  });
});

describe('data shown as it is', () => {
  const event = (value: string, published: string): FactEvent => ({
    type: 'fact-change', reason: 'new', kind: 'episodes', subject: null, value, previous: null, confidence: 'reported',
    sources: [{ itemUrl: `https://news.example/${value}`, sentence: 's', outlet: 'News', published }], at: '2026-11-20T00:00:00.000Z',
  });

  it('/history lists newest first by the news date and says how many it left out', () => {
    // The store's order is the order articles were read, not when the news broke.
    const events = [event('8', '2025-01-01T00:00:00Z'), event('10', '2026-05-01T00:00:00Z'), event('9', '2025-06-01T00:00:00Z'), event('12', '2024-01-01T00:00:00Z')];
    const text = historyView({ show, kind: undefined, events, limit: 2 }).embeds[0]?.description ?? '';
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('**10 episodes**');
    expect(lines[1]).toContain('**9 episodes**');
    expect(lines[2]).toBe('… and 2 more');
    expect(historyView({ show, kind: 'episodes', events, limit: 2, locale: 'ko' }).embeds[0]?.description?.split('\n')[2]).toBe('… 외 2개');
  });

  it('/status shows a step dated only to the month as that month, not as its first day', () => {
    const monthOnly = { ...renewal, date: '2022-06' };
    const text = statusView({ show, renewal: monthOnly, production, release: officialRelease, history: [], lastCheckedAt: undefined, now: new Date('2026-12-01') }).embeds[0]?.description ?? '';
    expect(text).toContain('✅ **Renewed** — June 2022 · ✅ Official');
    const ko = statusView({ show, renewal: monthOnly, production, release: officialRelease, history: [], lastCheckedAt: undefined, now: new Date('2026-12-01'), locale: 'ko' }).embeds[0]?.description ?? '';
    expect(ko).toContain('✅ **제작 확정** — 2022년 6월 · ✅ 공식');
  });

  it('/feeds list names a feed by its name, linked, and gives the next try as a day and time', () => {
    const feed = {
      url: 'https://news.google.com/rss/search?q=%22All+of+Us+Are+Dead%22', title: 'Google News: All of Us Are Dead season 2', addedBy: [], isDefault: true,
      health: 'failing' as const, failures: 2, lastError: 'the site is unavailable for now (HTTP 503)', nextDueAt: '2026-12-06T05:30:00.000Z',
      baselined: true, createdAt: '2026-01-01T00:00:00Z',
    };
    const unix = Date.parse(feed.nextDueAt) / 1000;
    expect(feedLine(feed)).toBe(
      `**[Google News: All of Us Are Dead season 2](<${feed.url}>)** (default) · 🟠 failing · no success yet\n` +
      `  ↳ last error: the site is unavailable for now (HTTP 503) · next try <t:${unix}:f> (<t:${unix}:R>)`,
    );
    expect(feedLine(feed, 'ko')).toContain(`(기본) · 🟠 실패 중 · 아직 성공 없음\n  ↳ 마지막 오류: 사이트를 지금은 쓸 수 없습니다 (HTTP 503) · 다음 시도 <t:${unix}:f>`);
    expect(feedLabel('https://feeds.example/a.xml')).toBe('<https://feeds.example/a.xml>');
  });
});
