import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newFeedRecord } from '../../src/feeds/feed-health.ts';
import { FeedPoller } from '../../src/feeds/poller.ts';
import type { FeedItem } from '../../src/feeds/types.ts';
import type { FeedRecord, FeedStore } from '../../src/store/types.ts';
import { startServer, type TestServer } from './helpers/test-server.ts';
import { logSink } from '../helpers/log-sink.ts';

class MemoryFeedStore implements FeedStore {
  readonly records = new Map<string, FeedRecord>();
  async get(url: string) {
    const r = this.records.get(url);
    return r && structuredClone(r);
  }
  async list() {
    return [...this.records.values()].map((r) => structuredClone(r));
  }
  async put(feed: FeedRecord) {
    this.records.set(feed.url, structuredClone(feed));
  }
  async remove(url: string) {
    this.records.delete(url);
  }
}

const feedXml = (title: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>
<item><title>Season two casting news</title><guid>${title}-1</guid><link>https://news.example/${title}</link></item></channel></rss>`;

let server: TestServer;
let goodRequests: { inm?: string }[] = [];

beforeAll(async () => {
  server = await startServer({
    '/good': (req, res) => {
      goodRequests.push({ inm: req.headers['if-none-match'] as string | undefined });
      if (req.headers['if-none-match'] === '"g1"') {
        res.statusCode = 304;
        return void res.end();
      }
      res.setHeader('etag', '"g1"');
      res.end(feedXml('Good'));
    },
    '/other': (_req, res) => {
      res.setHeader('etag', '"o1"');
      res.end(feedXml('Other'));
    },
    '/hang': () => {
      // Never answers: the deadline must end it, and nobody else may wait for it.
    },
  });
});
afterAll(() => server.close());

function setup(urls: string[], onItems: (feed: FeedRecord, items: FeedItem[]) => Promise<void>) {
  const store = new MemoryFeedStore();
  const now = new Date();
  for (const u of urls) store.records.set(u, newFeedRecord(u, now, { isDefault: true }));
  const poller = new FeedPoller({ store, onItems, allowedHosts: ['127.0.0.1'], timeoutMs: 600, random: () => 0.5 });
  return { store, poller };
}

describe('FeedPoller.tick', () => {
  it('delivers a healthy feed while another hangs, and records both', async () => {
    const delivered: { url: string; hungFeedThen: string | undefined; ids: string[] }[] = [];
    const { store, poller } = setup([server.url('/hang'), server.url('/good')], async (feed, items) => {
      // What the hanging feed's record said when the healthy one arrived: it had not been given up on yet.
      delivered.push({ url: feed.url, hungFeedThen: store.records.get(server.url('/hang'))?.health, ids: items.map((i) => i.id) });
    });
    const report = await poller.tick();
    await poller.stop();

    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.url).toBe(server.url('/good'));
    expect(delivered[0]?.ids).toEqual(['Good-1']);
    expect(delivered[0]?.hungFeedThen).toBe('new');
    expect(report.polled).toHaveLength(2);

    const good = store.records.get(server.url('/good'));
    expect(good).toMatchObject({ health: 'ok', etag: '"g1"', baselined: true, title: 'Good' });
    const hung = store.records.get(server.url('/hang'));
    expect(hung).toMatchObject({ health: 'failing', failures: 1, lastError: 'the site did not send the whole feed within 0.6 s' });
  });

  it('does not start a feed again while its last poll is still running', async () => {
    const { poller } = setup([server.url('/hang')], async () => undefined);
    const first = poller.tick();
    const second = await poller.tick();
    expect(second.stillRunning).toEqual([server.url('/hang')]);
    await first;
    await poller.stop();
  });

  it('saves validators only after the items were handed on, and sends them next time', async () => {
    goodRequests = [];
    let fail = true;
    const { store, poller } = setup([server.url('/good')], async () => {
      if (fail) throw new Error('ledger unavailable');
    });
    await poller.tick();
    const afterFailure = store.records.get(server.url('/good'));
    expect(afterFailure?.etag).toBeUndefined();
    expect(afterFailure?.baselined).toBe(false);
    expect(afterFailure?.lastError).toMatch(/items could not be processed \(ledger unavailable\)/);

    fail = false;
    await store.put({ ...(afterFailure as FeedRecord), nextDueAt: '2000-01-01T00:00:00Z' });
    await poller.tick();
    expect(store.records.get(server.url('/good'))?.etag).toBe('"g1"');

    // Within the day the next fetch is conditional and a 304 keeps the feed healthy.
    await store.put({ ...(store.records.get(server.url('/good')) as FeedRecord), nextDueAt: '2000-01-01T00:00:00Z' });
    await poller.tick();
    await poller.stop();
    expect(goodRequests.map((r) => r.inm)).toEqual([undefined, undefined, '"g1"']);
    expect(store.records.get(server.url('/good'))).toMatchObject({ health: 'ok', failures: 0 });
  });

  it('stop() waits for a round in progress, so its items are handed on before anything closes', async () => {
    let release: (() => void) | undefined;
    const handedOn: string[] = [];
    const { store, poller } = setup([server.url('/good')], async (feed) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      handedOn.push(feed.url);
    });
    const round = poller.tick();
    // Let the fetch finish and the handler start waiting.
    for (let i = 0; i < 100 && !release; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    let stopped = false;
    const stopping = poller.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release?.();
    await stopping;
    expect(handedOn).toEqual([server.url('/good')]);
    expect(store.records.get(server.url('/good'))).toMatchObject({ health: 'ok', baselined: true });
    await round;
    // A stopped poller starts no new round.
    await store.put({ ...(store.records.get(server.url('/good')) as FeedRecord), nextDueAt: '2000-01-01T00:00:00Z' });
    expect((await poller.tick()).polled).toEqual([]);
  });

  it('runs feeds in parallel up to the limit and skips ones not yet due or disabled', async () => {
    const seen: string[] = [];
    const { store, poller } = setup([server.url('/good'), server.url('/other')], async (feed) => {
      seen.push(feed.url);
    });
    const disabled = { ...newFeedRecord(server.url('/hang'), new Date(), { isDefault: false }), health: 'disabled' as const };
    await store.put(disabled);
    const later = { ...(store.records.get(server.url('/other')) as FeedRecord), nextDueAt: '2999-01-01T00:00:00Z' };
    await store.put(later);
    const report = await poller.tick();
    await poller.stop();
    expect(seen).toEqual([server.url('/good')]);
    expect(report.polled.map((p) => p.url)).toEqual([server.url('/good')]);
  });
});

describe('poller logs', () => {
  it('says once when a feed starts failing and once when it works again, not at every failed poll', async () => {
    let up = false;
    const flaky = await startServer({
      '/flaky': (_req, res) => {
        if (!up) {
          res.statusCode = 503;
          return void res.end('busy');
        }
        res.end(feedXml('Flaky'));
      },
    });
    try {
      const { logger, lines } = logSink('info');
      const url = flaky.url('/flaky');
      const store = new MemoryFeedStore();
      store.records.set(url, { ...newFeedRecord(url, new Date(), { isDefault: true }), health: 'ok', title: 'Flaky Weekly' });
      const poller = new FeedPoller({ store, onItems: async () => {}, allowedHosts: ['127.0.0.1'], timeoutMs: 2000, random: () => 0.5, logger });
      const due = async () => {
        const r = store.records.get(url)!;
        store.records.set(url, { ...r, nextDueAt: new Date(0).toISOString() });
        await poller.tick();
      };
      for (let i = 0; i < 4; i += 1) await due();
      up = true;
      await due();
      await due();
      const messages = lines.map((l) => l.msg);
      expect(messages).toEqual(['feed Flaky Weekly is failing', 'feed Flaky Weekly works again']);
      expect(lines[0]).toMatchObject({ level: 40, module: 'feeds.poller', feed: url, name: 'Flaky Weekly', from: 'ok', to: 'failing', failures: 1 });
      expect(String(lines[0]?.error)).toMatch(/503/);
      expect(lines[1]).toMatchObject({ level: 30, from: 'failing', to: 'ok' });
    } finally {
      await flaky.close();
    }
  });
});
