/**
 * Every reason Hyosan writes down for an admin has Korean words: why alerts stopped, why an alert
 * waits, why a feed fails. The English is taken from the code that writes it wherever it can be,
 * so a reworded reason that loses its Korean fails here.
 */
import { describe, expect, test } from 'vitest';
import { SUPERSEDED, TOKEN_REFUSED } from '../../src/alerts/delivery.ts';
import { disabledReasonFor } from '../../src/alerts/disable-reason.ts';
import { koreanReason, reasonIn } from '../../src/alerts/reason-words.ts';
import { deliveryLines } from '../../src/discord/format/delivery-view.ts';
import { checkReportLines, feedLine } from '../../src/discord/format/feed-view.ts';
import type { Claim } from '../../src/facts/types.ts';
import { settingsLines } from '../../src/discord/format/settings-view.ts';
import { applyPollOutcome, newFeedRecord } from '../../src/feeds/feed-health.ts';
import { CHALLENGE_MESSAGE, whyNotAFeed } from '../../src/feeds/feed-sniff.ts';
import { NOT_MODIFIED_WITHOUT_VALIDATORS } from '../../src/feeds/poller.ts';
import { checkUrl } from '../../src/feeds/url-guard.ts';
import { guild } from './helpers/fixtures.ts';

const CHANNEL = '<#444444444444444444>';
const HANGUL = /[가-힣]/;

function refusal(url: string): string {
  const check = checkUrl(url);
  if (check.ok) throw new Error(`${url} was not refused`);
  return check.reason;
}

const WRITTEN_BY_HYOSAN: string[] = [
  disabledReasonFor('forbidden', CHANNEL),
  disabledReasonFor('not-found', CHANNEL),
  SUPERSEDED,
  TOKEN_REFUSED,
  CHALLENGE_MESSAGE,
  NOT_MODIFIED_WITHOUT_VALIDATORS,
  whyNotAFeed('<!doctype html><html><body>hello</body></html>') ?? '',
  whyNotAFeed('<?xml version="1.0"?><catalog/>') ?? '',
  whyNotAFeed('{"items": []}') ?? '',
  refusal('ftp://feeds.example/rss'),
  refusal('http://user:pw@feeds.example/rss'),
  refusal('http://127.0.0.1/rss'),
  refusal('not a url at all'),
  'the site is unavailable for now (HTTP 503); it asked to wait 120 s before trying again',
  'the feed was not found (HTTP 404); the outlet may have moved it',
  'the site had an error (HTTP 502); it is usually temporary',
  'the site did not send the whole feed within 15 s',
  'the server refused the connection',
  'Discord had a server error (503 Service Unavailable)',
  'Discord did not answer in time (Discord did not answer in time)',
  'Discord asked Hyosan to slow down (rate limited on /channels/:id/messages)',
  'waiting for the original alert to be posted',
  `An alert in ${CHANNEL} may have been posted by an earlier attempt; not sent again, because Hyosan cannot read the channel's message history (Read Message History is missing).`,
];

describe('Korean for the reasons Hyosan writes', () => {
  test.each(WRITTEN_BY_HYOSAN.map((text) => [text]))('%s', (text) => {
    expect(text).not.toBe('');
    const korean = koreanReason(text);
    expect(korean, `no Korean for: ${text}`).toBeDefined();
    expect(korean).toMatch(HANGUL);
    expect(reasonIn(text, 'en')).toBe(text);
  });

  test('what came from elsewhere inside a reason is kept as it was said', () => {
    expect(reasonIn(disabledReasonFor('forbidden', CHANNEL), 'ko')).toBe(
      `Hyosan이 이제 ${CHANNEL}에 글을 올릴 수 없습니다 (접근 권한 없음). 관리자가 권한을 고친 뒤 /알림 채널 을 다시 실행하세요.`,
    );
    expect(reasonIn('Discord had a server error (503 Service Unavailable)', 'ko')).toBe('Discord 서버에 오류가 났습니다 (503 Service Unavailable)');
    expect(reasonIn('the site is unavailable for now (HTTP 503); it asked to wait 120 s before trying again', 'ko')).toBe(
      '사이트를 지금은 쓸 수 없습니다 (HTTP 503). 120초 뒤에 다시 시도해 달라고 했습니다',
    );
    // A reason no rule knows is shown as it is, never half-translated.
    expect(reasonIn('something nobody wrote a rule for', 'ko')).toBe('something nobody wrote a rule for');
  });

  test('a feed switched off after a week of failures says so in Korean, around the reason itself', () => {
    const now = new Date('2026-03-10T00:00:00Z');
    const record = { ...newFeedRecord('https://feeds.example/rss', new Date('2026-03-01T00:00:00Z'), { isDefault: false }), lastSuccessAt: '2026-03-01T00:00:00Z' };
    const next = applyPollOutcome(record, { status: 'error', kind: 'http', message: 'the feed was not found (HTTP 404); the outlet may have moved it' }, now, { intervalSeconds: 600 });
    expect(next.health).toBe('disabled');
    expect(reasonIn(next.lastError ?? '', 'ko')).toBe('피드를 찾을 수 없습니다 (HTTP 404). 매체가 피드를 옮겼을 수 있습니다 (7일 동안 한 번도 읽지 못해 피드를 멈췄습니다. 다시 작동하면 /피드 추가 로 다시 켜세요)');
  });
});

describe('what a Korean admin reads, and an English one', () => {
  test('/alerts show: why alerts stopped', () => {
    const settings = guild({ alertChannelId: '444444444444444444', disabledReason: disabledReasonFor('not-found', CHANNEL) });
    // Hyosan's own words: the channel mention is left to render.
    const shown = (lines: string[]) => lines.at(-1);
    const ko = settingsLines(settings, { language: 'ko', chosen: false }, 'ko');
    expect(shown(ko)).toBe(`⚠️ 중지 이유: Hyosan이 이제 ${CHANNEL}에 글을 올릴 수 없습니다 (채널이 삭제되었거나 찾을 수 없음). 관리자가 /알림 채널 로 채널을 다시 고르세요.`);
    const en = settingsLines(settings, { language: 'en', chosen: false }, 'en-US');
    expect(shown(en)).toBe(`⚠️ Stopped: ${disabledReasonFor('not-found', CHANNEL)}`);
  });

  test('/alerts show: alerts waiting, why, the next try, and one that may be missing', () => {
    const status = {
      waiting: 2,
      waitingSince: '2026-03-01T10:00:00.000Z',
      reason: 'Discord had a server error (503 Service Unavailable)',
      nextAttemptAt: '2026-03-01T10:03:00.000Z',
      problem: { at: '2026-03-01T09:00:00.000Z', text: `An alert in ${CHANNEL} may have been posted by an earlier attempt; not sent again, because Hyosan cannot read the channel's message history (Read Message History is missing).` },
    };
    expect(deliveryLines(status, 'ko')).toEqual([
      '⏳ 올라가기를 기다리는 알림 2개 (가장 오래된 것은 <t:1772359200:R>부터).',
      '이유: Discord 서버에 오류가 났습니다 (503 Service Unavailable). 다음 시도 <t:1772359380:R>. 그동안 잃는 알림은 없습니다.',
      `⚠️ <t:1772355600:f>: ${CHANNEL}의 알림 하나가 앞선 시도에서 이미 올라갔을 수 있어 다시 보내지 않았습니다. 이유: Hyosan이 채널의 메시지 기록을 읽을 수 없습니다 (메시지 기록 보기 권한 없음). 다음에는 확인할 수 있도록 알림 채널에서 Hyosan에게 **메시지 기록 보기** 권한을 주세요.`,
    ]);
    expect(deliveryLines(status, 'en-GB')).toEqual([
      '⏳ 2 alerts are waiting to be posted (the oldest since <t:1772359200:R>).',
      'Why: Discord had a server error (503 Service Unavailable). Next try <t:1772359380:R>; nothing is lost meanwhile.',
      `⚠️ <t:1772355600:f>: ${status.problem.text} Give Hyosan **Read Message History** in the alert channel so it can check next time.`,
    ]);
  });

  test('/feeds list and /feeds test: a failing feed and the engine\'s reasons', () => {
    const feed = { ...newFeedRecord('https://feeds.example/rss', new Date('2026-03-01T00:00:00Z'), { isDefault: false, title: 'Drama Feed' }), health: 'failing' as const, failures: 2, lastError: 'the site had an error (HTTP 502); it is usually temporary' };
    expect(feedLine(feed, 'ko')).toContain('↳ 마지막 오류: 사이트에 오류가 났습니다 (HTTP 502). 보통 잠깐이면 풀립니다');
    expect(feedLine(feed, 'en-US')).toContain('↳ last error: the site had an error (HTTP 502); it is usually temporary');
    const report = {
      url: 'https://feeds.example/rss', warnings: ['kept the newest 200 of 350 items'],
      items: [{ title: 'Season 2 wraps', relevant: true, reason: "mentions 'All of Us Are Dead' 2 times, in the headline, season 2 in the headline", claims: [] }],
    };
    const ko = checkReportLines(report, 8, 'ko');
    expect(ko).toContain('⚠️ 항목 350개 중 최신 200개만 남겼습니다');
    expect(ko.at(-1)).toBe("• Season 2 wraps — 'All of Us Are Dead' 2번 언급, 제목에 나옴, 제목에 시즌 2");
    expect(checkReportLines({ url: report.url, error: refusal('ftp://feeds.example/rss'), warnings: [], items: [] }, 8, 'ko')).toEqual(['❌ 거부됨: http와 https 피드만 읽을 수 있습니다 (ftp 불가)']);
 
    // The claims read from an item, in the admin's language.
    const evidence = { itemUrl: 'https://feeds.example/a', title: 'Season 2 wraps', sentence: 'Lomon returns; filming wrapped.' };
    const claims: Claim[] = [
      { kind: 'cast', subject: 'Lomon', value: 'returning', confidence: 'official', evidence },
      { kind: 'production', subject: null, value: 'wrapped', confidence: 'reported', evidence },
    ];
    const withClaims = { ...report, items: [{ ...report.items[0]!, claims }] };
    const koClaims = checkReportLines(withClaims, 8, 'ko').at(-1) ?? '';
    expect(koClaims).toContain('↳ 출연 Lomon 복귀');
    expect(koClaims).toContain('; 제작 단계 촬영 종료');
    expect(checkReportLines(withClaims, 8, 'en-US').at(-1)).toContain('↳ cast Lomon returning');
  });
});
