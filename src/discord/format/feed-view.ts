/** How /feeds list and /feeds test describe feeds to an admin. */
import type { CheckReport } from '../../services/types.ts';
import type { FeedRecord } from '../../store/types.ts';
import { confidenceBadge } from './confidence.ts';
import { safeInline, safeUrl } from './text.ts';
import { timestampOf } from './timestamps.ts';

const HEALTH_WORDS: Record<FeedRecord['health'], string> = {
  ok: '🟢 ok',
  failing: '🟠 failing',
  disabled: '🔴 disabled',
  new: '⚪ not fetched yet',
};

export function feedLabel(url: string, title?: string): string {
  const shownUrl = safeUrl(url) ?? safeInline(url, 200);
  const name = title ? safeInline(title, 80) : undefined;
  return name ? `**${name}** <${shownUrl}>` : `<${shownUrl}>`;
}

export function feedLine(feed: FeedRecord): string {
  const parts = [`${feedLabel(feed.url, feed.title)}${feed.isDefault ? ' (default)' : ''}`, HEALTH_WORDS[feed.health]];
  const success = timestampOf(feed.lastSuccessAt, 'R');
  parts.push(success ? `last success ${success}` : 'no success yet');
  let line = parts.join(' · ');
  if (feed.health !== 'ok' && feed.lastError) line += `\n  ↳ last error: ${safeInline(feed.lastError, 200)}`;
  // A failing feed backs off; say when it will be tried again so an admin knows whether to wait.
  const nextTry = feed.health === 'failing' ? timestampOf(feed.nextDueAt, 'R') : undefined;
  if (nextTry) line += ` · next try ${nextTry}`;
  return line;
}

export function checkReportLines(report: CheckReport, maxItems = 8): string[] {
  if (report.error) return [`❌ ${safeInline(report.error, 400)}`];
  const relevant = report.items.filter((i) => i.relevant).length;
  const lines = [
    `✅ Read ${feedLabel(report.url, report.feedTitle)}: ${report.items.length} item(s), ${relevant} about the show.`,
    ...report.warnings.map((w) => `⚠️ ${safeInline(w, 300)}`),
  ];
  for (const item of report.items.slice(0, maxItems)) {
    const claims = item.claims.map((c) => `${c.kind} ${safeInline(c.subject ?? '', 40)} ${safeInline(c.value, 40)} ${confidenceBadge(c.confidence)}`.replace(/\s+/g, ' '));
    lines.push(`${item.relevant ? '•' : '◦'} ${safeInline(item.title, 120)} — ${safeInline(item.reason, 120)}${claims.length ? `\n  ↳ ${claims.join('; ')}` : ''}`);
  }
  return lines;
}
