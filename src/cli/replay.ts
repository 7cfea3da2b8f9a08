/**
 * `replay [--fresh] [--json] <feed-file-or-folder>...`: every item of those files, oldest first,
 * through relevance, extraction and the ledger, in a throw-away store, with nothing fetched.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { analyseItem, oldestFirst } from '../engine/analyse-item.ts';
import { FactLedger } from '../facts/ledger-store.ts';
import { baselineClaims } from '../facts/show-pack.ts';
import type { FactEvent } from '../facts/types.ts';
import { parseFeed } from '../feeds/parser.ts';
import type { FeedItem } from '../feeds/types.ts';
import { openStores } from '../store/index.ts';
import { cliContext, day } from './common.ts';

const FEED_FILE = /\.(xml|rss|atom|rdf)$/i;

async function feedFiles(inputs: readonly string[]): Promise<string[]> {
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

async function readItems(files: readonly string[]): Promise<{ items: FeedItem[]; warnings: string[] }> {
  const byId = new Map<string, FeedItem>();
  const warnings: string[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const kind = /search/i.test(path.basename(file)) ? 'news-search' : undefined;
    const parsed = await parseFeed(text, file, { maxItems: 10_000, ...(kind ? { kind } : {}) });
    for (const w of parsed.warnings) warnings.push(`${file}: ${w}`);
    for (const item of parsed.items) {
      const key = item.link ?? item.id;
      if (!byId.has(key)) byId.set(key, item);
    }
  }
  return { items: oldestFirst([...byId.values()]), warnings };
}

/** The JSON shape of one event; stable, documented in the README. */
export function eventJson(e: FactEvent): Record<string, unknown> {
  return {
    type: e.type,
    kind: e.kind,
    subject: e.subject,
    value: e.value,
    previous: e.previous,
    confidence: e.confidence,
    date: e.date ?? null,
    character: e.character ?? null,
    reason: e.reason ?? null,
    sources: e.sources.map((s) => ({ url: s.itemUrl, title: s.title ?? null, published: s.published ?? null, outlet: s.outlet ?? null })),
  };
}

function eventLine(e: FactEvent): string {
  const cause = e.sources[0];
  const what = `${e.kind}${e.subject ? ` ${e.subject}` : ''} ${e.value}${e.character ? ` as ${e.character}` : ''}${e.date ? ` on ${e.date}` : ''}`;
  const was = e.previous ? ` (was ${e.previous})` : '';
  const label = e.type === 'fact-change' ? `CHANGE/${e.reason}` : e.type.toUpperCase();
  return `${day(cause?.published)}  ${label.padEnd(18)} ${what} [${e.confidence}]${was}  ← ${cause?.outlet ?? ''} "${cause?.title ?? ''}"`;
}

export async function runReplay(inputs: readonly string[], flags: { fresh: boolean; json: boolean; all: boolean }): Promise<number> {
  const { pack } = await cliContext();
  const files = await feedFiles(inputs);
  if (files.length === 0) throw new Error(`no feed files (.xml, .rss, .atom, .rdf) in ${inputs.join(', ')}`);
  const { items, warnings } = await readItems(files);
  const stores = await openStores('sqlite://:memory:');
  try {
    const ledger = new FactLedger(stores.facts, { clock: () => new Date('2000-01-01T00:00:00Z') });
    if (!flags.fresh) await ledger.seedBaseline(baselineClaims(pack));
    let relevant = 0;
    let changes = 0;
    for (const item of items) {
      const analysis = analyseItem(item, pack);
      if (analysis.relevance.relevant) relevant++;
      if (analysis.claims.length === 0) continue;
      const events = await ledger.apply(analysis.claims);
      for (const e of events) {
        if (e.type === 'fact-change') changes++;
        if (e.type === 'ignored' && !flags.all) continue;
        console.log(flags.json ? JSON.stringify(eventJson(e)) : eventLine(e));
      }
    }
    if (!flags.json) {
      for (const w of warnings) console.error(`note: ${w}`);
      console.error(`${items.length} items from ${files.length} files, ${relevant} about the show, ${changes} fact changes.`);
    }
    return 0;
  } finally {
    await stores.close();
  }
}
