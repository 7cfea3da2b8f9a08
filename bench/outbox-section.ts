/**
 * Section 4: the alert outbox's own cost per delivery when one change fans out to many channels,
 * on the embedded SQLite store: enqueue every delivery, then drain them the way the delivery
 * worker does (due() in batches, one update per send), with no Discord in the way. Measured at a
 * small and a large fan-out in the same run; a ratio near 1 means the cost stays linear.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStores } from '../src/store/index.ts';
import type { Delivery } from '../src/store/types.ts';
import { runSection } from './section.ts';

export interface OutboxSize {
  channels: number;
  enqueueMs: number;
  drainMs: number;
  msPerDelivery: number;
}

export interface OutboxResult {
  small: OutboxSize;
  large: OutboxSize;
  /** large ms/delivery ÷ small ms/delivery. */
  ratio: number;
  batchSize: number;
}

const BATCH = 100;

function delivery(i: number, now: string): Delivery {
  const id = `bench-${i}`;
  return {
    id, nonce: id.slice(0, 25), guildId: `g${i % 1000}`, channelId: `c${i}`, action: 'post', alertKey: 'release::2027-03-12',
    event: { type: 'fact-change', reason: 'changed', kind: 'release', subject: null, value: '2027-03-12', previous: '2027-H1', confidence: 'official', sources: [{ itemUrl: 'https://news.example/a', sentence: 'Netflix set the date.' }], at: now },
    state: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now, updatedAt: now,
  };
}

async function measure(channels: number): Promise<OutboxSize> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hyosan-bench-outbox-'));
  const stores = await openStores(`sqlite://${path.join(dir, 'outbox.sqlite')}`);
  try {
    const now = new Date().toISOString();
    const started = performance.now();
    await stores.outbox.enqueue(Array.from({ length: channels }, (_, i) => delivery(i, now)));
    const enqueued = performance.now();
    let sent = 0;
    for (;;) {
      const due = await stores.outbox.due(new Date(Date.now() + 60_000), BATCH);
      if (due.length === 0) break;
      for (const d of due) {
        await stores.outbox.update({ ...d, state: 'sent', messageId: String(1_000_000_000_000_000 + sent), attempts: 1 });
        sent += 1;
      }
    }
    const drained = performance.now();
    if (sent !== channels) throw new Error(`drained ${sent} of ${channels} deliveries`);
    return { channels, enqueueMs: enqueued - started, drainMs: drained - enqueued, msPerDelivery: (drained - started) / channels };
  } finally {
    await stores.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runOutboxBench(): Promise<OutboxResult> {
  await measure(200); // warm-up
  const small = await measure(500);
  const large = await measure(5000);
  return { small, large, ratio: large.msPerDelivery / small.msPerDelivery, batchSize: BATCH };
}

runSection(import.meta.url, runOutboxBench);
