/**
 * The documents section 1 feeds through both the parser alone and the whole pipeline: the
 * timeline fixtures repeated until there are a few thousand items, and one generated feed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { feedFiles } from '../src/engine/replay.ts';
import { generateArticles, renderRss } from './generated-feed.ts';

export interface BenchDocument {
  /**
   * Stands in for the feed URL. It must be a URL: the parser resolves item links against it, and
   * a file path as the base makes every link unreadable.
   */
  name: string;
  xml: string;
  kind?: 'news-search';
}

export interface BenchInput {
  label: string;
  /**
   * Each batch goes into a ledger of its own. One ledger fed fifty copies of the same sixty
   * articles would hold facts with hundreds of sources each, which measures that growth (the
   * separate ledger-growth figure) rather than the pipeline's steady rate.
   */
  batches: BenchDocument[][];
}

export function documentsOf(input: BenchInput): BenchDocument[] {
  return input.batches.flat();
}

export const TIMELINE_DIR = path.join('test', 'fixtures', 'timeline');

/**
 * Copy `k` of a fixture file with every identity made unique (guid, Atom id, and the .example
 * URLs that serve as links and RDF ids), so the item store and the ledger treat each copy as new
 * articles rather than repeats, as a busy feed's stream would be.
 */
export function distinctCopy(xml: string, k: number): string {
  return xml
    .replace(/\.example\//g, `.example/r${k}/`)
    .replace(/<\/guid>/g, `-r${k}</guid>`)
    .replace(/(<id>[^<]*)<\/id>/g, `$1-r${k}</id>`);
}

export async function timelineInput(minItems: number): Promise<BenchInput & { files: number; copies: number }> {
  const files = await feedFiles([TIMELINE_DIR]);
  const originals = await Promise.all(files.map(async (file) => ({ file, xml: await readFile(file, 'utf8') })));
  const perCopy = originals.reduce((n, o) => n + (o.xml.match(/<item[\s>]|<entry[\s>]/g)?.length ?? 0), 0);
  const copies = Math.max(1, Math.ceil(minItems / perCopy));
  const batches: BenchDocument[][] = [];
  for (let k = 0; k < copies; k++) {
    const documents: BenchDocument[] = [];
    batches.push(documents);
    for (const { file, xml } of originals) {
      const doc: BenchDocument = { name: `https://bench.example/timeline/${path.basename(file)}?copy=${k}`, xml: distinctCopy(xml, k) };
      if (/search/i.test(path.basename(file))) doc.kind = 'news-search';
      documents.push(doc);
    }
  }
  return { label: `timeline fixtures ×${copies}`, batches, files: files.length, copies };
}

export function generatedInput(count: number): BenchInput {
  const base = 'https://streamdesk.example';
  return { label: `generated feed (${count} items)`, batches: [[{ name: `${base}/feed`, xml: renderRss('Stream Desk', base, generateArticles(count)) }]] };
}
