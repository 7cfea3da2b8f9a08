/**
 * A news outlet on 127.0.0.1 whose feed the tests can change while the bot is running.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestArticle {
  guid: string;
  title: string;
  body: string;
  published: Date;
  outlet?: string;
}

export interface FeedServer {
  url(path: string): string;
  set(path: string, title: string, articles: TestArticle[]): void;
  add(path: string, article: TestArticle): void;
  requests(path: string): number;
  close(): Promise<void>;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function rss(title: string, base: string, articles: readonly TestArticle[]): string {
  const items = articles
    .map((a) => `<item><title>${escapeXml(a.title)}</title><link>${base}/articles/${a.guid}</link><guid>${a.guid}</guid>` +
      `<pubDate>${a.published.toUTCString()}</pubDate><description>${escapeXml(a.body)}</description></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escapeXml(title)}</title><link>${base}/</link><description>test outlet</description>${items}</channel></rss>`;
}

export async function startFeedServer(): Promise<FeedServer> {
  const feeds = new Map<string, { title: string; articles: TestArticle[] }>();
  const hits = new Map<string, number>();
  let base = '';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const feed = feeds.get(path);
    if (!feed) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss(feed.title, base, feed.articles));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path) => `${base}${path}`,
    set: (path, title, articles) => void feeds.set(path, { title, articles: [...articles] }),
    add: (path, article) => void feeds.get(path)?.articles.unshift(article),
    requests: (path) => hits.get(path) ?? 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
