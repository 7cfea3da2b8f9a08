/**
 * `replay [--fresh] [--json] <feed-file-or-folder>...`: every item of those files, oldest first,
 * through relevance, extraction and the ledger, in a throw-away store, with nothing fetched.
 */
import { stat } from 'node:fs/promises';
import { oldestFirst } from '../engine/analyse-item.ts';
import { feedFiles, readFeedFiles, replayItems } from '../engine/replay.ts';
import type { FactEvent } from '../facts/types.ts';
import type { FeedItem } from '../feeds/types.ts';
import { cliContext, day, missingPath } from './common.ts';

/**
 * Every readable file's items, each article once, oldest first. A file that is too large (the
 * same limit as check and the poller) or cannot be read is named and left out; the rest go on.
 */
async function readEach(files: readonly string[], maxBytes: number): Promise<{ items: FeedItem[]; warnings: string[]; refused: string[] }> {
  const byKey = new Map<string, FeedItem>();
  const warnings: string[] = [];
  const refused: string[] = [];
  for (const file of files) {
    const size = (await stat(file)).size;
    if (size > maxBytes) {
      refused.push(`${file}: the file is ${size} bytes, larger than ${maxBytes} bytes, the most a feed may be (FETCH_MAX_BYTES)`);
      continue;
    }
    try {
      const read = await readFeedFiles([file]);
      warnings.push(...read.warnings);
      for (const item of read.items) {
        const key = item.link ?? item.id;
        if (!byKey.has(key)) byKey.set(key, item);
      }
    } catch (error) {
      refused.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { items: oldestFirst([...byKey.values()]), warnings, refused };
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
  const { config, pack } = await cliContext();
  const missing: string[] = [];
  for (const input of inputs) if (await missingPath(input)) missing.push(input);
  if (missing.length > 0) {
    console.error(`No such file or folder: ${missing.join(', ')}`);
    return 1;
  }
  const files = await feedFiles(inputs);
  if (files.length === 0) {
    console.error(`No feed files (.xml, .rss, .atom, .rdf) in ${inputs.join(', ')}`);
    return 1;
  }
  const { items, warnings, refused } = await readEach(files, config.fetchMaxBytes);
  for (const r of refused) console.error(`skipped ${r}`);
  const replayed = await replayItems(items, pack, { fresh: flags.fresh });
  let changes = 0;
  for (const { events } of replayed) {
    for (const e of events) {
      if (e.type === 'fact-change') changes++;
      if (e.type === 'ignored' && !flags.all) continue;
      console.log(flags.json ? JSON.stringify(eventJson(e)) : eventLine(e));
    }
  }
  if (!flags.json) {
    for (const w of warnings) console.error(`note: ${w}`);
    const relevant = replayed.filter((r) => r.relevant).length;
    console.error(`${items.length} items from ${files.length - refused.length} files, ${relevant} about the show, ${changes} fact changes.`);
  }
  // The readable files were replayed; a skipped one still makes the run a failure a script can see.
  return refused.length > 0 ? 1 : 0;
}
