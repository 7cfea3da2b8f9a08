import cron, { type ScheduledTask } from 'node-cron';
import type { Dispatcher } from 'undici';
import { isUserFacing } from '../shared/errors.ts';
import { logger, type Logger } from '../shared/logger.ts';
import type { FeedRecord, FeedStore } from '../store/types.ts';
import { applyPollOutcome, type PollOutcome } from './feed-health.ts';
import type { FetchOptions, FetchResult, fetchFeed } from './fetcher.ts';
import type { parseFeed } from './parser.ts';
import { DEFAULT_INTERVAL_SECONDS, isDue, needsUnconditional, type Random } from './scheduler.ts';
import type { FeedItem } from './types.ts';
import type { GuardOptions } from './url-guard.ts';

const log = logger.child({ module: 'feeds.poller' });

export const DEFAULT_CONCURRENCY = 4;
export const NOT_MODIFIED_WITHOUT_VALIDATORS =
  'the site answered 304 Not Modified to a request without validators, so it never sent the feed; its server is misconfigured and the feed cannot be read';
export const TICK_CRON = '*/30 * * * * *';

/** The fact pipeline. The feed's new validators are saved only after this resolves. */
export type ItemsHandler = (feed: FeedRecord, items: FeedItem[]) => Promise<void>;

export interface FeedPollerOptions extends GuardOptions {
  store: FeedStore;
  onItems: ItemsHandler;
  logger?: Logger;
  concurrency?: number;
  intervalSeconds?: number;
  /** Per-fetch deadline and size cap (fetcher defaults otherwise). */
  timeoutMs?: number;
  maxBytes?: number;
  /** Which feeds put "Headline - Outlet" in titles. */
  kindOf?: (feed: FeedRecord) => 'news-search' | 'outlet' | undefined;
  now?: () => Date;
  random?: Random;
  /** Replaceable for tests of the poller's own logic. */
  fetch?: (url: string, options: FetchOptions) => Promise<FetchResult>;
}

export interface TickReport {
  /** Feeds this tick polled, with the health they ended in. */
  polled: { url: string; health: FeedRecord['health'] }[];
  /** Due feeds left alone because an earlier poll of them is still running. */
  stillRunning: string[];
}

/** What reading a feed takes: the guarded HTTP client, the fetcher and the parser. */
interface FeedReader {
  dispatcher: Dispatcher;
  fetchFeed: typeof fetchFeed;
  parseFeed: typeof parseFeed;
}

/**
 * undici, rss-parser and xml2js are some 200 modules that only reading a feed needs: they load
 * on the first fetch, so a bot with no feed due yet does not carry them, and neither does start-up.
 */
async function loadFeedReader(options: GuardOptions): Promise<FeedReader> {
  const [{ createGuardedAgent }, { fetchFeed }, { parseFeed }] = await Promise.all([
    import('./guarded-agent.ts'), import('./fetcher.ts'), import('./parser.ts'),
  ]);
  return { dispatcher: createGuardedAgent(options), fetchFeed, parseFeed };
}

function describe(error: unknown): string {
  if (isUserFacing(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}

export class FeedPoller {
  private readonly options: FeedPollerOptions;
  private reader: Promise<FeedReader> | undefined;
  private readonly inFlight = new Set<string>();
  /** Rounds still running: stop() waits for them, so nothing writes to a store being closed. */
  private readonly rounds = new Set<Promise<TickReport>>();
  private stopped = false;
  private task: ScheduledTask | undefined;
  private readonly log: Logger;

  constructor(options: FeedPollerOptions) {
    this.options = options;
    this.log = options.logger?.child({ module: 'feeds.poller' }) ?? log;
  }

  /** Ticks every 30 s. Each tick starts only feeds not already being polled, so one hung feed holds up nothing. */
  start(expression = TICK_CRON): void {
    if (this.task) return;
    this.stopped = false;
    this.task = cron.schedule(expression, () => {
      this.tick().catch((error: unknown) => log.error({ err: error }, 'poll tick failed'));
    });
  }

  /** Starts no new round and waits for the running ones (their items reach the store) before closing connections. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.task?.stop();
    this.task = undefined;
    await Promise.allSettled([...this.rounds]);
    await this.reader?.then((reader) => reader.dispatcher.close()).catch(() => undefined);
  }

  /** One round: every due feed, at most `concurrency` at a time. Resolves when this round's feeds are done. */
  tick(): Promise<TickReport> {
    if (this.stopped) return Promise.resolve({ polled: [], stillRunning: [] });
    const round = this.round();
    this.rounds.add(round);
    void round.finally(() => this.rounds.delete(round)).catch(() => undefined);
    return round;
  }

  private async round(): Promise<TickReport> {
    const now = this.now();
    let feeds: FeedRecord[];
    try {
      feeds = await this.options.store.list();
    } catch (error) {
      log.error({ err: error }, 'could not list feeds; skipping this round');
      return { polled: [], stillRunning: [] };
    }
    const due = feeds.filter((f) => isDue(f, now));
    const stillRunning = due.filter((f) => this.inFlight.has(f.url)).map((f) => f.url);
    const queue = due.filter((f) => !this.inFlight.has(f.url));
    for (const f of queue) this.inFlight.add(f.url);

    const polled: TickReport['polled'] = [];
    const worker = async () => {
      for (let feed = queue.shift(); feed; feed = queue.shift()) {
        try {
          const record = await this.pollOne(feed);
          if (record) polled.push({ url: record.url, health: record.health });
        } catch (error) {
          log.error({ err: error, feed: feed.url }, 'poll of one feed failed unexpectedly');
        } finally {
          this.inFlight.delete(feed.url);
        }
      }
    };
    const workers = Array.from({ length: Math.min(this.options.concurrency ?? DEFAULT_CONCURRENCY, queue.length) }, worker);
    await Promise.all(workers);
    return { polled, stillRunning };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Fetch, parse, hand on, then record: returns the record as stored, or undefined if the feed was removed meanwhile. */
  private async pollOne(feed: FeedRecord): Promise<FeedRecord | undefined> {
    const outcome = await this.outcomeFor(feed);
    const finished = this.now();
    // An admin may have changed or removed the feed while it was being fetched; update what is stored now.
    const current = await this.options.store.get(feed.url);
    if (!current) return undefined;
    const healthOptions = { intervalSeconds: this.options.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS, ...(this.options.random ? { random: this.options.random } : {}) };
    const next = applyPollOutcome(current, outcome, finished, healthOptions);
    await this.options.store.put(next);
    // One line when a feed's health changes (ok → failing → disabled, and back), not one per failed poll.
    const name = next.title ?? feed.url;
    if (next.health !== current.health && !(current.health === 'new' && next.health === 'ok')) {
      const fields = { feed: feed.url, name, from: current.health, to: next.health, failures: next.failures, ...(outcome.status === 'error' ? { error: outcome.message } : {}) };
      if (next.health === 'ok') this.log.info(fields, `feed ${name} works again`);
      else this.log.warn({ ...fields, nextTry: next.nextDueAt }, `feed ${name} is ${next.health}`);
    } else if (outcome.status === 'error') {
      this.log.debug({ feed: feed.url, kind: outcome.kind, error: outcome.message, failures: next.failures, nextTry: next.nextDueAt }, 'feed poll failed again');
    }
    return next;
  }

  private async outcomeFor(feed: FeedRecord): Promise<PollOutcome> {
    this.reader ??= loadFeedReader(this.options);
    const reader = await this.reader;
    const unconditional = needsUnconditional(feed, this.now());
    const fetchOptions: FetchOptions = { dispatcher: reader.dispatcher };
    if (this.options.allowedHosts) fetchOptions.allowedHosts = this.options.allowedHosts;
    if (this.options.lookup) fetchOptions.lookup = this.options.lookup;
    if (this.options.timeoutMs) fetchOptions.timeoutMs = this.options.timeoutMs;
    if (this.options.maxBytes) fetchOptions.maxBytes = this.options.maxBytes;
    if (!unconditional && feed.etag) fetchOptions.etag = feed.etag;
    if (!unconditional && feed.lastModified) fetchOptions.lastModified = feed.lastModified;

    const result = await (this.options.fetch ?? reader.fetchFeed)(feed.url, fetchOptions);
    if (result.status === 'not-modified' && !fetchOptions.etag && !fetchOptions.lastModified) {
      // Nothing to be "not modified" against: taking this as success would show a feed that is never read as healthy.
      return { status: 'error', kind: 'http', httpStatus: 304, message: NOT_MODIFIED_WITHOUT_VALIDATORS };
    }
    if (result.status !== 'ok') return result;

    let items: FeedItem[];
    let title: string | undefined;
    try {
      const kind = this.options.kindOf?.(feed);
      // Relative links resolve against where the feed was finally read, after any redirect.
      const parsed = await reader.parseFeed(result.text, result.finalUrl, kind ? { kind } : {});
      items = parsed.items;
      title = parsed.title;
      if (parsed.warnings.length) log.info({ feed: feed.url, warnings: parsed.warnings }, 'feed parsed with repairs');
    } catch (error) {
      return { status: 'error', kind: 'unparseable', message: describe(error) };
    }
    try {
      await this.options.onItems(feed, items);
    } catch (error) {
      log.error({ err: error, feed: feed.url }, 'items could not be processed');
      return { status: 'error', kind: 'processing', message: `the feed was read but its items could not be processed (${describe(error)}); it will be retried` };
    }
    const outcome: PollOutcome = { status: 'ok', unconditional };
    if (result.etag) outcome.etag = result.etag;
    if (result.lastModified) outcome.lastModified = result.lastModified;
    if (title) outcome.title = title;
    return outcome;
  }
}
