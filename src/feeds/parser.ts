import { createHash } from 'node:crypto';
import Parser from 'rss-parser';
import { UserFacingError } from '../shared/errors.ts';
import { htmlToText, titleToText } from './html-text.ts';
import type { FeedItem } from './types.ts';
import { prepareXml, splitItems, withoutDates, withoutLinks } from './xml-prepare.ts';
import { compareText } from '../shared/text-order.ts';

export const DEFAULT_MAX_ITEMS = 300;
export const MAX_TITLE_LENGTH = 500;
export const MAX_TEXT_LENGTH = 20_000;

export interface ParsedFeed {
  title?: string;
  items: FeedItem[];
  /** What was repaired or dropped, for logs and /feeds diagnostics. */
  warnings: string[];
}

export interface ParseOptions {
  maxItems?: number;
  /** News-search feeds put the outlet at the end of every title ("Headline - Outlet"). */
  kind?: 'news-search' | 'outlet';
}

type RawItem = Record<string, unknown>;
type RawFeed = { title?: unknown; items: RawItem[] };

const rss = new Parser<Record<string, unknown>, RawItem>({
  // Atom's published/updated are asked for as written: rss-parser turns them into UTC and the
  // zone the outlet wrote them in is lost (see utcOffsetMinutes).
  customFields: { item: [['source', 'newsSource'], ['published', 'writtenPublished'], ['updated', 'writtenUpdated']] as unknown as string[] },
});

async function parseXml(xml: string): Promise<RawFeed> {
  return (await rss.parseString(xml)) as unknown as RawFeed;
}

/** Parses RSS 2.0, RSS 1.0 (RDF) and Atom into FeedItems, newest first. Throws UserFacingError when nothing can be read. */
export async function parseFeed(text: string, feedUrl: string, options: ParseOptions = {}): Promise<ParsedFeed> {
  const { xml, warnings } = prepareXml(text);
  let raw: RawFeed;
  try {
    raw = await parseXml(xml);
  } catch (error) {
    raw = await parseItemByItem(xml, warnings, error);
  }
  const feedTitle = stringOf(raw.title);
  const title = feedTitle ? titleToText(feedTitle, MAX_TITLE_LENGTH) : undefined;
  const items: FeedItem[] = [];
  for (const [index, rawItem] of raw.items.entries()) {
    const item = toFeedItem(rawItem, feedUrl, title, options);
    if (item) items.push(item);
    else warnings.push(`item ${index + 1} had no title, text or link and was skipped`);
  }
  const capped = newestFirst(items).slice(0, options.maxItems ?? DEFAULT_MAX_ITEMS);
  if (capped.length < items.length) warnings.push(`kept the newest ${capped.length} of ${items.length} items`);
  const result: ParsedFeed = { items: capped, warnings };
  if (title) result.title = title;
  return result;
}

/** The whole document failed: try each item alone, then without its dates and/or its links. */
async function parseItemByItem(xml: string, warnings: string[], wholeError: unknown): Promise<RawFeed> {
  const split = splitItems(xml);
  const reason = wholeError instanceof Error ? wholeError.message.split('\n')[0] : String(wholeError);
  if (!split) {
    throw new UserFacingError('feed-unreadable', `the feed could not be read as RSS or Atom (${reason})`, { cause: wholeError });
  }
  let title: unknown;
  try {
    title = (await parseXml(split.head + split.tail)).title;
  } catch (error) {
    throw new UserFacingError('feed-unreadable', `the feed could not be read as RSS or Atom (${reason})`, { cause: error });
  }
  const items: RawItem[] = [];
  for (const [index, fragment] of split.items.entries()) {
    const attempts: [string, string | undefined][] = [
      [fragment, undefined],
      [withoutDates(fragment), 'its date could not be read and was dropped'],
      [withoutLinks(fragment), 'its link could not be read and was dropped'],
      [withoutLinks(withoutDates(fragment)), 'its date and link could not be read and were dropped'],
    ];
    let parsed = false;
    for (const [candidate, note] of attempts) {
      try {
        const one = await parseXml(split.head + candidate + split.tail);
        if (one.items[0]) items.push(one.items[0]);
        if (note) warnings.push(`item ${index + 1}: ${note}`);
        parsed = true;
        break;
      } catch {
        // Try the next, more forgiving, version of this item.
      }
    }
    if (!parsed) warnings.push(`item ${index + 1} could not be read and was skipped`);
  }
  return { title, items };
}

/** xml2js gives a string, or an object whose text is in `_` when the element had attributes. */
function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return stringOf(value[0]);
  if (value && typeof value === 'object' && typeof (value as { _?: unknown })._ === 'string') return (value as { _: string })._;
  return undefined;
}

function safeLink(value: string | undefined, base: string): string | undefined {
  if (!value) return undefined;
  try {
    // Feeds read from a file have a path, not a URL, as their base: absolute links must still count.
    const url = URL.canParse(base) ? new URL(value.trim(), base) : new URL(value.trim());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password) return url.href;
  } catch {
    // A link that is not a URL is dropped; the item still counts.
  }
  return undefined;
}

/** Zones outlets write by name; anything else without a numeric offset is left unknown. */
const ZONE_NAMES: Record<string, number> = { GMT: 0, UT: 0, UTC: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, KST: 540, JST: 540, IST: 330, BST: 60, CET: 60, CEST: 120 };

/** The offset a date was written in: "+0900", "-05:00", "GMT", "KST"; undefined when it says none. */
export function utcOffsetMinutes(text: string | undefined): number | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  const numeric = /([+-])(\d{2}):?(\d{2})$/.exec(t);
  if (numeric && /\d[T\s]\d{1,2}:\d{2}|\d{1,2}:\d{2}(?::\d{2})?\s*[+-]/.test(t)) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
  const named = /\b([A-Z]{1,4})$/.exec(t);
  return named?.[1] !== undefined ? ZONE_NAMES[named[1]] : undefined;
}

function isoDate(...candidates: unknown[]): string | undefined {
  for (const candidate of candidates) {
    const text = stringOf(candidate)?.trim();
    if (!text) continue;
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  return undefined;
}

/** News-search descriptions often just repeat the headline; counting it twice would double its claims. */
function stripRepeatedHeadline(text: string, title: string): string {
  return text.trim() === title.trim() ? '' : text;
}

/** The outlet's name closing a description, with or without a dash before it. */
function trailingOutlet(outlet: string): RegExp {
  return new RegExp(`\\s*(?:[-–—|]\\s*)?${escapeRegExp(outlet)}\\s*$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function toFeedItem(raw: RawItem, feedUrl: string, feedTitle: string | undefined, options: ParseOptions): FeedItem | undefined {
  let title = titleToText(stringOf(raw.title) ?? '', MAX_TITLE_LENGTH);
  const html = stringOf(raw['content:encoded']) ?? stringOf(raw.content) ?? stringOf(raw.summary) ?? '';
  let text = htmlToText(html, MAX_TEXT_LENGTH);
  const guid = stringOf(raw.guid) ?? stringOf(raw.id);
  const link = safeLink(stringOf(raw.link), feedUrl) ?? (guid && /^https?:\/\//i.test(guid.trim()) ? safeLink(guid, feedUrl) : undefined);
  const published = isoDate(raw.isoDate, raw.pubDate, raw.date);
  if (!title && !text && !link) return undefined;

  let outlet = feedTitle;
  const source = stringOf(raw.newsSource)?.trim();
  if (source) {
    outlet = titleToText(source, 200);
    const suffix = new RegExp(`\\s+[-–—|]\\s+${escapeRegExp(outlet)}\\s*$`);
    if (suffix.test(title)) title = title.replace(suffix, '');
    text = stripRepeatedHeadline(text.replace(trailingOutlet(outlet), ''), title);
  } else if (options.kind === 'news-search') {
    const match = title.match(/^(.+\S)\s+-\s+([^-]{2,80})$/);
    if (match?.[1] && match[2]) {
      title = match[1];
      outlet = match[2].trim();
      text = stripRepeatedHeadline(text.replace(trailingOutlet(outlet), ''), title);
    }
  }

  const id = guid?.trim() || link || `sha256:${createHash('sha256').update(`${title}\n${published ?? ''}`).digest('hex')}`;
  const item: FeedItem = { feedUrl, id, title, text };
  if (link) item.link = link;
  if (published) item.published = published;
  const zone = published ? utcOffsetMinutes(stringOf(raw.writtenPublished) ?? stringOf(raw.writtenUpdated) ?? stringOf(raw.pubDate) ?? stringOf(raw.date)) : undefined;
  if (zone !== undefined) item.utcOffsetMinutes = zone;
  if (outlet) item.outlet = outlet;
  return item;
}

/** Dated items newest first; undated ones keep their feed order after them. */
function newestFirst(items: FeedItem[]): FeedItem[] {
  const dated = items.filter((i) => i.published).sort((a, b) => compareText(b.published as string, a.published as string));
  return [...dated, ...items.filter((i) => !i.published)];
}
