/** Small RSS documents written for these tests, in the way fan-news outlets publish. */

export interface Article {
  guid: string;
  title: string;
  body: string;
  /** RFC 822 date as feeds write it, or any string a broken feed might put there. */
  pubDate?: string;
  link?: string;
}

export const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function itemXml(a: Article, base = 'https://outlet.example'): string {
  return `<item><title>${escapeXml(a.title)}</title><link>${escapeXml(a.link ?? `${base}/news/${a.guid}`)}</link><guid>${escapeXml(a.guid)}</guid>` +
    `${a.pubDate === undefined ? '' : `<pubDate>${escapeXml(a.pubDate)}</pubDate>`}<description>${escapeXml(a.body)}</description></item>`;
}

export function rssXml(title: string, articles: readonly Article[], options: { prolog?: string; doctype?: string } = {}): string {
  const prolog = options.prolog ?? '<?xml version="1.0" encoding="UTF-8"?>';
  return `${prolog}${options.doctype ?? ''}<rss version="2.0"><channel><title>${escapeXml(title)}</title><link>https://outlet.example/</link>` +
    `<description>fan news</description>${articles.map((a) => itemXml(a)).join('')}</channel></rss>`;
}

/** An article the fact engine reads as an official release date: what a good feed carries. */
export function releaseArticle(guid: string, published: Date): Article {
  return {
    guid,
    title: 'Netflix sets March 12, 2027 premiere for All of Us Are Dead season 2',
    body: 'Netflix announced on Monday that All of Us Are Dead season 2 will premiere on March 12, 2027.',
    pubDate: published.toUTCString(),
  };
}

/** An ordinary article about the show with no new fact in it. */
export function chatterArticle(guid: string, published: Date, n = 0): Article {
  return {
    guid,
    title: `Fans rewatch All of Us Are Dead ahead of season 2 (${n})`,
    body: `Viewers keep returning to the Hyosan High School outbreak while they wait for All of Us Are Dead season 2, note ${n}.`,
    pubDate: published.toUTCString(),
  };
}
