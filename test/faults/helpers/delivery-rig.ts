/**
 * The real alert path without the poller: fan-out into a real (SQLite) outbox, the delivery worker
 * and the REST port the bot uses, talking to the Discord emulator. Timings are shortened so a
 * fault case takes milliseconds; log lines are captured so a case can read what an operator sees.
 */
import { Writable } from 'node:stream';
import { DeliveryWorker, type DeliveryWorkerOptions } from '../../../src/alerts/delivery.ts';
import { planDeliveries } from '../../../src/alerts/fan-out.ts';
import { createRestPort } from '../../../src/discord/rest-port.ts';
import type { Evidence, FactEvent } from '../../../src/facts/types.ts';
import { createLogger } from '../../../src/shared/logger.ts';
import { openStores } from '../../../src/store/open-stores.ts';
import type { Delivery, GuildSettings, Stores } from '../../../src/store/types.ts';
import { startEmulator, type Emulator, type EmulatorOptions, type StoredMessage } from '../../emulator/index.ts';
import { subscribedGuild } from './app-under-test.ts';

export interface DeliveryRig {
  emulator: Emulator;
  stores: Stores;
  worker: DeliveryWorker;
  /** One alert channel per emulator guild ("announcements"). */
  channels: string[];
  settings: GuildSettings[];
  logs: string[];
  fatal: string[];
  disabled: { guildId: string; reason: string }[];
  /** Queues an event for every subscribed server, then drains until nothing is due or `timeoutMs` passes. */
  deliver(event: FactEvent, timeoutMs?: number): Promise<Delivery[]>;
  drainUntilSettled(timeoutMs?: number): Promise<void>;
  alerts(channelId: string): StoredMessage[];
  close(): Promise<void>;
}

export function evidence(overrides: Partial<Evidence> = {}): Evidence {
  return {
    itemUrl: 'https://seoulscreen.example/news/aoad-s2-date',
    outlet: 'Seoul Screen Daily',
    title: 'All of Us Are Dead season 2 gets a March date',
    published: '2026-03-02T09:00:00.000Z',
    sentence: 'Netflix announced that All of Us Are Dead season 2 premieres on March 12, 2027.',
    ...overrides,
  };
}

let eventSeq = 0;

export function releaseEvent(overrides: Partial<FactEvent> = {}): FactEvent {
  eventSeq += 1;
  return {
    type: 'fact-change',
    reason: 'changed',
    kind: 'release',
    subject: null,
    // A different date each time: the same value again would be an edit of the earlier alert, not a new one.
    value: new Date(Date.UTC(2027, 0, 1) + eventSeq * 86_400_000).toISOString().slice(0, 10),
    previous: '2027-H1',
    confidence: 'official',
    previousConfidence: 'reported',
    sources: [evidence()],
    at: new Date(Date.now() + eventSeq).toISOString(),
    ...overrides,
  };
}

export async function startDeliveryRig(
  options: { emulator?: EmulatorOptions; worker?: Partial<DeliveryWorkerOptions>; restTimeoutMs?: number; stores?: Stores } = {},
): Promise<DeliveryRig> {
  const emulator = await startEmulator(options.emulator);
  const stores = options.stores ?? (await openStores('sqlite://:memory:'));
  const channels = emulator.guilds().map((g) => (g.channels.find((c) => c.name === 'announcements') ?? g.channels[0])!.id);
  const settings = emulator.guilds().map((g, i) => ({ ...subscribedGuild(channels[i]!), guildId: g.id }));
  for (const s of settings) await stores.guilds.put(s);
  const logs: string[] = [];
  const fatal: string[] = [];
  const disabled: { guildId: string; reason: string }[] = [];
  const sink = new Writable({ write(chunk: Buffer, _enc, done) { logs.push(chunk.toString()); done(); } });
  const worker = new DeliveryWorker({
    outbox: stores.outbox,
    guilds: stores.guilds,
    port: createRestPort({ token: emulator.token, apiUrl: emulator.apiUrl, timeoutMs: options.restTimeoutMs ?? 400, ratePerSecond: 45 }),
    showTitle: 'All of Us Are Dead',
    pollIntervalMs: 20,
    backoffBaseMs: 20,
    backoffMaxMs: 200,
    logger: createLogger({ level: 'info', destination: sink }),
    onFatal: (reason) => void fatal.push(reason),
    onGuildDisabled: (guildId, reason) => void disabled.push({ guildId, reason }),
    ...options.worker,
  });

  async function pending(): Promise<number> {
    return (await stores.outbox.due(new Date(Date.now() + 3600_000), 10_000)).length;
  }

  async function drainUntilSettled(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await worker.drainOnce().catch(() => undefined);
      if (worker.haltReason || (await pending().catch(() => 1)) === 0) return;
      if (Date.now() > deadline) throw new Error(`deliveries still pending after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  return {
    emulator, stores, worker, channels, settings, logs, fatal, disabled,
    async deliver(event, timeoutMs) {
      const queued = await planDeliveries(event, await stores.guilds.list(), stores.outbox);
      await drainUntilSettled(timeoutMs);
      return queued;
    },
    drainUntilSettled,
    alerts: (channelId) => emulator.messages(channelId).filter((m) => m.source === 'rest' && !m.deleted),
    async close() {
      await worker.stop();
      await stores.close();
      await emulator.close();
    },
  };
}
