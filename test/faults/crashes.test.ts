/**
 * The bot killed with SIGKILL at random points of a delivery round to 200 channels, 20 times, and
 * started again each time: every channel ends up holding the alert exactly once (the outbox is
 * written before sending, and the nonce turns a resend of a message Discord already took into a
 * no-op). SIGTERM lets the requests in flight finish and be recorded, and exits with 0.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { planDeliveries } from '../../src/alerts/fan-out.ts';
import { openStores } from '../../src/store/open-stores.ts';
import type { Delivery } from '../../src/store/types.ts';
import { emptyFeedsFile } from '../e2e/bot-harness.ts';
import { startEmulator, type Emulator, type GuildInput } from '../emulator/index.ts';
import { subscribedGuild } from './helpers/app-under-test.ts';
import { spawnBot, seededRandom, type BotProcess } from './helpers/bot-process.ts';
import { releaseEvent } from './helpers/delivery-rig.ts';

const GUILDS = 4;
const CHANNELS_PER_GUILD = 50;
let emulator: Emulator | undefined;
let running: BotProcess | undefined;

afterEach(async () => {
  running?.child.kill('SIGKILL');
  await running?.exited;
  running = undefined;
  await emulator?.close();
  emulator = undefined;
});

function guildsWithChannels(): GuildInput[] {
  return Array.from({ length: GUILDS }, (_, g) => ({
    name: `Hyosan High fan club ${g + 1}`,
    channels: Array.from({ length: CHANNELS_PER_GUILD }, (_, c) => ({ name: `alerts-${c + 1}` })),
  }));
}

/** Seeds the store file: the servers, and one alert queued for every channel. */
async function seed(storeUrl: string, em: Emulator): Promise<Delivery[]> {
  const stores = await openStores(storeUrl);
  try {
    const targets = em.guilds().flatMap((g) => g.channels.map((c) => ({ ...subscribedGuild(c.id), guildId: g.id })));
    for (const g of em.guilds()) await stores.guilds.put({ ...subscribedGuild(g.channels[0]!.id), guildId: g.id });
    return await planDeliveries(releaseEvent({ at: new Date(Date.now() - 60_000).toISOString() }), targets, stores.outbox);
  } finally {
    await stores.close();
  }
}

async function storedStates(storeUrl: string, deliveries: Delivery[]): Promise<Map<string, Delivery['state']>> {
  const stores = await openStores(storeUrl);
  try {
    const states = new Map<string, Delivery['state']>();
    for (const d of deliveries) states.set(d.channelId, (await stores.outbox.get(d.id))?.state ?? 'pending');
    return states;
  } finally {
    await stores.close();
  }
}

const alertCount = (em: Emulator, channelId: string) => em.messages(channelId).filter((m) => m.source === 'rest' && !m.deleted).length;
const totalAlerts = (em: Emulator, channels: string[]) => channels.reduce((n, c) => n + alertCount(em, c), 0);

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}

describe('crashes', () => {
  test('SIGKILL at 20 random points of a round to 200 channels: every channel holds the alert exactly once', async () => {
    const em = (emulator = await startEmulator({ guilds: guildsWithChannels(), rateLimit: { limit: 1000, windowMs: 1000 } }));
    // Each post takes a while, so kills land while requests are in flight (and Discord may take them after the kill).
    em.injectFault({ method: 'POST', path: /^\/channels\/\d+\/messages$/, delayMs: 40, times: Infinity });
    const dir = await mkdtemp(path.join(tmpdir(), 'hyosan-crash-'));
    const storeUrl = `sqlite://${path.join(dir, 'hyosan.sqlite')}`;
    const feeds = await emptyFeedsFile();
    const deliveries = await seed(storeUrl, em);
    expect(deliveries).toHaveLength(GUILDS * CHANNELS_PER_GUILD);
    const channels = deliveries.map((d) => d.channelId);
    const random = seededRandom(20260301);
    const env = { DELIVERY_RATE_PER_SECOND: '20' };

    for (let kill = 1; kill <= 20; kill++) {
      const before = totalAlerts(em, channels);
      running = spawnBot(em, storeUrl, feeds, env);
      // Kill once this life has posted something (or during start-up, if the round is already done), plus a random moment.
      await waitFor(() => totalAlerts(em, channels) > before, before < channels.length ? 8000 : 0);
      await new Promise((r) => setTimeout(r, Math.floor(random() * 400)));
      running.child.kill('SIGKILL');
      expect((await running.exited).signal).toBe('SIGKILL');
      running = undefined;
      // Let requests the dead process left in flight land, then check nothing is there twice.
      await new Promise((r) => setTimeout(r, 60));
      for (const c of channels) expect(alertCount(em, c), `channel ${c} after kill ${kill}`).toBeLessThanOrEqual(1);
    }

    const identifiedBefore = em.stats().gateway.identifies;
    running = spawnBot(em, storeUrl, feeds, env);
    // A start-up (seconds on a busy machine) and the rest of the round at 20 a second.
    const drained = await waitFor(() => channels.every((c) => alertCount(em, c) >= 1), 60_000);
    expect(drained, running.stderr()).toBe(true);
    // The earlier lives may have finished the round already; stop this one only once it is up (it
    // has logged in, so its SIGTERM handler is in place), or the signal would end a process still
    // loading its modules.
    expect(await waitFor(() => em.stats().gateway.identifies > identifiedBefore, 60_000), running.stderr()).toBe(true);
    running.child.kill('SIGTERM');
    expect((await running.exited).code).toBe(0);
    running = undefined;
    for (const c of channels) expect(alertCount(em, c)).toBe(1);
    const states = await storedStates(storeUrl, deliveries);
    expect([...states.values()].every((s) => s === 'sent')).toBe(true);
    // Twenty start-ups of the bot: over a minute on a busy 2-core machine, so the limit is generous.
  }, 240_000);

  test('SIGTERM finishes the deliveries in flight, records them, and exits with 0', async () => {
    const em = (emulator = await startEmulator({ guilds: guildsWithChannels().slice(0, 1) }));
    em.injectFault({ method: 'POST', path: /^\/channels\/\d+\/messages$/, delayMs: 500, times: Infinity });
    const dir = await mkdtemp(path.join(tmpdir(), 'hyosan-term-'));
    const storeUrl = `sqlite://${path.join(dir, 'hyosan.sqlite')}`;
    const deliveries = await seed(storeUrl, em);
    const channels = deliveries.map((d) => d.channelId);
    running = spawnBot(em, storeUrl, await emptyFeedsFile());
    // Requests are in flight once Discord has seen the first ones (they are answered 500 ms later).
    // Start-up alone can take several seconds on a busy machine.
    expect(await waitFor(() => em.requests().some((r) => r.method === 'POST' && r.path.endsWith('/messages')) || totalAlerts(em, channels) > 0, 40_000)).toBe(true);
    running.child.kill('SIGTERM');
    const exit = await running.exited;
    running = undefined;
    expect(exit.code).toBe(0);
    const posted = channels.filter((c) => alertCount(em, c) === 1);
    expect(posted.length).toBeGreaterThan(0);
    expect(posted.length).toBeLessThan(channels.length);
    // Every alert Discord holds is recorded as sent, so a restart will not post it again.
    const states = await storedStates(storeUrl, deliveries);
    for (const c of posted) expect(states.get(c), c).toBe('sent');
    for (const c of channels.filter((x) => alertCount(em, x) === 0)) expect(states.get(c)).toBe('pending');
  }, 60_000);
});
