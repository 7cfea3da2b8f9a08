/** How /feeds list and /feeds test describe feeds to an admin, in the admin's language. */
import type { CheckReport } from '../../services/types.ts';
import type { FeedRecord } from '../../store/types.ts';
import { reasonIn } from '../../alerts/reason-words.ts';
import { claimKindIn, claimValueIn } from './claim-words.ts';
import { confidenceBadge } from './confidence.ts';
import { relevanceIn } from './relevance-words.ts';
import { languageOf, say, type Words } from './say.ts';
import { safeInline, safeUrl } from './text.ts';
import { timestampOf } from './timestamps.ts';

const HEALTH_WORDS: Record<FeedRecord['health'], Words> = {
  ok: { en: '🟢 ok', ko: '🟢 정상' },
  failing: { en: '🟠 failing', ko: '🟠 실패 중' },
  disabled: { en: '🔴 disabled', ko: '🔴 꺼짐' },
  new: { en: '⚪ not fetched yet', ko: '⚪ 아직 안 읽음' },
};

/** A named feed as its name linked to its address; an unnamed one as its address. */
export function feedLabel(url: string, title?: string): string {
  const shownUrl = safeUrl(url);
  const name = title ? safeInline(title, 80) : undefined;
  if (name && shownUrl) return `**[${name}](<${shownUrl}>)**`;
  if (name) return `**${name}** ${safeInline(url, 200)}`;
  return shownUrl ? `<${shownUrl}>` : safeInline(url, 200);
}

export function feedLine(feed: FeedRecord, locale?: string): string {
  const parts = [`${feedLabel(feed.url, feed.title)}${feed.isDefault ? say(locale, { en: ' (default)', ko: ' (기본)' }) : ''}`, say(locale, HEALTH_WORDS[feed.health])];
  const success = timestampOf(feed.lastSuccessAt, 'R');
  parts.push(success ? say(locale, { en: `last success ${success}`, ko: `마지막 성공 ${success}` }) : say(locale, { en: 'no success yet', ko: '아직 성공 없음' }));
  let line = parts.join(' · ');
  if (feed.health !== 'ok' && feed.lastError) {
    line += `\n  ↳ ${say(locale, { en: 'last error', ko: '마지막 오류' })}: ${safeInline(reasonIn(feed.lastError, languageOf(locale)), 200)}`;
  }
  // A failing feed backs off; say when it will be tried again (day and time, and how long from now).
  const at = feed.health === 'failing' ? timestampOf(feed.nextDueAt, 'f') : undefined;
  if (at) line += ` · ${say(locale, { en: 'next try', ko: '다음 시도' })} ${at} (${timestampOf(feed.nextDueAt, 'R')})`;
  return line;
}

export function checkReportLines(report: CheckReport, maxItems = 8, locale?: string): string[] {
  const language = languageOf(locale);
  if (report.error) return [`❌ ${safeInline(reasonIn(report.error, language), 400)}`];
  const relevant = report.items.filter((i) => i.relevant).length;
  const label = feedLabel(report.url, report.feedTitle);
  const lines = [
    say(locale, {
      en: `✅ Read ${label}: ${report.items.length} item(s), ${relevant} about the show.`,
      ko: `✅ ${label} 읽음: 항목 ${report.items.length}개, 그중 작품 관련 ${relevant}개.`,
    }),
    ...report.warnings.map((w) => `⚠️ ${safeInline(reasonIn(w, language), 300)}`),
  ];
  for (const item of report.items.slice(0, maxItems)) {
    const claims = item.claims.map((c) => `${claimKindIn(c.kind, language)} ${safeInline(c.subject ?? '', 40)} ${safeInline(claimValueIn(c.value, language), 40)} ${confidenceBadge(c.confidence, locale)}`.replace(/\s+/g, ' '));
    lines.push(`${item.relevant ? '•' : '◦'} ${safeInline(item.title, 120)} — ${safeInline(relevanceIn(item.reason, language), 120)}${claims.length ? `\n  ↳ ${claims.join('; ')}` : ''}`);
  }
  return lines;
}
