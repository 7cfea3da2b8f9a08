import type { FeedItem } from '../feeds/types.ts';
import type { ShowPack } from './show-pack-schema.ts';
import { splitSentences } from './sentences.ts';
import { mentionsGenre, otherShowMentions, seasonOf, titleMentions, type SeasonScope } from './scope.ts';
import { findPeople } from './names.ts';
import { speaksOfComingSeason } from './extract.ts';

export interface Relevance {
  relevant: boolean;
  /** In words, for the command line's `check`. */
  reason: string;
  season: SeasonScope;
}

/**
 * A mention inside a list of other shows ("hits like Squid Game and All of Us Are Dead") says
 * the article is about something else; it counts for little.
 */
function isListed(sentence: string, start: number, end: number, pack: ShowPack): boolean {
  const others = otherShowMentions(sentence, pack);
  if (others.length === 0) return false;
  const near = others.some((o) => {
    const gap = o.end <= start ? sentence.slice(o.end, start) : o.start >= end ? sentence.slice(end, o.start) : '';
    return gap.length <= 40 && /^[\s,'"’”“]*(?:(?:and|or|to|&|as well as|like|such as|including|plus)\s+)?[\s'"“]*$/i.test(gap.replace(/\([^)]*\)/g, ''));
  });
  const lead = /\b(?:like|such as|including|the likes of|shows? (?:like|such as)|hits? (?:like|such as)|alongside)\b[^.]*$/i.test(sentence.slice(0, start));
  return near || (lead && others.length > 0);
}

/** How many of the pack's own people the text names. */
function knownPeople(text: string, pack: ShowPack): number {
  return new Set(findPeople(text, pack).filter((p) => p.known).map((p) => p.canonical)).size;
}

export function assessRelevance(item: FeedItem, pack: ShowPack): Relevance {
  const title = pack.titles.primary;
  const headHits = titleMentions(item.title, pack);
  const headListed = headHits.length > 0 && headHits.every((h) => isListed(item.title, h.start, h.end, pack));
  let strong = 0;
  let weak = 0;
  for (const sentence of splitSentences(item.text)) {
    for (const h of titleMentions(sentence, pack)) {
      if (isListed(sentence, h.start, h.end, pack)) weak++;
      else strong++;
    }
  }
  const headSeason = seasonOf(item.title, pack);
  const bodySeason = seasonOf(item.text, pack);
  const season: SeasonScope = headHits.length > 0 && headSeason !== 'unknown' ? headSeason : bodySeason === 'unknown' ? headSeason : bodySeason;

  const total = headHits.length + strong + weak;
  const parts: string[] = [];
  parts.push(total === 0 ? `never mentions '${title}'` : `mentions '${title}' ${total} time${total === 1 ? '' : 's'}`);
  if (headHits.length > 0) parts.push(headListed ? 'in the headline only among other shows' : 'in the headline');
  if (weak > 0) parts.push(`${weak} of them in lists of other shows`);
  if (season === 'tracked') parts.push(`season ${pack.season} ${headSeason === 'tracked' ? 'in the headline' : 'in the text'}`);
  else if (season === 'earlier') parts.push('about an earlier season');

  // Untitled news of the tracked season: "the second season of the zombie drama", or the season's
  // own people named in it. Only when no other show is named in the headline.
  const standIn = total === 0 && season === 'tracked' && otherShowMentions(item.title, pack).length === 0 && (mentionsGenre(`${item.title}\n${item.text}`, pack) || knownPeople(`${item.title}\n${item.text}`, pack) >= 2);
  if (standIn) parts.push('named by its genre or its people');
  const coming = strong >= 1 && season === 'unknown' && speaksOfComingSeason(item, pack);
  if (coming) parts.push('dated ahead, so the coming season');
  const relevant = (headHits.length > 0 && !headListed) || strong >= 2 || (strong >= 1 && season === 'tracked') || standIn || coming;
  return { relevant, reason: parts.join(', '), season };
}
