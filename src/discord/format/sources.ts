/**
 * Sources as links: outlet and date, so a fan can see who said it and when without trusting the
 * bot. Every part that came from a feed is escaped; a URL that is not plain http(s) is dropped.
 */
import { describeShortDate } from '../../alerts/describe-value.ts';
import type { Evidence } from '../../facts/types.ts';
import { hostOf, safeInline, safeUrl } from './text.ts';

const OUTLET_MAX = 60;

/** "[Soompi](<https://…>) · 12 Feb 2026"; the angle brackets stop Discord unfurling every link. */
export function sourceLink(source: Evidence): string {
  const outlet = safeInline(source.outlet ?? hostOf(source.itemUrl) ?? 'source', OUTLET_MAX) || 'source';
  const url = safeUrl(source.itemUrl);
  const date = describeShortDate(source.published);
  const label = url ? `[${outlet}](<${url}>)` : outlet;
  return date ? `${label} · ${date}` : label;
}

/** Newest first, one per outlet, at most `max`, joined on one line. */
export function sourceLinks(sources: readonly Evidence[], max = 3): string {
  const byOutlet = new Map<string, Evidence>();
  const ordered = [...sources].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
  for (const s of ordered) {
    const key = (s.outlet ?? hostOf(s.itemUrl) ?? s.itemUrl).toLowerCase();
    if (!byOutlet.has(key)) byOutlet.set(key, s);
  }
  const shown = [...byOutlet.values()].slice(0, max).map(sourceLink);
  const rest = byOutlet.size - shown.length;
  if (shown.length === 0) return 'no source on record';
  return rest > 0 ? `${shown.join(' · ')} (+${rest} more)` : shown.join(' · ');
}
