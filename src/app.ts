/**
 * Builds the bot without Discord: stores, show pack, ledger, feeds, poller, alert outbox and the
 * delivery worker (when given a Discord port). `main.ts` adds the discord.js client on top; tests
 * and benchmarks build the same app with their own ports, so what they exercise is what runs.
 */
import path from 'node:path';
import { earlierCastOf } from './alerts/alert-title.ts';
import { reasonIn } from './alerts/reason-words.ts';
import { DeliveryWorker } from './alerts/delivery.ts';
import { planDeliveries } from './alerts/fan-out.ts';
import { serverLanguagePort, type AlertTally } from './alerts/server-language-port.ts';
import { SUMMARY_INTERVAL_MS, summarize } from './daily-summary.ts';
import type { DiscordPort } from './alerts/types.ts';
import type { Config } from './config/env.ts';
import type * as Engine from './engine/process-items.ts';
import { createExclusive } from './engine/serial.ts';
import { FactLedger } from './facts/ledger-store.ts';
import { baselineClaims, loadShowPack, type ShowPack } from './facts/show-pack.ts';
import type { FactEvent } from './facts/types.ts';
import { articlePages } from './feeds/article-pages.ts';
import { loadFeedsConfig, type FeedKind } from './feeds/feed-config.ts';
import { newFeedRecord } from './feeds/feed-health.ts';
import { FeedPoller } from './feeds/poller.ts';
import type { FeedItem } from './feeds/types.ts';
import { channelLanguage, createAlertAdmin } from './services/alert-admin.ts';
import { createFactQueries } from './services/fact-queries.ts';
import { createFeedAdmin } from './services/feed-admin.ts';
import type { BotServices } from './services/types.ts';
import { logger } from './shared/logger.ts';
import { openStores } from './store/index.ts';
import type { FeedRecord, Stores } from './store/types.ts';

const log = logger.child({ module: 'app' });

/**
 * How often the poller looks for due feeds: every 30 s, or more often for short intervals (a
 * self-hosted feed service polled every 20 s must not wait for a 30 s tick).
 */
export function tickCronFor(intervalSeconds: number): string {
  const every = Math.max(5, Math.min(30, Math.floor(intervalSeconds / 2)));
  return `*/${every} * * * * *`;
}

/** On a feed's first fetch, articles older than this before it was added are caught up on silently. */
export const FIRST_FETCH_GRACE_MS = 30 * 24 * 3600 * 1000;

export interface AppOptions {
  /** Where alerts go; without one the app polls and learns but sends nothing. */
  port?: DiscordPort;
  /** Tells a server's admins that its alerts were stopped (403/404). */
  notifyAdmins?: (guildId: string, text: string) => Promise<void>;
  /** A server's preferred locale as Discord reports it; decides its alert language until an admin picks one. */
  guildLocale?: (guildId: string) => string | undefined;
  /** The server a channel belongs to, as Discord's cache knows it. */
  guildOfChannel?: (channelId: string) => string | undefined;
  /** Called when the delivery worker stops for good (the token was refused). */
  onFatal?: (reason: string) => void;
  /** Overrides for tests: a faster tick, a different clock, prebuilt stores. */
  tickCron?: string;
  deliveryPollMs?: number;
  clock?: () => Date;
  stores?: Stores;
  /** Runs on stop() after polling and delivery have stopped, before the stores close (gives up the lease). */
  beforeClose?: () => Promise<void>;
}

export interface App {
  config: Config;
  pack: ShowPack;
  stores: Stores;
  services: BotServices;
  poller: FeedPoller;
  delivery: DeliveryWorker | undefined;
  /** One poll round now (for tests and for a feed an admin just added). */
  pollNow(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

/** Makes the stored default feeds match config/feeds.json. */
async function syncDefaultFeeds(stores: Stores, entries: { url: string }[], now: Date): Promise<void> {
  const wanted = new Set(entries.map((e) => e.url));
  for (const feed of await stores.feeds.list()) {
    if (feed.isDefault && !wanted.has(feed.url)) {
      if (feed.addedBy.length === 0) await stores.feeds.remove(feed.url);
      else await stores.feeds.put({ ...feed, isDefault: false });
    }
  }
  for (const url of wanted) {
    const existing = await stores.feeds.get(url);
    if (!existing) await stores.feeds.put(newFeedRecord(url, now, { isDefault: true }));
    else if (!existing.isDefault) await stores.feeds.put({ ...existing, isDefault: true });
  }
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? (() => new Date());
  const pack = await loadShowPack(path.join('config', 'shows', `${config.show}.json`));
  const feedsConfig = await loadFeedsConfig(config.feedsFile);
  const stores = options.stores ?? (await openStores(config.storeUrl, { namespace: config.storeNamespace }));
  // Fail at start, clearly, rather than on the first poll.
  await stores.ping();

  const ledger = new FactLedger(stores.facts, { clock });
  const seeded = await ledger.seedBaseline(baselineClaims(pack));
  if (seeded.length > 0) log.info({ facts: seeded.length }, 'seeded the shipped starting facts');
  await syncDefaultFeeds(stores, feedsConfig.feeds, clock());

  const guard = { allowedHosts: config.allowedHosts };
  const fetchOptions = { ...guard, timeoutMs: config.fetchTimeoutMs, maxBytes: config.fetchMaxBytes };
  const pages = config.readArticlePages ? articlePages(guard, fetchOptions) : undefined;

  let delivery: DeliveryWorker | undefined;
  const tally: AlertTally = { posted: 0, edited: 0 };
  let summaryTimer: NodeJS.Timeout | undefined;

  /** Writes the alerts a batch of events calls for, before the ledger saves the facts. */
  async function enqueueAlerts(events: FactEvent[]): Promise<void> {
    const announce = events.filter((e) => !e.silent && (e.type === 'fact-change' || e.type === 'corroboration'));
    if (announce.length === 0) return;
    const guilds = await stores.guilds.list();
    let queued = 0;
    for (const event of announce) queued += (await planDeliveries(event, guilds, stores.outbox, { now: clock })).length;
    if (queued > 0 && delivery?.running) void delivery.drainOnce().catch((error: unknown) => log.warn({ err: error }, 'immediate delivery round failed'));
  }

  const exclusive = createExclusive();
  // The fact extraction engine is loaded with the first items, not at start: answering commands
  // and delivering alerts never need it.
  let engine: Promise<typeof Engine> | undefined;
  async function onItems(feed: FeedRecord, items: FeedItem[]): Promise<void> {
    const silentBefore = feed.baselined ? undefined : new Date(Date.parse(feed.createdAt) - FIRST_FETCH_GRACE_MS).toISOString();
    engine ??= import('./engine/process-items.ts');
    const { processItems } = await engine;
    await processItems(items, { pack, ledger, items: stores.items, onEvents: enqueueAlerts, clock, exclusive, ...(pages ? { readArticle: pages.read } : {}) }, silentBefore ? { silentBefore } : {});
  }

  const kinds = new Map<string, FeedKind>(feedsConfig.feeds.map((f) => [f.url, f.kind]));
  const poller = new FeedPoller({
    store: stores.feeds,
    onItems,
    ...guard,
    intervalSeconds: config.pollIntervalSeconds,
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.fetchMaxBytes,
    kindOf: (feed) => kinds.get(feed.url),
    now: clock,
  });

  const pollNow = async () => {
    await poller.tick();
  };

  const alerts = createAlertAdmin({
    guilds: stores.guilds,
    feeds: stores.feeds,
    outbox: stores.outbox,
    meta: stores.meta,
    showTitle: pack.titles.primary,
    season: pack.season,
    clock,
    ...(options.guildLocale ? { guildLocale: options.guildLocale } : {}),
  });

  if (options.port) {
    delivery = new DeliveryWorker({
      outbox: stores.outbox,
      guilds: stores.guilds,
      // Every alert is written in both languages; each server is sent the one it reads.
      port: serverLanguagePort(options.port, channelLanguage(stores.guilds, alerts, {
        clock,
        ...(options.guildOfChannel ? { guildOfChannel: options.guildOfChannel } : {}),
      }), logger, tally),
      showTitle: pack.titles.primary,
      season: pack.season,
      earlierCast: earlierCastOf(pack.people, pack.season),
      // A second's worth of channels at a time keeps the pipe full without long waits at the pacer.
      concurrency: config.deliveryRatePerSecond,
      now: clock,
      isCurrent: async (event) => {
        const fact = await stores.facts.getFact(event.kind, event.subject);
        return fact !== undefined && fact.value === event.value && fact.confidence === event.confidence;
      },
      ...(options.deliveryPollMs ? { pollIntervalMs: options.deliveryPollMs } : {}),
      onGuildDisabled: async (guildId, reason) => {
        log.warn({ guildId, reason }, 'alerts disabled for a server');
        // The notice is read by the server's admins: in the server's alert language.
        const { language } = await alerts.language(guildId).catch(() => ({ language: 'en' as const }));
        await options.notifyAdmins?.(guildId, reasonIn(reason, language));
      },
      ...(options.onFatal ? { onFatal: options.onFatal } : {}),
    });
  }

  const services: BotServices = {
    facts: createFactQueries(pack, stores),
    feeds: createFeedAdmin({
      pack,
      feeds: stores.feeds,
      guilds: stores.guilds,
      guard,
      check: { fetch: fetchOptions },
      clock,
      names: new Map(feedsConfig.feeds.map((f) => [f.url, f.name])),
      // A feed just added is fetched at once: its baseline is taken while the admin is still looking.
      onAdded: () => void pollNow().catch((error: unknown) => log.warn({ err: error }, 'poll after /feeds add failed')),
    }),
    alerts,
  };

  return {
    config,
    pack,
    stores,
    services,
    poller,
    delivery,
    pollNow,
    start() {
      poller.start(options.tickCron ?? tickCronFor(config.pollIntervalSeconds));
      delivery?.start();
      // One line a day on how things stand: feeds by health, facts changed, alerts sent.
      summaryTimer = setInterval(() => {
        summarize({ feeds: stores.feeds, facts: stores.facts, tally, clock, logger }).catch((error: unknown) => log.warn({ err: error }, 'daily summary failed'));
      }, SUMMARY_INTERVAL_MS);
      summaryTimer.unref();
      void pollNow().catch((error: unknown) => log.error({ err: error }, 'first poll round failed'));
    },
    async stop() {
      clearInterval(summaryTimer);
      await poller.stop();
      await delivery?.stop();
      await pages?.close().catch(() => undefined);
      await options.beforeClose?.();
      await stores.close();
    },
  };
}
