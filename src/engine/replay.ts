/**
 * Replays feed files through the engine, oldest first, in a throw-away store, with nothing
 * fetched: the command line's `replay` and the timeline tests share it.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FactLedger } from '../facts/ledger-store.ts';
import { baselineClaims, type ShowPack } from '../facts/show-pack.ts';
import type { FactEvent } from '../facts/types.ts';
import { decodeBody } from '../feeds/charset.ts';
import { parseFeed } from '../feeds/parser.ts';
import type { FeedItem } from '../feeds/types.ts';
import { openStores } from '../store/index.ts';
import { analyseItem, oldestFirst } from './analyse-item.ts';

const FEED_FILE = /\.(xml|rss|atom|rdf)$/i;

export async function feedFiles(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input);
    if (info.isFile()) files.push(input);
    else if (info.isDirectory()) {
      const entries = await readdir(input, { recursive: true, withFileTypes: true });
      for (const e of entries) if (e.isFile() && FEED_FILE.test(e.name)) files.push(path.join(e.parentPath, e.name));
    }
  }
  return files.sort();
}

/** Every item of the files, each once (the same link in two feeds is one article), oldest first. */
export async function readFeedFiles(files: readonly string[]): Promise<{ items: FeedItem[]; warnings: string[] }> {
  const byKey = new Map<string, FeedItem>();
  const warnings: string[] = [];
  for (const file of files) {
    // Feed files keep the charset their outlet used: the same BOM / XML declaration rules as a fetch.
    const text = decodeBody(await readFile(file)).text;
    const kind = /search/i.test(path.basename(file)) ? 'news-search' : undefined;
    const parsed = await parseFeed(text, file, { maxItems: 10_000, ...(kind ? { kind } : {}) });
    for (const w of parsed.warnings) warnings.push(`${file}: ${w}`);
    for (const item of parsed.items) {
      const key = item.link ?? item.id;
      if (!byKey.has(key)) byKey.set(key, item);
    }
  }
  return { items: oldestFirst([...byKey.values()]), warnings };
}

export interface ReplayedItem {
  item: FeedItem;
  relevant: boolean;
  events: FactEvent[];
}

/** Runs items in the order given; starts from the pack's baseline unless `fresh`. */
export async function replayItems(items: readonly FeedItem[], pack: ShowPack, options: { fresh: boolean }): Promise<ReplayedItem[]> {
  const stores = await openStores('sqlite://:memory:');
  try {
    // A fixed clock: replay output must not depend on when it runs.
    const ledger = new FactLedger(stores.facts, { clock: () => new Date('2000-01-01T00:00:00Z') });
    if (!options.fresh) await ledger.seedBaseline(baselineClaims(pack));
    const out: ReplayedItem[] = [];
    for (const item of items) {
      const analysis = analyseItem(item, pack);
      const events = analysis.claims.length > 0 ? await ledger.apply(analysis.claims) : [];
      out.push({ item, relevant: analysis.relevance.relevant, events });
    }
    return out;
  } finally {
    await stores.close();
  }
}
