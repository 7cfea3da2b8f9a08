/**
 * The poller's pipeline for the items of one feed: skip what was already processed, read each new
 * article (oldest first) for claims, let the ledger judge them, hand the events to whoever must
 * persist them (the alert outbox) before the facts are saved, then record the items as processed.
 *
 * The order is what makes a crash harmless: if the process dies after the outbox write but before
 * the facts or items are saved, the next poll judges the same article to the same events, and the
 * outbox's deterministic ids turn the second write into a no-op.
 */
import { describeClaim } from '../facts/extract.ts';
import type { FactLedger } from '../facts/ledger-store.ts';
import type { ShowPack } from '../facts/show-pack.ts';
import type { FactEvent } from '../facts/types.ts';
import type { FeedItem } from '../feeds/types.ts';
import { logger } from '../shared/logger.ts';
import type { ItemStore, ProcessedItem } from '../store/types.ts';
import { analyseItemReadingPage, oldestFirst, type ArticleReader, type ItemAnalysis } from './analyse-item.ts';
import { createExclusive, type Exclusive } from './serial.ts';

const log = logger.child({ module: 'engine' });

export interface ItemProcessorDeps {
  pack: ShowPack;
  ledger: FactLedger;
  items: ItemStore;
  readArticle?: ArticleReader;
  /** Persists what must not be lost (alert deliveries). Runs before the facts are saved. */
  onEvents?: (events: FactEvent[]) => Promise<void>;
  clock?: () => Date;
  /**
   * Serialises the ledger section across concurrent callers (the poller reads several feeds at
   * once). Share one between every caller that writes the same facts.
   */
  exclusive?: Exclusive;
}

export interface ProcessOptions {
  /**
   * Articles published before this time are caught up on silently: their facts are learned but not
   * announced. Used for a feed's first fetch, so adding a feed never floods a server with old news.
   */
  silentBefore?: string;
}

export interface ProcessReport {
  processed: number;
  relevant: number;
  events: FactEvent[];
}

function toProcessed(analysis: ItemAnalysis, processedAt: string): ProcessedItem {
  const { item, relevance, claims } = analysis;
  return {
    id: item.id,
    feedUrl: item.feedUrl,
    ...(item.link ? { link: item.link } : {}),
    title: item.title,
    ...(item.outlet ? { outlet: item.outlet } : {}),
    ...(item.published ? { published: item.published } : {}),
    relevant: relevance.relevant,
    summary: claims.map(describeClaim),
    processedAt,
  };
}

function isSilent(item: FeedItem, options: ProcessOptions): boolean {
  if (!options.silentBefore) return false;
  // An undated item cannot prove it is old. Real outlets date their items; one that does not is
  // more likely a small feed run by hand than an archive, and the ledger still keeps known facts
  // to corroborations, so it is treated as news.
  if (!item.published) return false;
  return item.published < options.silentBefore;
}

export async function processItems(items: readonly FeedItem[], deps: ItemProcessorDeps, options: ProcessOptions = {}): Promise<ProcessReport> {
  const clock = deps.clock ?? (() => new Date());
  const seen = await deps.items.seen(items.map((i) => i.id));
  const fresh = oldestFirst(dedupeById(items.filter((i) => !seen.has(i.id))));
  const report: ProcessReport = { processed: 0, relevant: 0, events: [] };

  const exclusive = deps.exclusive ?? createExclusive();
  for (const item of fresh) {
    // Reading the article (maybe its linked page) needs no lock; judging it against the facts does.
    const analysis = await analyseItemReadingPage(item, deps.pack, deps.readArticle);
    await exclusive(async () => {
      // Another feed may have carried the same article meanwhile.
      if ((await deps.items.seen([item.id])).has(item.id)) return;
      if (analysis.claims.length > 0) {
        const batch = await deps.ledger.evaluate(analysis.claims, { silent: isSilent(item, options) });
        if (deps.onEvents) await deps.onEvents(batch.events);
        await batch.commit();
        report.events.push(...batch.events);
      }
      await deps.items.record([toProcessed(analysis, clock().toISOString())]);
    });
    report.processed++;
    if (analysis.relevance.relevant) report.relevant++;
  }
  if (report.processed > 0) {
    log.info({ feed: items[0]?.feedUrl, feedItems: items.length, processed: report.processed, relevant: report.relevant, changes: report.events.filter((e) => e.type === 'fact-change').length }, 'items processed');
  }
  return report;
}

/** Feeds sometimes repeat an item (same guid twice): process it once. */
function dedupeById(items: readonly FeedItem[]): FeedItem[] {
  const byId = new Map<string, FeedItem>();
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  return [...byId.values()];
}
