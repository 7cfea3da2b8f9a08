import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedFarm, type FeedFarm } from '../../bench/feed-farm.ts';
import { fetchFeed } from '../../src/feeds/fetcher.ts';
import { parseFeed } from '../../src/feeds/parser.ts';

const guard = { allowedHosts: ['127.0.0.1'] };

describe('the feed farm behind the poll-round figure', () => {
  let farm: FeedFarm;

  beforeAll(async () => {
    farm = await startFeedFarm({ feeds: 3, itemsPerFeed: 5, spare: 2 });
  });

  afterAll(async () => {
    await farm?.close();
  });

  it('serves each feed with an ETag and answers 304 to a conditional GET while nothing changed', async () => {
    const [url] = farm.urls();
    const first = await fetchFeed(url as string, guard);
    expect(first.status).toBe('ok');
    if (first.status !== 'ok') return;
    expect(first.etag).toMatch(/^"[0-9a-f]{20}"$/);
    expect((await parseFeed(first.text, url as string)).items).toHaveLength(5);

    const again = await fetchFeed(url as string, { ...guard, etag: first.etag as string });
    expect(again.status).toBe('not-modified');
  });

  it('after publishing, every feed answers the old ETag with a new item on top and keeps its window', async () => {
    const urls = farm.urls();
    const before = await Promise.all(urls.map((u) => fetchFeed(u, guard)));
    farm.publishOneEach();
    for (const [i, url] of urls.entries()) {
      const old = before[i];
      if (old?.status !== 'ok') throw new Error('the first fetch failed');
      const next = await fetchFeed(url, { ...guard, etag: old.etag as string });
      expect(next.status).toBe('ok');
      if (next.status !== 'ok') continue;
      expect(next.etag).not.toBe(old.etag);
      const oldIds = (await parseFeed(old.text, url)).items.map((x) => x.id);
      const newItems = (await parseFeed(next.text, url)).items;
      expect(newItems).toHaveLength(5);
      expect(newItems.filter((x) => !oldIds.includes(x.id))).toHaveLength(1);
      expect(newItems[0]?.id).not.toBe(oldIds[0]);
    }
  });

  it('counts what it answered, so a round can prove it was all 304s or all 200s', async () => {
    const before = farm.stats();
    const [url] = farm.urls();
    const ok = await fetchFeed(url as string, guard);
    if (ok.status !== 'ok') throw new Error('fetch failed');
    await fetchFeed(url as string, { ...guard, etag: ok.etag as string });
    await fetchFeed(`${farm.base}/feeds/99.xml`, guard);
    const after = farm.stats();
    expect(after.ok - before.ok).toBe(1);
    expect(after.notModified - before.notModified).toBe(1);
    expect(after.notFound - before.notFound).toBe(1);
  });

  it('refuses to publish past the articles it was given, rather than repeating one', () => {
    farm.publishOneEach();
    expect(() => farm.publishOneEach()).toThrow(/no unpublished article/);
  });
});
