/** How an article is listed in /news and under "latest reports". */
import { describeShortDate } from '../../alerts/describe-value.ts';
import type { ProcessedItem } from '../../store/types.ts';
import { hostOf, safeInline, safeUrl } from './text.ts';

const TITLE_MAX = 150;
const SUMMARY_MAX = 200;

export function newsLine(item: ProcessedItem): string {
  const title = safeInline(item.title, TITLE_MAX) || 'untitled article';
  const url = safeUrl(item.link);
  const outlet = safeInline(item.outlet ?? hostOf(item.link), 60);
  const date = describeShortDate(item.published ?? item.processedAt);
  const head = url ? `[${title}](<${url}>)` : title;
  const meta = [outlet, date].filter(Boolean).join(' · ');
  return meta ? `• ${head} — ${meta}` : `• ${head}`;
}

export function newsEntry(item: ProcessedItem): string {
  const summary = item.summary.map((s) => safeInline(s, SUMMARY_MAX)).filter(Boolean).join('; ');
  return summary ? `${newsLine(item)}\n  ↳ ${summary}` : newsLine(item);
}
