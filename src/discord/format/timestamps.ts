/**
 * Discord renders <t:unix:style> in each reader's own time zone and language, so dates in replies
 * are sent as timestamps rather than as text in the server's zone.
 */
import { say } from './say.ts';

export type TimestampStyle = 't' | 'T' | 'd' | 'D' | 'f' | 'F' | 'R';

export function discordTimestamp(unixSeconds: number, style: TimestampStyle): string {
  return `<t:${Math.floor(unixSeconds)}:${style}>`;
}

/** A timestamp for an ISO time, or undefined when the string is not a time. */
export function timestampOf(iso: string | undefined, style: TimestampStyle): string | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : discordTimestamp(ms / 1000, style);
}

/** "Last checked <t:…:R>", or a plain statement that no poll has finished yet. */
export function lastCheckedLine(iso: string | undefined, locale?: string): string {
  const stamp = timestampOf(iso, 'R');
  if (!stamp) return say(locale, { en: 'No feed check has finished yet', ko: '아직 피드를 확인하지 못했습니다' });
  return say(locale, { en: `Last checked ${stamp}`, ko: `마지막 확인: ${stamp}` });
}
