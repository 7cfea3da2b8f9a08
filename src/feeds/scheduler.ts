import type { FeedRecord } from '../store/types.ts';

/**
 * When each feed is due next. Pure functions of time and a random source, so the numbers can be
 * tested exactly; the poller supplies the clock.
 */

/** The same default as POLL_INTERVAL_SECONDS, for callers that give no interval. */
export const DEFAULT_INTERVAL_SECONDS = 10 * 60;
export const MAX_BACKOFF_SECONDS = 24 * 60 * 60;
/** Full jitter can draw zero; a minute's floor keeps a failing feed from being hammered every tick. */
export const MIN_RETRY_SECONDS = 60;
export const UNCONDITIONAL_EVERY_MS = 24 * 60 * 60 * 1000;
/** A feed that has not worked for this long is switched off until an admin looks at it. */
export const DISABLE_AFTER_FAILING_MS = 7 * 24 * 60 * 60 * 1000;

export type Random = () => number;

/** The interval, moved by up to ±10 % so that feeds added together drift apart. */
export function nextDueAfterSuccess(now: Date, intervalSeconds: number, random: Random = Math.random): Date {
  const jitter = (random() * 2 - 1) * 0.1 * intervalSeconds;
  return new Date(now.getTime() + Math.round((intervalSeconds + jitter) * 1000));
}

/** The ceiling of the backoff window: interval × 2^(failures−1), at most 24 h. */
export function backoffCeilingSeconds(failures: number, intervalSeconds: number): number {
  const exponent = Math.max(0, failures - 1);
  // 2^exponent overflows to Infinity long after the cap applies; min() handles it.
  return Math.min(intervalSeconds * 2 ** exponent, MAX_BACKOFF_SECONDS);
}

/**
 * Exponential backoff with full jitter (a uniform draw below the ceiling), never sooner than the
 * floor, and never sooner than the server's own Retry-After (itself capped at 24 h).
 */
export function nextDueAfterFailure(
  now: Date,
  failures: number,
  intervalSeconds: number,
  options: { retryAfterSeconds?: number; random?: Random } = {},
): Date {
  const random = options.random ?? Math.random;
  const drawn = random() * backoffCeilingSeconds(failures, intervalSeconds);
  // A Retry-After is honoured up to the backoff cap: a server asking for years would otherwise switch the feed off silently.
  const retryAfter = Math.min(options.retryAfterSeconds ?? 0, MAX_BACKOFF_SECONDS);
  const delay = Math.max(drawn, Math.min(MIN_RETRY_SECONDS, intervalSeconds), retryAfter);
  return new Date(now.getTime() + Math.round(delay * 1000));
}

/** Conditional GETs can hide a server that keeps answering 304 wrongly; ask plainly at least daily. */
export function needsUnconditional(record: Pick<FeedRecord, 'lastUnconditionalAt'>, now: Date): boolean {
  if (!record.lastUnconditionalAt) return true;
  const last = Date.parse(record.lastUnconditionalAt);
  return Number.isNaN(last) || now.getTime() - last >= UNCONDITIONAL_EVERY_MS;
}

export function isDue(record: Pick<FeedRecord, 'nextDueAt' | 'health'>, now: Date): boolean {
  if (record.health === 'disabled') return false;
  const due = Date.parse(record.nextDueAt);
  return Number.isNaN(due) || due <= now.getTime();
}
