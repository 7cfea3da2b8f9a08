import type { FeedRecord } from '../store/types.ts';
import type { FetchErrorKind } from './fetcher.ts';
import { DISABLE_AFTER_FAILING_MS, nextDueAfterFailure, nextDueAfterSuccess, type Random } from './scheduler.ts';

/**
 * How one poll changes a feed's record. The poller decides what happened; these functions only
 * say what the record looks like afterwards, so every transition is testable without I/O.
 */

export interface HealthOptions {
  intervalSeconds: number;
  random?: Random;
}

export interface PollFailure {
  status: 'error';
  /** Fetch failures, plus a feed that could not be parsed and items the pipeline could not take. */
  kind: FetchErrorKind | 'unparseable' | 'processing';
  message: string;
  retryAfterSeconds?: number;
  httpStatus?: number;
}

/** What the poll achieved, after the items (if any) were handed on and stored. */
export type PollOutcome =
  | { status: 'ok'; etag?: string; lastModified?: string; title?: string; unconditional: boolean }
  | { status: 'not-modified' }
  | PollFailure;

export function applyPollOutcome(record: FeedRecord, outcome: PollOutcome, now: Date, options: HealthOptions): FeedRecord {
  const at = now.toISOString();
  const next: FeedRecord = { ...record, lastAttemptAt: at };
  if (outcome.status === 'ok' || outcome.status === 'not-modified') {
    next.health = 'ok';
    next.failures = 0;
    next.lastSuccessAt = at;
    delete next.lastError;
    next.nextDueAt = nextDueAfterSuccess(now, options.intervalSeconds, options.random).toISOString();
    if (outcome.status === 'ok') {
      // A fresh 200 replaces the validators; a server that stopped sending them must not keep stale ones.
      if (outcome.etag) next.etag = outcome.etag;
      else delete next.etag;
      if (outcome.lastModified) next.lastModified = outcome.lastModified;
      else delete next.lastModified;
      if (outcome.title && !next.title) next.title = outcome.title;
      if (outcome.unconditional) next.lastUnconditionalAt = at;
      next.baselined = true;
    }
    return next;
  }

  next.failures = record.failures + 1;
  next.lastError = outcome.message;
  const failingSince = Date.parse(record.lastSuccessAt ?? record.createdAt);
  // The feed was read but our side could not process it (the store is down): that is not the
  // feed's fault, and a long outage of ours must not switch every feed off.
  const feedsFault = outcome.kind !== 'processing';
  const failingTooLong = feedsFault && !Number.isNaN(failingSince) && now.getTime() - failingSince >= DISABLE_AFTER_FAILING_MS;
  if (outcome.kind === 'gone') {
    next.health = 'disabled';
  } else if (failingTooLong) {
    next.health = 'disabled';
    next.lastError = `${outcome.message} (no successful read for 7 days, so the feed was paused; re-enable it once it works again)`;
  } else {
    next.health = 'failing';
  }
  const retry: { retryAfterSeconds?: number; random?: Random } = {};
  if (outcome.retryAfterSeconds !== undefined) retry.retryAfterSeconds = outcome.retryAfterSeconds;
  if (options.random) retry.random = options.random;
  next.nextDueAt = nextDueAfterFailure(now, next.failures, options.intervalSeconds, retry).toISOString();
  return next;
}

/** A record for a feed nobody has fetched yet: due at once, nothing to compare against. */
export function newFeedRecord(url: string, now: Date, init: { isDefault: boolean; addedBy?: string[]; title?: string }): FeedRecord {
  const record: FeedRecord = {
    url,
    addedBy: init.addedBy ?? [],
    isDefault: init.isDefault,
    health: 'new',
    failures: 0,
    nextDueAt: now.toISOString(),
    baselined: false,
    createdAt: now.toISOString(),
  };
  if (init.title) record.title = init.title;
  return record;
}
