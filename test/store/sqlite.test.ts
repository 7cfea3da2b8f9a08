import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { Keyv } from 'keyv';
import { StoreError } from '../../src/shared/errors.ts';
import { KeyvNodeSqlite } from '../../src/store/keyv-node-sqlite.ts';
import { openStores } from '../../src/store/open-stores.ts';
import { makeDelivery, makeEvent, makeFact, makeFeed, makeGuild, makeItem } from './helpers/fixtures.ts';

const tempDir = mkdtempSync(join(tmpdir(), 'hyosan-sqlite-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

describe('SQLite store', () => {
  it('keeps everything across a restart (close and reopen the same file)', async () => {
    const file = join(tempDir, 'restart', 'hyosan.sqlite');
    const first = await openStores(`sqlite://${file}`);
    await first.facts.putFact(makeFact());
    await first.facts.appendEvents([makeEvent('production', 'filming', '2025-06-01T00:00:00.000Z')]);
    await first.items.record([makeItem('i1', { published: '2025-06-01T00:00:00.000Z' })]);
    await first.feeds.put(makeFeed('https://news.example/feed.xml', { etag: '"v1"' }));
    await first.guilds.put(makeGuild('g1'));
    await first.outbox.enqueue([makeDelivery('d1')]);
    await first.meta.set('lastRound', '2025-06-01T00:00:00.000Z');
    await first.close();

    const again = await openStores(`sqlite://${file}`);
    try {
      expect(await again.facts.getFact('production', null)).toEqual(makeFact());
      expect(await again.facts.listEvents()).toHaveLength(1);
      expect(await again.items.seen(['i1'])).toEqual(new Set(['i1']));
      expect((await again.feeds.list()).map((f) => f.etag)).toEqual(['"v1"']);
      expect((await again.guilds.list()).map((g) => g.guildId)).toEqual(['g1']);
      expect((await again.outbox.due(new Date('2030-01-01'), 5)).map((d) => d.id)).toEqual(['d1']);
      expect(await again.meta.get('lastRound')).toBe('2025-06-01T00:00:00.000Z');
      // Another enqueue of the same id after the restart is still a no-op.
      expect(await again.outbox.enqueue([makeDelivery('d1')])).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('resolves a relative path against the working directory and creates its folder', async () => {
    const target = join(tempDir, 'nested', 'deeper', 'relative.sqlite');
    const stores = await openStores(`sqlite://${relative(process.cwd(), target)}`);
    await stores.meta.set('k', 1);
    await stores.close();
    expect(existsSync(target)).toBe(true);
  });

  it('uses WAL so that readers and a second connection can share the file', async () => {
    const file = join(tempDir, 'wal.sqlite');
    const stores = await openStores(`sqlite://${file}`);
    await stores.meta.set('k', 'v');
    const other = new DatabaseSync(file);
    try {
      expect(other.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    } finally {
      other.close();
      await stores.close();
    }
  });

  it('fails with StoreError after the busy timeout when another connection holds the write lock', async () => {
    const file = join(tempDir, 'locked.sqlite');
    const stores = await openStores(`sqlite://${file}`, { timeoutMs: 300 });
    await stores.facts.putFact(makeFact());
    const holder = new DatabaseSync(file);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const started = Date.now();
      const error = await stores.facts.putFact(makeFact({ value: 'wrapped' })).catch((e: unknown) => e);
      const waited = Date.now() - started;
      expect(error).toBeInstanceOf(StoreError);
      expect((error as Error).message).toMatch(/store unavailable: sqlite .*locked\.sqlite — database is locked/);
      // It waited for the lock (busy_timeout) instead of failing at once, and not much longer.
      expect(waited).toBeGreaterThanOrEqual(250);
      expect(waited).toBeLessThan(3000);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    // The lock gone, the same stores work again and kept the earlier value.
    await stores.facts.putFact(makeFact({ value: 'wrapped' }));
    expect((await stores.facts.getFact('production', null))?.value).toBe('wrapped');
    await stores.close();
  });

  it('waits for a short lock instead of failing at once', async () => {
    const file = join(tempDir, 'short-lock.sqlite');
    const stores = await openStores(`sqlite://${file}`, { timeoutMs: 2000 });
    await stores.meta.set('k', 1);
    // A second process holding the lock briefly: a worker keeps it for ~150 ms.
    const { Worker } = await import('node:worker_threads');
    const worker = new Worker(
      `const { DatabaseSync } = require('node:sqlite');
       const { parentPort, workerData } = require('node:worker_threads');
       const db = new DatabaseSync(workerData);
       db.exec('BEGIN EXCLUSIVE');
       parentPort.postMessage('locked');
       const until = Date.now() + 150; while (Date.now() < until) {}
       db.exec('COMMIT'); db.close();`,
      { eval: true, workerData: file },
    );
    await new Promise((resolve) => worker.once('message', resolve));
    await stores.meta.set('k', 2);
    expect(await stores.meta.get('k')).toBe(2);
    await new Promise((resolve) => worker.once('exit', resolve));
    await stores.close();
  });
});

describe('KeyvNodeSqlite adapter', () => {
  it('honours TTL and clears only its own namespace', async () => {
    const adapter = new KeyvNodeSqlite({ path: ':memory:' });
    const a = new Keyv(adapter, { namespace: 'a', throwOnErrors: true });
    await a.set('short', 'gone soon', 30);
    await a.set('long', 'stays');
    await adapter.set('b:other', JSON.stringify({ value: 'other namespace' }));
    expect(await a.get('short')).toBe('gone soon');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await a.get('short')).toBeUndefined();
    expect(await adapter.get('a:short')).toBeUndefined();
    expect(await a.getMany(['long', 'short'])).toEqual(['stays', undefined]);
    expect(await a.has('long')).toBe(true);

    const seen: string[] = [];
    for await (const [key] of adapter.iterator('a')) seen.push(String(key));
    expect(seen).toEqual(['a:long']);

    await a.clear();
    expect(await a.get('long')).toBeUndefined();
    expect(await adapter.get('b:other')).toBeDefined();
    await a.disconnect();
  });

  it('rejects (does not answer undefined) once the database is closed', async () => {
    const adapter = new KeyvNodeSqlite({ path: ':memory:' });
    const keyv = new Keyv(adapter, { throwOnErrors: true });
    await keyv.disconnect();
    await expect(keyv.get('x')).rejects.toThrow();
    await expect(keyv.getMany(['x'])).rejects.toThrow();
  });
});
