/** The feed layer's public face: what the composition root, commands and CLI use. */
export { checkUrl, resolveAllowed, RefusedError, MAX_URL_LENGTH } from './url-guard.ts';
export { createGuardedAgent } from './guarded-agent.ts';
export type { GuardOptions, HostLookup, ResolvedAddress, UrlCheck } from './url-guard.ts';
export { fetchFeed, fetchDocument, USER_AGENT, DEFAULT_TIMEOUT_MS, DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS } from './fetcher.ts';
export type { FetchResult, FetchOk, FetchNotModified, FetchFailure, FetchErrorKind, FetchOptions } from './fetcher.ts';
export { parseFeed, DEFAULT_MAX_ITEMS } from './parser.ts';
export type { ParsedFeed, ParseOptions } from './parser.ts';
export { readArticleText, extractMainText } from './article-reader.ts';
export { HostThrottle, DEFAULT_MIN_GAP_MS } from './host-throttle.ts';
export {
  nextDueAfterSuccess, nextDueAfterFailure, needsUnconditional, isDue, backoffCeilingSeconds, DEFAULT_INTERVAL_SECONDS,
} from './scheduler.ts';
export { applyPollOutcome, newFeedRecord } from './feed-health.ts';
export type { PollOutcome, PollFailure, HealthOptions } from './feed-health.ts';
export { FeedPoller, DEFAULT_CONCURRENCY, TICK_CRON } from './poller.ts';
export type { FeedPollerOptions, ItemsHandler, TickReport } from './poller.ts';
export { loadFeedsConfig, parseFeedsConfig } from './feed-config.ts';
export type { FeedsConfig, FeedEntry, FeedKind } from './feed-config.ts';
export type { FeedItem } from './types.ts';
