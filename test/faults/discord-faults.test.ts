/**
 * Discord failing in the ways it does, through the emulator: 429 storms (per route and global),
 * 500/502 bursts, answers lost after Discord accepted the message (the nonce must prevent a double
 * post), a refused token (stop and say so, do not hammer), and one server refusing or losing its
 * channel while the others keep receiving. The invalid-request count stays far under Discord's
 * 10,000 per 10 minutes.
 */
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { DeliveryWorker, TOKEN_REFUSED } from '../../src/alerts/delivery.ts';
import { planDeliveries } from '../../src/alerts/fan-out.ts';
import { createRestPort } from '../../src/discord/rest-port.ts';
import { createAlertAdmin } from '../../src/services/alert-admin.ts';
import { Permission, type FaultSpec } from '../emulator/index.ts';
import { releaseEvent, startDeliveryRig, type DeliveryRig } from './helpers/delivery-rig.ts';

const POSTS = /^\/channels\/\d+\/messages$/;
/** Discord bans an IP at 10,000 invalid requests in 10 minutes; this suite stays two orders below. */
const INVALID_BUDGET = 100;
let rig: DeliveryRig | undefined;
let invalidTotal = 0;

afterEach(async () => {
  if (rig) invalidTotal += rig.emulator.stats().rest.invalid;
  await rig?.close();
  rig = undefined;
});

afterAll(() => {
  expect(invalidTotal).toBeLessThan(INVALID_BUDGET);
});

const posts = (r: DeliveryRig) => r.emulator.requests().filter((q) => q.method === 'POST' && POSTS.test(q.path));

interface StormCase {
  name: string;
  faults: Omit<FaultSpec, 'path' | 'method'>[];
  /** How many alerts to send to every channel while the faults last. */
  alerts?: number;
  maxInvalid: number;
}

const storms: StormCase[] = [
  { name: 'a per-route 429 storm', faults: [{ status: 429, retryAfter: 0.02, times: 30 }], maxInvalid: 30 },
  { name: 'a global 429 storm', faults: [{ status: 429, retryAfter: 0.02, global: true, times: 20 }], maxInvalid: 20 },
  { name: 'long 429s that outlast the waits allowed in a row', faults: [{ status: 429, retryAfter: 0.05, times: 15 }], maxInvalid: 15 },
  { name: 'a burst of 500s', faults: [{ status: 500, times: 8 }], maxInvalid: 0 },
  { name: 'a burst of 502s with an HTML body', faults: [{ status: 502, times: 8 }], maxInvalid: 0 },
  { name: 'answers lost after Discord accepted the message', faults: [{ afterAccepting: true, times: 4 }], maxInvalid: 0 },
  { name: 'answers that arrive after the client gave up (accepted late)', faults: [{ delayMs: 700, times: 3 }], maxInvalid: 0 },
  { name: 'requests that are never answered', faults: [{ hang: true, times: 3 }], maxInvalid: 0 },
  { name: 'everything at once over five alerts', faults: [{ status: 429, retryAfter: 0.02, times: 10 }, { status: 500, times: 5 }, { afterAccepting: true, times: 5 }, { status: 502, times: 3 }], alerts: 5, maxInvalid: 10 },
];

describe('Discord faults', () => {
  test.each(storms)('$name: every channel holds each alert exactly once, in order', async (c) => {
    const r = (rig = await startDeliveryRig());
    for (const f of c.faults) r.emulator.injectFault({ method: 'POST', path: POSTS, ...f });
    const events = Array.from({ length: c.alerts ?? 1 }, () => releaseEvent());
    for (const e of events) await r.deliver(e, 20_000);
    for (const channel of r.channels) {
      const alerts = r.alerts(channel);
      expect(alerts).toHaveLength(events.length);
      // Alerts arrive in the order they were decided, whatever failed in between.
      expect(alerts.map((m) => String(m.embeds[0]?.title))).toEqual(events.map((e) => expect.stringContaining(new Date(`${e.value}T00:00:00Z`).getUTCFullYear().toString())));
      expect(new Set(alerts.map((m) => m.nonce)).size).toBe(events.length);
    }
    expect(r.worker.metrics.failed).toBe(0);
    expect(r.emulator.stats().rest.invalid).toBeLessThanOrEqual(c.maxInvalid);
    expect(r.fatal).toEqual([]);
  });

  test('a refused token stops delivery at once, says so, and does not hammer Discord', async () => {
    const r = (rig = await startDeliveryRig());
    r.emulator.injectFault({ method: 'POST', path: POSTS, status: 401, times: Infinity });
    r.worker.start();
    await r.deliver(releaseEvent());
    // At most the requests already in flight when the first 401 came back (one per channel lane).
    const afterFirst = posts(r).length;
    expect(afterFirst).toBeLessThanOrEqual(r.channels.length);
    await r.deliver(releaseEvent());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(r.fatal).toEqual([TOKEN_REFUSED]);
    expect(r.worker.haltReason).toBe(TOKEN_REFUSED);
    expect(posts(r)).toHaveLength(afterFirst);
    expect(r.logs.join('')).toMatch(/"level":60.*Discord refused the bot token; alert delivery stopped/);
    // Nothing was lost: the alerts wait in the outbox for a restart with a good token.
    expect((await r.stores.outbox.due(new Date(Date.now() + 3600_000), 100)).length).toBe(2 * r.channels.length);
  });

  test('403 on one server disables only that server, tells its admins, and the others keep receiving', async () => {
    const r = (rig = await startDeliveryRig());
    const [lost, ...others] = r.channels;
    r.emulator.setChannelPermission(lost!, { id: r.emulator.botUserId, type: 'member', deny: Permission.SendMessages });
    await r.deliver(releaseEvent());
    await r.deliver(releaseEvent());
    for (const ch of others) expect(r.alerts(ch)).toHaveLength(2);
    expect(r.alerts(lost!)).toHaveLength(0);
    expect(r.disabled).toHaveLength(1);
    expect(r.disabled[0]?.reason).toMatch(/permission|access|refused/i);
    expect((await r.stores.guilds.get(r.settings[0]!.guildId))?.disabledReason).toBe(r.disabled[0]?.reason);
    // One refused request, not one per alert.
    expect(posts(r).filter((q) => q.path.includes(lost!))).toHaveLength(1);
  });

  test('404 (channel deleted) on one server disables only that server, and the others keep receiving', async () => {
    const r = (rig = await startDeliveryRig());
    const [, gone, ...others] = r.channels;
    r.emulator.deleteChannel(gone!);
    await r.deliver(releaseEvent());
    await r.deliver(releaseEvent());
    expect(r.alerts(r.channels[0]!)).toHaveLength(2);
    for (const ch of others) expect(r.alerts(ch)).toHaveLength(2);
    expect(r.disabled.map((d) => d.guildId)).toEqual([r.settings[1]!.guildId]);
    expect(r.disabled[0]?.reason).toMatch(/deleted|not found|no longer/i);
    expect(posts(r).filter((q) => q.path.includes(gone!))).toHaveLength(1);
  });

  test('injected 403s on one channel while others are fine, under a 429 storm', async () => {
    const r = (rig = await startDeliveryRig());
    const [first, ...others] = r.channels;
    r.emulator.injectFault({ method: 'POST', path: `/channels/${first}/messages`, status: 403, times: Infinity });
    r.emulator.injectFault({ method: 'POST', path: POSTS, status: 429, retryAfter: 0.02, times: 10 });
    for (let i = 0; i < 3; i++) await r.deliver(releaseEvent());
    for (const ch of others) expect(r.alerts(ch)).toHaveLength(3);
    expect(r.disabled).toHaveLength(1);
    expect(r.emulator.stats().rest.invalid).toBeLessThanOrEqual(12);
  });

  test('Discord answers 5xx for 30 minutes (simulated), then recovers: each channel gets the alert exactly once; /alerts show says it waits and why', async () => {
    let offset = 0;
    const now = () => new Date(Date.now() + offset);
    // A generous deadline: the outage answers at once, and a busy machine must not turn a wait for the pacer into a timeout.
    const r = (rig = await startDeliveryRig({ worker: { now, backoffBaseMs: 2_000, backoffMaxMs: 3 * 60_000 }, restTimeoutMs: 5_000 }));
    const outage = r.emulator.injectFault({ method: 'POST', path: POSTS, status: 500, times: Infinity });
    const admin = createAlertAdmin({ guilds: r.stores.guilds, feeds: r.stores.feeds, outbox: r.stores.outbox, meta: r.stores.meta, showTitle: 'All of Us Are Dead', clock: now });
    await planDeliveries(releaseEvent(), await r.stores.guilds.list(), r.stores.outbox, { now });
    const start = now().getTime();
    let rounds = 0;
    while (now().getTime() - start < 30 * 60_000) {
      await r.worker.drainOnce();
      rounds += 1;
      const status = await admin.deliveryStatus(r.settings[0]!.guildId);
      expect(status.waiting).toBe(1);
      expect(status.reason).toMatch(/^Discord had a server error \(500/);
      const waiting = await r.stores.outbox.due(new Date(now().getTime() + 24 * 3600_000), 100);
      expect(waiting).toHaveLength(r.channels.length);
      const next = Math.min(...waiting.map((d) => Date.parse(d.nextAttemptAt)));
      // Never more than a few minutes between tries.
      expect(next - now().getTime()).toBeLessThanOrEqual(3 * 60_000);
      offset += Math.max(0, next - now().getTime());
    }
    expect(rounds).toBeGreaterThan(10);
    outage.remove();
    // Every channel's next try has come (they are at most 3 minutes apart).
    offset += 3 * 60_000;
    await r.drainUntilSettled();
    for (const channel of r.channels) expect(r.alerts(channel)).toHaveLength(1);
    expect(r.worker.metrics.failed).toBe(0);
    expect((await admin.deliveryStatus(r.settings[0]!.guildId)).waiting).toBe(0);
    expect(r.emulator.stats().rest.invalid).toBe(0);
  });

  test('a restart 10 minutes after a send whose answer was lost, Discord having forgotten the nonce: no second post', async () => {
    let offset = 0;
    const now = () => new Date(Date.now() + offset);
    const r = (rig = await startDeliveryRig({ emulator: { nonceWindowMs: 1 }, worker: { now }, restTimeoutMs: 5_000 }));
    r.emulator.injectFault({ method: 'POST', path: POSTS, afterAccepting: true, times: Infinity });
    await planDeliveries(releaseEvent(), await r.stores.guilds.list(), r.stores.outbox, { now });
    await r.worker.drainOnce();
    for (const channel of r.channels) expect(r.alerts(channel)).toHaveLength(1);
    await r.worker.stop();
    r.emulator.clearFaults();
    offset += 10 * 60_000;
    const restarted = new DeliveryWorker({
      outbox: r.stores.outbox,
      guilds: r.stores.guilds,
      port: createRestPort({ token: r.emulator.token, apiUrl: r.emulator.apiUrl, timeoutMs: 2_000 }),
      showTitle: 'All of Us Are Dead',
      now,
    });
    try {
      for (let i = 0; i < 5 && (await r.stores.outbox.due(new Date(now().getTime() + 3600_000), 100)).length > 0; i += 1) {
        offset += 60_000;
        await restarted.drainOnce();
      }
    } finally {
      await restarted.stop();
    }
    for (const channel of r.channels) expect(r.alerts(channel)).toHaveLength(1);
    expect(restarted.metrics).toMatchObject({ foundInHistory: r.channels.length, sent: 0, failed: 0 });
    expect((await r.stores.outbox.due(new Date(now().getTime() + 3600_000), 100))).toHaveLength(0);
  });
});
