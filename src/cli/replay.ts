/**
 * `replay [--fresh] [--json] <feed-file-or-folder>...`: every item of those files, oldest first,
 * through relevance, extraction and the ledger, in a throw-away store, with nothing fetched.
 */
import { feedFiles, readFeedFiles, replayItems } from '../engine/replay.ts';
import type { FactEvent } from '../facts/types.ts';
import { cliContext, day } from './common.ts';

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
  const { items, warnings } = await readFeedFiles(files);
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
    console.error(`${items.length} items from ${files.length} files, ${relevant} about the show, ${changes} fact changes.`);
  }
  return 0;
}
