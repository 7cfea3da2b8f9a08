/**
 * The dry run of a feed — fetch (or read a file), parse, and say for every item whether it is about
 * the show and what it claims. Nothing is stored. Behind the command line's `check` and `/feeds test`.
 */
import { readFile, stat } from 'node:fs/promises';
import type { ShowPack } from '../facts/show-pack.ts';
import { decodeBody } from '../feeds/charset.ts';
import { whyNotAFeed } from '../feeds/feed-sniff.ts';
import type { FetchOptions } from '../feeds/fetcher.ts';
import { DEFAULT_MAX_BYTES } from '../feeds/feed-limits.ts';
import { parseFeed } from '../feeds/parser.ts';
import { isUserFacing } from '../shared/errors.ts';
import type { CheckReport } from '../services/types.ts';
import { analyseItemReadingPage, type ArticleReader } from './analyse-item.ts';

export interface CheckOptions {
  fetch?: FetchOptions;
  /** Read linked pages of headline-only items (off unless asked: a dry run should be quick). */
  readArticle?: ArticleReader;
  /** Allow reading a local file instead of a URL (the command line; never from Discord). */
  allowFiles?: boolean;
  kind?: 'news-search' | 'outlet';
}

async function isFile(input: string): Promise<boolean> {
  // Anything with a scheme is a URL for the guard to judge (file: included: it will refuse it).
  if (/^[a-z][a-z0-9+.-]*:/i.test(input)) return false;
  try {
    return (await stat(input)).isFile();
  } catch {
    return false;
  }
}

export async function checkFeed(input: string, pack: ShowPack, options: CheckOptions = {}): Promise<CheckReport> {
  const report: CheckReport = { url: input, warnings: [], items: [] };
  let text: string;
  if (options.allowFiles && (await isFile(input))) {
    const maxBytes = options.fetch?.maxBytes ?? DEFAULT_MAX_BYTES;
    if ((await stat(input)).size > maxBytes) return { ...report, error: `the file is larger than ${maxBytes} bytes, the most a feed may be` };
    // The same charset rules as a fetched feed: BOM, then the XML declaration.
    text = decodeBody(await readFile(input)).text;
    const why = whyNotAFeed(text);
    if (why) return { ...report, error: why };
  } else {
    // The HTTP client loads only for a URL: checking a file (the command line) never needs it.
    const { fetchFeed } = await import('../feeds/fetcher.ts');
    const result = await fetchFeed(input, options.fetch ?? {});
    if (result.status === 'error') return { ...report, error: result.message };
    if (result.status === 'not-modified') return { ...report, error: 'the server answered 304 Not Modified to an unconditional request' };
    text = result.text;
    report.url = result.finalUrl;
  }
  let parsed;
  try {
    parsed = await parseFeed(text, report.url, options.kind ? { kind: options.kind } : {});
  } catch (error) {
    if (isUserFacing(error)) return { ...report, error: error.message };
    throw error;
  }
  if (parsed.title) report.feedTitle = parsed.title;
  report.warnings.push(...parsed.warnings);
  for (const item of parsed.items) {
    const { relevance, claims } = await analyseItemReadingPage(item, pack, options.readArticle);
    report.items.push({
      title: item.title,
      ...(item.link ? { link: item.link } : {}),
      ...(item.published ? { published: item.published } : {}),
      ...(item.outlet ? { outlet: item.outlet } : {}),
      relevant: relevance.relevant,
      reason: relevance.reason,
      claims,
    });
  }
  return report;
}
