/**
 * Two bot processes (node src/main.ts, as `npm start` runs it) on one shared store: the first
 * holds the lease and is the only one that polls and delivers; the second logs that it waits as a
 * standby and never connects to Discord meanwhile. Killed with SIGKILL, the first gives no notice:
 * the second takes over once the lease runs out (LEASE_TTL_SECONDS), connects and delivers what
 * comes next. Every alert is posted exactly once throughout.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { planDeliveries } from '../../src/alerts/fan-out.ts';
import { openBackend } from '../../src/store/backends.ts';
import { createStores } from '../../src/store/open-stores.ts';
import type { Stores } from '../../src/store/types.ts';
import { emptyFeedsFile } from '../e2e/bot-harness.ts';
import { startEmulator, type Emulator } from '../emulator/index.ts';
import { DATABASE_URL, REDIS_URL, requireServer, uniqueNamespace } from '../store/helpers/backends.ts';
import { subscribedGuild } from './helpers/app-under-test.ts';
import { spawnBot, type BotProcess } from './helpers/bot-process.ts';
import { releaseEvent } from './helpers/delivery-rig.ts';

const LEASE_TTL_SECONDS = 4;
/** Start-up of a bot process on a busy 2-core machine can take many seconds. */
const START_MS = 60_000;
/**
 * The standby asks again the moment the lease would run out; this allows for a busy machine
 * delaying that by seconds, far below a second lease period.
 */
const TAKEOVER_SLACK_MS = 6_000;

let emulator: Emulator | undefined;
const processes: BotProcess[] = [];
let cleanup: (() => Promise<void>) | undefined;

afterEach(async () => {
  for (const p of processes.splice(0)) {
    p.child.kill('SIGKILL');
    await p.exited;
  }
  await emulator?.close();
  emulator = undefined;
  await cleanup?.();
  cleanup = undefined;
});

interface LogLine {
  msg: string;
  time: number;
}

function lines(p: BotProcess): LogLine[] {
  return p.stdout().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as LogLine);
}

function logged(p: BotProcess, text: RegExp): LogLine | undefined {
  return lines(p).find((l) => text.test(l.msg));
}

async function waitFor<T>(check: () => T | undefined | false, timeoutMs: number, what: string, p?: BotProcess): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${p ? `\nstdout:\n${p.stdout().slice(-3000)}\nstderr:\n${p.stderr().slice(-2000)}` : ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each([
  { name: 'Redis', url: REDIS_URL },
  { name: 'PostgreSQL', url: DATABASE_URL },
])('a second process on the same $name store', ({ name, url }) => {
  test('waits as a standby while the first polls and delivers, then takes over within the lease time when the first is killed', async () => {
    await requireServer(name, url);
    const namespace = uniqueNamespace();
    const backend = await openBackend(url, { namespace });
    const stores: Stores = createStores(backend);
    cleanup = async () => {
      await backend.clear().catch(() => undefined);
      await stores.close().catch(() => undefined);
    };
    const em = (emulator = await startEmulator({
      guilds: Array.from({ length: 3 }, (_, i) => ({ name: `Hyosan lease club ${i + 1}`, channels: [{ name: 'announcements' }] })),
    }));
    const channels = em.guilds().map((g) => g.channels[0]!.id);
    const settings = em.guilds().map((g, i) => ({ ...subscribedGuild(channels[i]!), guildId: g.id }));
    for (const s of settings) await stores.guilds.put(s);
    const alerts = (c: string) => em.messages(c).filter((m) => m.source === 'rest' && !m.deleted).length;
    const env = { STORE_NAMESPACE: namespace, LEASE_TTL_SECONDS: String(LEASE_TTL_SECONDS), LOG_LEVEL: 'info', LOG_FORMAT: 'json' };
    const feeds = await emptyFeedsFile();

    const first = spawnBot(em, url, feeds, env);
    processes.push(first);
    await waitFor(() => logged(first, /^Hyosan is online/), START_MS, 'the first process to come online', first);
    expect(logged(first, /^holding the lease/)).toBeDefined();

    const second = spawnBot(em, url, feeds, env);
    processes.push(second);
    await waitFor(() => logged(second, /^standby: another process/), START_MS, 'the second process to wait as a standby', second);

    // One poller and deliverer: alerts queued now reach each channel once, and the standby never logged in.
    await planDeliveries(releaseEvent(), settings, stores.outbox);
    await waitFor(() => channels.every((c) => alerts(c) >= 1), START_MS, 'the first alert in every channel', first);
    expect(em.stats().gateway.identifies).toBe(1);
    expect(logged(second, /took over/)).toBeUndefined();
    expect(logged(second, /^Hyosan is online/)).toBeUndefined();

    const killedAt = Date.now();
    first.child.kill('SIGKILL');
    await first.exited;
    const tookOver = await waitFor(() => logged(second, /^took over the lease/), START_MS, 'the standby to take over', second);
    expect(tookOver.time - killedAt).toBeLessThan(LEASE_TTL_SECONDS * 1000 + TAKEOVER_SLACK_MS);
    await waitFor(() => logged(second, /^Hyosan is online/), START_MS, 'the second process to come online', second);
    expect(em.stats().gateway.identifies).toBe(2);

    // The new holder delivers what comes next; nothing is posted twice.
    await planDeliveries(releaseEvent(), settings, stores.outbox);
    await waitFor(() => channels.every((c) => alerts(c) >= 2), START_MS, 'the second alert in every channel', second);
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    processes.splice(0);
    for (const c of channels) expect(alerts(c), c).toBe(2);
    expect(await stores.outbox.due(new Date(Date.now() + 3600_000), 100)).toEqual([]);
  }, 240_000);
});
