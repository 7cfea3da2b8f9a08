/**
 * Many outlets' feeds on 127.0.0.1 that honour conditional GETs, for the poll-round figure. It
 * runs as a child process of the bench (started with IPC), so the CPU the bench measures is the
 * bot's side of each round, not the servers'. Bodies are rendered once per change, not per request.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { generateArticles, renderRss, type GeneratedArticle } from './generated-feed.ts';

export interface FarmStats {
  ok: number;
  notModified: number;
  notFound: number;
}

export interface FeedFarm {
  readonly base: string;
  urls(): string[];
  /** Every feed publishes one more article (and so gets a new ETag). */
  publishOneEach(): void;
  stats(): FarmStats;
  close(): Promise<void>;
}

interface Feed {
  pool: GeneratedArticle[];
  /** How many of the pool (oldest first) are published. */
  visible: number;
  body: string;
  etag: string;
}

export interface FarmOptions {
  feeds: number;
  /** Items in each feed, as outlets keep a window of their latest. */
  itemsPerFeed: number;
  /** How many more articles each feed can publish later. */
  spare: number;
}

function render(feed: Feed, index: number, base: string, window: number): void {
  // The pool is newest first, so the published articles are its tail, and the window their newest.
  const published = feed.pool.slice(feed.pool.length - feed.visible);
  feed.body = renderRss(`Outlet ${index}`, `${base}/outlet-${index}`, published.slice(0, window));
  feed.etag = `"${createHash('sha1').update(feed.body).digest('hex').slice(0, 20)}"`;
}

export async function startFeedFarm(options: FarmOptions): Promise<FeedFarm> {
  const feeds: Feed[] = [];
  const stats: FarmStats = { ok: 0, notModified: 0, notFound: 0 };
  const server: Server = createServer((req, res) => {
    const match = /^\/feeds\/(\d+)\.xml$/.exec(req.url ?? '');
    const feed = match ? feeds[Number(match[1])] : undefined;
    if (!feed) {
      stats.notFound++;
      res.writeHead(404).end('not found');
      return;
    }
    if (req.headers['if-none-match'] === feed.etag) {
      stats.notModified++;
      res.writeHead(304, { etag: feed.etag }).end();
      return;
    }
    stats.ok++;
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: feed.etag }).end(feed.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Newest article an hour ago; the pool is newest first, so the oldest are published first.
  const newest = new Date(Date.now() - 3600_000);
  for (let i = 0; i < options.feeds; i++) {
    const pool = generateArticles(options.itemsPerFeed + options.spare, { seed: 1000 + i, newest, prefix: `outlet-${i}` });
    const feed: Feed = { pool, visible: options.itemsPerFeed, body: '', etag: '' };
    render(feed, i, base, options.itemsPerFeed);
    feeds.push(feed);
  }
  return {
    base,
    urls: () => feeds.map((_, i) => `${base}/feeds/${i}.xml`),
    publishOneEach() {
      feeds.forEach((feed, i) => {
        if (feed.visible >= feed.pool.length) throw new Error(`feed ${i} has no unpublished article left`);
        feed.visible++;
        render(feed, i, base, options.itemsPerFeed);
      });
    },
    stats: () => ({ ...stats }),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Messages the bench sends the farm process, and what it answers. */
export type FarmRequest = { type: 'publish' } | { type: 'stats' };
export type FarmReply = { type: 'ready'; urls: string[] } | { type: 'published' } | { type: 'stats'; stats: FarmStats };

async function serveOverIpc(): Promise<void> {
  const farm = await startFeedFarm(JSON.parse(process.argv[2] ?? '{}') as FarmOptions);
  const send = (reply: FarmReply) => process.send?.(reply);
  process.on('message', (message: FarmRequest) => {
    if (message.type === 'publish') {
      farm.publishOneEach();
      send({ type: 'published' });
    } else if (message.type === 'stats') send({ type: 'stats', stats: farm.stats() });
  });
  // The bench going away (even killed) closes the channel: the farm must not outlive it.
  process.on('disconnect', () => void farm.close().then(() => process.exit(0)));
  send({ type: 'ready', urls: farm.urls() });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) void serveOverIpc();
