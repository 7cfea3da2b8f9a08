/**
 * Sources as links: outlet and date, so a fan can see who said it and when without trusting the
 * bot. Every part that came from a feed is escaped; a URL that is not plain http(s) is dropped.
 */
import { describeShortDate } from '../../alerts/describe-value.ts';
import type { Evidence } from '../../facts/types.ts';
import { say } from './say.ts';
import { hostOf, safeInline, safeUrl } from './text.ts';
import { compareText } from '../../shared/text-order.ts';

const OUTLET_MAX = 60;

/** "[Soompi](<https://…>) · 12 Feb 2026"; the angle brackets stop Discord unfurling every link. */
export function sourceLink(source: Evidence, locale?: string, options: { date?: boolean } = {}): string {
  const fallback = say(locale, { en: 'source', ko: '출처' });
  const outlet = safeInline(source.outlet ?? hostOf(source.itemUrl) ?? fallback, OUTLET_MAX) || fallback;
  const url = safeUrl(source.itemUrl);
  const date = options.date === false ? undefined : describeShortDate(source.published, locale);
  const label = url ? `[${outlet}](<${url}>)` : outlet;
  return date ? `${label} · ${date}` : label;
}

/** Newest first, one per outlet, at most `max`, joined on one line. */
export function sourceLinks(sources: readonly Evidence[], max = 3, locale?: string): string {
  const byOutlet = new Map<string, Evidence>();
  const ordered = [...sources].sort((a, b) => compareText(b.published ?? '', a.published ?? ''));
  for (const s of ordered) {
    const key = (s.outlet ?? hostOf(s.itemUrl) ?? s.itemUrl).toLowerCase();
    if (!byOutlet.has(key)) byOutlet.set(key, s);
  }
  const shown = [...byOutlet.values()].slice(0, max).map((s) => sourceLink(s, locale));
  const rest = byOutlet.size - shown.length;
  if (shown.length === 0) return say(locale, { en: 'no source on record', ko: '기록된 출처 없음' });
  return rest > 0 ? `${shown.join(' · ')} (${say(locale, { en: `+${rest} more`, ko: `외 ${rest}곳` })})` : shown.join(' · ');
}
