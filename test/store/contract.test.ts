/**
 * The same behaviour on every backend: SQLite (file and memory), a real Redis and a real
 * PostgreSQL. Each test runs in its own namespace and clears it afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/shared/errors.ts';
import { openBackend } from '../../src/store/backends.ts';
import { createStores } from '../../src/store/open-stores.ts';
import type { Stores } from '../../src/store/types.ts';
import { DATABASE_URL, REDIS_URL, requireServer, uniqueNamespace } from './helpers/backends.ts';
import { makeDelivery, makeEvent, makeFact, makeFeed, makeGuild, makeItem } from './helpers/fixtures.ts';

const tempDir = mkdtempSync(join(tmpdir(), 'hyosan-contract-'));

const BACKENDS = [
  { name: 'sqlite :memory:', url: 'sqlite://:memory:', server: false },
  { name: 'sqlite file', url: `sqlite://${join(tempDir, 'contract.sqlite')}`, server: false },
  { name: 'redis', url: REDIS_URL, server: true },
  { name: 'postgres', url: DATABASE_URL, server: true },
];

afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

describe.each(BACKENDS)('store contract on $name', ({ name, url, server }) => {
  let namespace: string;
  let stores: Stores;

  beforeAll(async () => {
    if (server) await requireServer(name, url);
  });

  beforeEach(async () => {
    namespace = uniqueNamespace();
    stores = createStores(await openBackend(url, { namespace }));
  });

  afterEach(async () => {
    await stores.close().catch(() => undefined);
    // A connection of its own, so clean-up also runs after a test that closed its stores.
    const cleaner = await openBackend(url, { namespace });
    await cleaner.clear();
    await cleaner.close();
  });

  it('answers undefined or empty for what was never stored', async () => {
    await stores.ping();
    expect(await stores.facts.getFact('release', null)).toBeUndefined();
    expect(await stores.facts.listFacts()).toEqual([]);
    expect(await stores.facts.listEvents()).toEqual([]);
    expect(await stores.items.recent(10)).toEqual([]);
    expect(await stores.items.seen(['a', 'b'])).toEqual(new Set());
    expect(await stores.feeds.get('https://news.example/feed.xml')).toBeUndefined();
    expect(await stores.feeds.list()).toEqual([]);
    expect(await stores.guilds.get('g1')).toBeUndefined();
    expect(await stores.guilds.list()).toEqual([]);
    expect(await stores.outbox.get('d1')).toBeUndefined();
    expect(await stores.outbox.due(new Date(), 10)).toEqual([]);
    expect(await stores.outbox.findPosted('c1', 'k')).toBeUndefined();
    expect(await stores.meta.get('lastRound')).toBeUndefined();
  });

  it('round-trips facts by kind and subject, replacing on put', async () => {
    const production = makeFact();
    const cast = makeFact({ kind: 'cast', subject: 'Yoon Chan-young', value: 'returning', character: 'Lee Cheong-san' });
    await stores.facts.putFact(production);
    await stores.facts.putFact(cast);
    expect(await stores.facts.getFact('production', null)).toEqual(production);
    expect(await stores.facts.getFact('cast', 'Yoon Chan-young')).toEqual(cast);
    expect(await stores.facts.getFact('cast', 'Park Ji-hu')).toBeUndefined();

    const wrapped = makeFact({ value: 'wrapped', confidence: 'official' });
    await stores.facts.putFact(wrapped);
    const all = await stores.facts.listFacts();
    expect(all).toHaveLength(2);
    expect(all).toContainEqual(wrapped);
    expect(all).toContainEqual(cast);
  });

  it('keeps the event history newest first, filtered by kind and limited', async () => {
    await stores.facts.appendEvents([
      makeEvent('production', 'announced', '2025-01-01T00:00:00.000Z'),
      makeEvent('release', '2026', '2025-01-02T00:00:00.000Z'),
    ]);
    await stores.facts.appendEvents([]);
    await stores.facts.appendEvents([makeEvent('production', 'filming', '2025-02-01T00:00:00.000Z')]);
    await stores.facts.appendEvents([makeEvent('release', '2026-H1', '2025-03-01T00:00:00.000Z', { previous: '2026', reason: 'refined' })]);

    expect((await stores.facts.listEvents()).map((e) => e.value)).toEqual(['2026-H1', 'filming', '2026', 'announced']);
    expect((await stores.facts.listEvents({ kind: 'production' })).map((e) => e.value)).toEqual(['filming', 'announced']);
    expect((await stores.facts.listEvents({ kind: 'release', limit: 1 })).map((e) => e.value)).toEqual(['2026-H1']);
    expect((await stores.facts.listEvents({ limit: 3 })).map((e) => e.value)).toEqual(['2026-H1', 'filming', '2026']);
    expect(await stores.facts.listEvents({ kind: 'crew' })).toEqual([]);
    const [newest] = await stores.facts.listEvents({ limit: 1 });
    expect(newest).toEqual(makeEvent('release', '2026-H1', '2025-03-01T00:00:00.000Z', { previous: '2026', reason: 'refined' }));
  });

  it('keeps the full history across many appends, in order', async () => {
    const total = 230;
    for (let start = 0; start < total; start += 50) {
      const batch = Array.from({ length: Math.min(50, total - start) }, (_, i) =>
        makeEvent(start + i === 7 ? 'crew' : 'cast', String(start + i), '2025-04-01T00:00:00.000Z'),
      );
      await stores.facts.appendEvents(batch);
    }
    const all = await stores.facts.listEvents();
    expect(all).toHaveLength(total);
    expect(all.map((e) => Number(e.value))).toEqual(Array.from({ length: total }, (_, i) => total - 1 - i));
    expect((await stores.facts.listEvents({ kind: 'crew' })).map((e) => e.value)).toEqual(['7']);
    expect((await stores.facts.listEvents({ kind: 'cast', limit: 120 })).at(-1)?.value).toBe(String(total - 120));
  });

  it('records items, answers which ids were seen and lists recent ones by published date', async () => {
    await stores.items.record([
      makeItem('old', { published: '2025-05-01T08:00:00.000Z' }),
      makeItem('newest', { published: 'Tue, 10 Jun 2025 09:00:00 GMT' }),
      makeItem('offtopic', { published: '2025-06-09T00:00:00.000Z', relevant: false }),
    ]);
    // No published date: sorted by when it was processed.
    await stores.items.record([makeItem('undated', { processedAt: '2025-06-05T00:00:00.000Z' })]);

    expect(await stores.items.seen(['old', 'unknown', 'offtopic', 'old'])).toEqual(new Set(['old', 'offtopic']));
    expect((await stores.items.recent(10)).map((i) => i.id)).toEqual(['newest', 'undated', 'old']);
    expect((await stores.items.recent(2)).map((i) => i.id)).toEqual(['newest', 'undated']);
    expect((await stores.items.recent(10, { includeIrrelevant: true })).map((i) => i.id)).toEqual(['newest', 'offtopic', 'undated', 'old']);

    // Recording an item again replaces it, it does not appear twice.
    await stores.items.record([makeItem('old', { published: '2025-06-11T00:00:00.000Z', title: 'Updated headline' })]);
    const recent = await stores.items.recent(10);
    expect(recent.map((i) => i.id)).toEqual(['old', 'newest', 'undated']);
    expect(recent[0]?.title).toBe('Updated headline');
  });

  it('round-trips feeds, including very long URLs, and removes them', async () => {
    const longUrl = `https://news.example/feeds/${'all-of-us-are-dead-'.repeat(20)}rss.xml`;
    const a = makeFeed('https://news.example/feed.xml', { etag: '"abc"', health: 'ok' });
    const b = makeFeed(longUrl, { addedBy: ['g1'], isDefault: false });
    await stores.feeds.put(a);
    await stores.feeds.put(b);
    await stores.feeds.put({ ...a, failures: 2, health: 'failing', lastError: 'The site answered 503.' });
    expect(await stores.feeds.get(longUrl)).toEqual(b);
    expect(await stores.feeds.list()).toEqual([{ ...a, failures: 2, health: 'failing', lastError: 'The site answered 503.' }, b]);
    await stores.feeds.remove(a.url);
    expect(await stores.feeds.get(a.url)).toBeUndefined();
    expect(await stores.feeds.list()).toEqual([b]);
    await stores.feeds.remove('https://never.example/added');
    expect(await stores.feeds.list()).toEqual([b]);
  });

  it('round-trips guild settings and removes them', async () => {
    const g1 = makeGuild('g1');
    const g2 = makeGuild('g2', { paused: true, pingRoleId: 'role-9', kinds: ['cast'] });
    await stores.guilds.put(g1);
    await stores.guilds.put(g2);
    expect(await stores.guilds.get('g2')).toEqual(g2);
    expect((await stores.guilds.list()).map((g) => g.guildId).sort()).toEqual(['g1', 'g2']);
    await stores.guilds.remove('g1');
    expect(await stores.guilds.get('g1')).toBeUndefined();
    expect(await stores.guilds.list()).toEqual([g2]);
  });

  it('loses no index entries when collections are written concurrently', async () => {
    const writes: Array<Promise<void>> = [];
    for (let i = 0; i < 25; i += 1) {
      writes.push(stores.feeds.put(makeFeed(`https://feeds.example/${i}.xml`)));
      writes.push(stores.guilds.put(makeGuild(`guild-${i}`)));
      writes.push(stores.facts.putFact(makeFact({ kind: 'cast', subject: `Person ${i}`, value: 'new' })));
      writes.push(stores.items.record([makeItem(`item-${i}`, { published: new Date(Date.UTC(2025, 0, 1 + i)).toISOString() })]));
      writes.push(stores.facts.appendEvents([makeEvent('cast', `e${i}`, '2025-01-01T00:00:00.000Z')]));
    }
    await Promise.all(writes);
    expect(await stores.feeds.list()).toHaveLength(25);
    expect(await stores.guilds.list()).toHaveLength(25);
    expect(await stores.facts.listFacts()).toHaveLength(25);
    expect(await stores.items.recent(100)).toHaveLength(25);
    expect(await stores.facts.listEvents()).toHaveLength(25);
  });

  it('enqueues deliveries once by id and never resets one already stored', async () => {
    const d1 = makeDelivery('d1');
    const d2 = makeDelivery('d2', { channelId: 'channel-2' });
    expect(await stores.outbox.enqueue([d1, d2, d1])).toEqual([d1, d2]);
    expect(await stores.outbox.enqueue([d1])).toEqual([]);

    const sent = { ...d1, state: 'sent' as const, attempts: 1, messageId: 'm-1', updatedAt: '2025-06-01T00:01:00.000Z' };
    await stores.outbox.update(sent);
    const d3 = makeDelivery('d3');
    expect(await stores.outbox.enqueue([d1, d3])).toEqual([d3]);
    expect(await stores.outbox.get('d1')).toEqual(sent);
    expect((await stores.outbox.due(new Date('2030-01-01'), 10)).map((d) => d.id)).toEqual(['d2', 'd3']);
  });

  it('returns due pending deliveries oldest first, up to the limit', async () => {
    await stores.outbox.enqueue([
      makeDelivery('late', { createdAt: '2025-06-01T00:00:03.000Z', nextAttemptAt: '2025-06-01T00:10:00.000Z' }),
      makeDelivery('second', { createdAt: '2025-06-01T00:00:02.000Z', nextAttemptAt: '2025-06-01T00:00:02.000Z' }),
      makeDelivery('first', { createdAt: '2025-06-01T00:00:01.000Z', nextAttemptAt: '2025-06-01T00:00:01.000Z' }),
      makeDelivery('third', { createdAt: '2025-06-01T00:00:04.000Z', nextAttemptAt: '2025-06-01T00:00:04.000Z' }),
    ]);
    const now = new Date('2025-06-01T00:05:00.000Z');
    expect((await stores.outbox.due(now, 10)).map((d) => d.id)).toEqual(['first', 'second', 'third']);
    expect((await stores.outbox.due(now, 2)).map((d) => d.id)).toEqual(['first', 'second']);
    // Exactly at nextAttemptAt counts as due.
    expect((await stores.outbox.due(new Date('2025-06-01T00:00:02.000Z'), 10)).map((d) => d.id)).toEqual(['first', 'second']);

    // A retry pushed into the future leaves the due set until then.
    const first = await stores.outbox.get('first');
    await stores.outbox.update({ ...first!, attempts: 1, nextAttemptAt: '2025-06-01T00:20:00.000Z', lastError: '429' });
    expect((await stores.outbox.due(now, 10)).map((d) => d.id)).toEqual(['second', 'third']);
    // A failed one leaves it for good; the rest stay in creation order whatever their due time.
    const second = await stores.outbox.get('second');
    await stores.outbox.update({ ...second!, state: 'failed', lastError: 'Missing Access' });
    expect((await stores.outbox.due(new Date('2030-01-01'), 10)).map((d) => d.id)).toEqual(['first', 'late', 'third']);
  });

  it('finds the posted message of an alert key in a channel', async () => {
    const post = makeDelivery('p1', { channelId: 'c-9', alertKey: 'production::wrapped' });
    await stores.outbox.enqueue([post]);
    expect(await stores.outbox.findPosted('c-9', 'production::wrapped')).toBeUndefined();
    await stores.outbox.update({ ...post, state: 'sent', messageId: '1234567890' });
    expect(await stores.outbox.findPosted('c-9', 'production::wrapped')).toMatchObject({ id: 'p1', messageId: '1234567890' });
    expect(await stores.outbox.findPosted('c-9', 'production::filming')).toBeUndefined();
    expect(await stores.outbox.findPosted('c-other', 'production::wrapped')).toBeUndefined();
  });

  it('settles a delivery only while it is pending: a dropped one stays dropped', async () => {
    await stores.outbox.enqueue([makeDelivery('s1', { guildId: 'gs' }), makeDelivery('s2', { guildId: 'gs' })]);
    expect(await stores.outbox.settle('s1', { state: 'sent', messageId: '42', attempts: 1 })).toBe(true);
    expect(await stores.outbox.get('s1')).toMatchObject({ state: 'sent', messageId: '42', attempts: 1 });
    await stores.outbox.dropGuild('gs', 'alerts disabled');
    expect(await stores.outbox.settle('s2', { attempts: 2, nextAttemptAt: '2030-01-01T00:00:00.000Z' })).toBe(false);
    expect(await stores.outbox.get('s2')).toMatchObject({ state: 'dropped' });
    expect(await stores.outbox.due(new Date('2100-01-01'), 10)).toEqual([]);
    expect(await stores.outbox.settle('missing', { state: 'sent' })).toBe(false);
  });

  it('finds the alert of a key from the moment it is planned, whatever its state', async () => {
    const post = makeDelivery('p2', { channelId: 'c-8', alertKey: 'release::2027-H1' });
    expect(await stores.outbox.findAlert('c-8', 'release::2027-H1')).toBeUndefined();
    await stores.outbox.enqueue([post]);
    expect(await stores.outbox.findAlert('c-8', 'release::2027-H1')).toMatchObject({ id: 'p2', state: 'pending' });
    await stores.outbox.update({ ...post, state: 'failed', lastError: 'Missing Access' });
    expect(await stores.outbox.findAlert('c-8', 'release::2027-H1')).toMatchObject({ id: 'p2', state: 'failed' });
    expect(await stores.outbox.findPosted('c-8', 'release::2027-H1')).toBeUndefined();
  });

  it('writes each key once when a batch names it twice', async () => {
    // Two posts of the same alert key in one batch point the key at the later one.
    await stores.outbox.enqueue([
      makeDelivery('q1', { channelId: 'c-7', alertKey: 'episodes::8' }),
      makeDelivery('q2', { channelId: 'c-7', alertKey: 'episodes::8' }),
    ]);
    expect((await stores.outbox.findAlert('c-7', 'episodes::8'))?.id).toBe('q2');
  });

  it('drops the pending deliveries of one guild only', async () => {
    await stores.outbox.enqueue([
      makeDelivery('a1', { guildId: 'ga' }),
      makeDelivery('a2', { guildId: 'ga' }),
      makeDelivery('a3', { guildId: 'ga' }),
      makeDelivery('b1', { guildId: 'gb' }),
    ]);
    const a3 = await stores.outbox.get('a3');
    await stores.outbox.update({ ...a3!, state: 'sent', messageId: 'm-a3' });

    expect(await stores.outbox.dropGuild('ga', 'Missing Access: alerts disabled')).toBe(2);
    expect(await stores.outbox.get('a1')).toMatchObject({ state: 'dropped', lastError: 'Missing Access: alerts disabled' });
    expect(await stores.outbox.get('a3')).toMatchObject({ state: 'sent' });
    expect((await stores.outbox.due(new Date('2030-01-01'), 10)).map((d) => d.id)).toEqual(['b1']);
    expect(await stores.outbox.dropGuild('ga', 'again')).toBe(0);
    expect(await stores.outbox.dropGuild('nobody', 'none')).toBe(0);
  });

  it('lists a guild\'s waiting deliveries oldest first, and forgets them once settled', async () => {
    await stores.outbox.enqueue([
      makeDelivery('w2', { guildId: 'gw', createdAt: '2025-06-01T00:00:02.000Z' }),
      makeDelivery('w1', { guildId: 'gw', createdAt: '2025-06-01T00:00:01.000Z' }),
      makeDelivery('w3', { guildId: 'gw', createdAt: '2025-06-01T00:00:03.000Z' }),
      makeDelivery('x1', { guildId: 'gx' }),
    ]);
    expect(await stores.outbox.settle('w2', { lastError: 'Discord had a server error (503)', nextAttemptAt: '2025-06-01T00:03:00.000Z' })).toBe(true);
    expect(await stores.outbox.settle('w3', { state: 'sent', messageId: 'm-w3' })).toBe(true);
    const waiting = await stores.outbox.waiting('gw');
    expect(waiting.map((d) => d.id)).toEqual(['w1', 'w2']);
    expect(waiting[1]).toMatchObject({ lastError: 'Discord had a server error (503)', nextAttemptAt: '2025-06-01T00:03:00.000Z' });
    expect(await stores.outbox.waiting('nobody')).toEqual([]);
  });

  it('keeps small meta values of any JSON shape', async () => {
    await stores.meta.set('lastRound', { at: '2025-06-01T00:00:00.000Z', feeds: 12 });
    await stores.meta.set('paused', false);
    await stores.meta.set('count', 0);
    expect(await stores.meta.get('lastRound')).toEqual({ at: '2025-06-01T00:00:00.000Z', feeds: 12 });
    expect(await stores.meta.get('paused')).toBe(false);
    expect(await stores.meta.get('count')).toBe(0);
  });

  it('throws StoreError after close instead of answering empty', async () => {
    await stores.facts.putFact(makeFact());
    await stores.close();
    await expect(stores.facts.listFacts()).rejects.toBeInstanceOf(StoreError);
    await expect(stores.facts.getFact('production', null)).rejects.toThrow(/store unavailable/);
    await expect(stores.ping()).rejects.toBeInstanceOf(StoreError);
  });
});
