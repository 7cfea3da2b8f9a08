/**
 * One article through relevance and extraction, nothing stored. Shared by the poller's pipeline,
 * the command line's `check` and `replay`, and `/feeds test`, so they can never disagree.
 */
import { extractClaims } from '../facts/extract.ts';
import { startArticle } from '../facts/memo.ts';
import { assessRelevance, type Relevance } from '../facts/relevance.ts';
import type { ShowPack } from '../facts/show-pack.ts';
import type { Claim } from '../facts/types.ts';
import type { FeedItem } from '../feeds/types.ts';

export interface ItemAnalysis {
  item: FeedItem;
  relevance: Relevance;
  claims: Claim[];
}

/** Items shorter than this (news-search feeds: a headline and a line) are worth reading in full. */
export const SHORT_TEXT_CHARS = 320;

export type ArticleReader = (url: string) => Promise<string | undefined>;

export function analyseItem(item: FeedItem, pack: ShowPack): ItemAnalysis {
  // Each article is annotated afresh: nothing read from an earlier one is reused.
  startArticle();
  const relevance = assessRelevance(item, pack);
  return { item, relevance, claims: relevance.relevant ? extractClaims(item, pack) : [] };
}

/**
 * Like analyseItem, but a relevant item that carries only a headline and a line has its linked
 * page read first. When the page cannot be read, the headline and line still count.
 */
export async function analyseItemReadingPage(item: FeedItem, pack: ShowPack, readArticle: ArticleReader | undefined): Promise<ItemAnalysis> {
  const first = analyseItem(item, pack);
  if (!readArticle || !item.link || item.text.length >= SHORT_TEXT_CHARS) return first;
  if (!first.relevance.relevant && !assessRelevance({ ...item, text: '' }, pack).reason.includes('headline')) return first;
  const page = await readArticle(item.link);
  if (!page || page.length <= item.text.length) return first;
  const enriched = analyseItem({ ...item, text: `${item.text}\n\n${page}` }, pack);
  return enriched.relevance.relevant ? enriched : first;
}

/** Oldest first by publication date; undated items go last, in feed order. */
export function oldestFirst<T extends { published?: string }>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index, at: item.published ? Date.parse(item.published) : Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((x) => x.item);
}
