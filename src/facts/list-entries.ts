/**
 * Round-ups and slates: "Netflix K-drama 2027 line-up" lists and "2027 slate" stories date a
 * dozen shows, most of which the show pack has never heard of. An entry labelled with any title
 * that is not this show ("4. Moonlit Ward – premieres April 2") speaks of that title.
 */
import type { ShowPack } from './show-pack-schema.ts';
import { otherShowMentions, showRefs } from './scope.ts';
import { findDates, clockOf } from './dates.ts';
import { splitSentences } from './sentences.ts';

/** "4. Moonlit Ward – …", "Moonlit Ward: …": an entry's label, a title before a dash or colon. */
const ENTRY = /^\s*(?:\d{1,2}[.)]\s*)?["“‘']?((?:[A-Z0-9#][\w'’&!.-]*|of|the|a|an|and|in|on|at|to|for|from|with|season|part)(?:[\s:]+(?:[A-Z0-9#][\w'’&!.-]*|of|the|a|an|and|in|on|at|to|for|from|with|season|part)){0,7})["”’']?\s*(?:\(\d{4}\)\s*)?(?:–|—|\s-\s|:\s)/;

/** A timeline's, a live blog's or a chart's label ("June 2022: …", "08:10 BST — …", "No. 1: …") dates or ranks the entry; it names no show. */
const DATE_OR_RANK = /^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s|$)|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:19|20)\d\d\b|no\.?\s*\d|#\d|q[1-4]\b|h[12]\b|(?:this|next|last)\s+(?:week|month|year)\b|today\b|tonight\b|tomorrow\b|\d{1,2}[:.]\d{2}\b|\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.))/i;

/** Labels that name a fact or a section, not a show ("Release date: …", "Update – …"). */
const NOT_A_TITLE = /^(?:release|premiere|date|cast|episodes?|season|status|filming|update|updated|breaking|exclusive|report|netflix|tudum|official|confirmed|watch|note|plot|trailer|teaser|where|when|what|how|why|who|also|plus|bonus|verdict|source|sources|photo|credit)\b/i;

export function isOtherListEntry(sentence: string, pack: ShowPack): boolean {
  const m = ENTRY.exec(sentence);
  const label = m?.[1]?.replace(/[\s:]+$/, '');
  if (!m || !label || NOT_A_TITLE.test(label) || DATE_OR_RANK.test(label)) return false;
  // A label with this show in it ("3. All of Us Are Dead season 2 – …") is this show's entry.
  if (showRefs(label, pack).some((r) => r.ours)) return false;
  // A single capitalised word is as often a place or a person ("Seoul: …") as a title.
  return label.split(/\s+/).length >= 2 || otherShowMentions(label, pack).length > 0;
}

/** An article that gives dates to at least two other shows it names: a slate or a line-up. */
export function datesOtherShows(text: string, pack: ShowPack): boolean {
  const clock = clockOf(undefined);
  const shows = new Set<string>();
  for (const line of splitSentences(text)) {
    const others = otherShowMentions(line, pack);
    if (others.length > 0 && findDates(line, clock, 'future').length > 0) for (const o of others) shows.add(line.slice(o.start, o.end).toLowerCase());
  }
  return shows.size >= 2;
}
