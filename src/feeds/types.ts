/** One article as the engine sees it, whatever feed format it came from. */
export interface FeedItem {
  /** The feed URL (or file path) it came from. */
  feedUrl: string;
  /** Stable identity: guid/id when the feed gives one, else the link, else a hash of title+date. */
  id: string;
  /** Validated http(s) link to the article, or undefined when the feed gave none that is safe. */
  link?: string;
  title: string;
  /** Plain text of the summary/content, tags removed, entities decoded, whitespace folded. */
  text: string;
  /** ISO 8601, when the item had a date that could be read. */
  published?: string;
  /**
   * Minutes east of UTC in which the feed wrote that date ("Thu, 19 Feb 2026 22:40 -0500" is
   * -300), when it said: "today" and "last Wednesday" are read on the outlet's own calendar.
   */
  utcOffsetMinutes?: number;
  /** Outlet name: the feed's own title, or the source element of news-search feeds. */
  outlet?: string;
}
