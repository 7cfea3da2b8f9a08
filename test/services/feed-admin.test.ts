import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShowPack, type ShowPack } from '../../src/facts/show-pack.ts';
import { applyPollOutcome, newFeedRecord } from '../../src/feeds/feed-health.ts';
import { createFeedAdmin } from '../../src/services/feed-admin.ts';
import { openStores } from '../../src/store/index.ts';
import type { Stores } from '../../src/store/types.ts';
import { startServer, type TestServer } from '../feeds/helpers/test-server.ts';

const GUILD = '700000000000000123';
const DAY = 24 * 3600 * 1000;

const feedXml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Back Again Weekly</title>
<item><title>Streaming round-up for the week</title><guid>back-1</guid><link>https://news.example/back-1</link></item></channel></rss>`;

let server: TestServer;
let stores: Stores;
let pack: ShowPack;

beforeAll(async () => {
  server = await startServer({ '/feed.xml': (_req, res) => void res.end(feedXml) });
  stores = await openStores('sqlite://:memory:');
  pack = await loadShowPack('config/shows/all-of-us-are-dead.json');
});
afterAll(async () => {
  await stores.close();
  await server.close();
});

describe('feed admin: adding a disabled feed again', () => {
  it('starts it over as working, so one failure right after does not switch it off again', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const url = server.url('/feed.xml');
    const weekAgo = new Date(now.getTime() - 9 * DAY);
    await stores.feeds.put({
      ...newFeedRecord(url, new Date(now.getTime() - 30 * DAY), { isDefault: false, addedBy: [GUILD] }),
      health: 'disabled',
      failures: 40,
      lastSuccessAt: weekAgo.toISOString(),
      lastError: 'the site had an error (HTTP 500); it is usually temporary',
    });
    const admin = createFeedAdmin({
      pack,
      feeds: stores.feeds,
      guilds: stores.guilds,
      guard: { allowedHosts: ['127.0.0.1'] },
      check: { fetch: { allowedHosts: ['127.0.0.1'], timeoutMs: 2000 } },
      clock: () => now,
    });

    const { feed } = await admin.add(GUILD, url);
    expect(feed).toMatchObject({ health: 'new', failures: 0, nextDueAt: now.toISOString(), lastSuccessAt: now.toISOString() });
    expect(feed.lastError).toBeUndefined();

    const stored = await stores.feeds.get(url);
    const afterHiccup = applyPollOutcome(stored!, { status: 'error', kind: 'http', message: 'the site had an error (HTTP 502); it is usually temporary' }, new Date(now.getTime() + 60_000), { intervalSeconds: 600, random: () => 0.5 });
    expect(afterHiccup.health).toBe('failing');
  });
});

describe('feed admin: listing', () => {
  it('shows a default feed by the name config/feeds.json gives it, not its own title or address', async () => {
    const url = 'https://news.google.com/rss/search?q=%22All+of+Us+Are+Dead%22+season+2';
    await stores.feeds.put({ ...newFeedRecord(url, new Date('2026-03-01T00:00:00Z'), { isDefault: true }), title: '"All of Us Are Dead" season 2 - Google News' });
    const admin = createFeedAdmin({
      pack, feeds: stores.feeds, guilds: stores.guilds, guard: { allowedHosts: [] }, check: { fetch: { allowedHosts: [], timeoutMs: 2000 } },
      names: new Map([[url, 'Google News: All of Us Are Dead season 2']]),
    });
    const listed = (await admin.list(GUILD)).find((f) => f.url === url);
    expect(listed?.title).toBe('Google News: All of Us Are Dead season 2');
    // The stored record keeps what the feed calls itself.
    expect((await stores.feeds.get(url))?.title).toBe('"All of Us Are Dead" season 2 - Google News');
  });
});
