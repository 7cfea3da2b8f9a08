/** How an article is listed in /news and under "latest reports". */
import { describeShortDate } from '../../alerts/describe-value.ts';
import type { ProcessedItem } from '../../store/types.ts';
import { say } from './say.ts';
import { hostOf, safeInline, safeUrl } from './text.ts';

const TITLE_MAX = 150;
const SUMMARY_MAX = 200;

export function newsLine(item: ProcessedItem, locale?: string): string {
  const title = safeInline(item.title, TITLE_MAX) || say(locale, { en: 'untitled article', ko: '제목 없는 기사' });
  const url = safeUrl(item.link);
  const outlet = safeInline(item.outlet ?? hostOf(item.link), 60);
  const date = describeShortDate(item.published ?? item.processedAt, locale);
  const head = url ? `[${title}](<${url}>)` : title;
  const meta = [outlet, date].filter(Boolean).join(' · ');
  return meta ? `• ${head} — ${meta}` : `• ${head}`;
}

export function newsEntry(item: ProcessedItem, locale?: string): string {
  const summary = item.summary.map((s) => safeInline(s, SUMMARY_MAX)).filter(Boolean).join('; ');
  return summary ? `${newsLine(item, locale)}\n  ↳ ${summary}` : newsLine(item, locale);
}
