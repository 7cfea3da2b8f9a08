/**
 * Commands first: while a fan-out is paced out to many channels, a fan's /release is answered at
 * once, because replies go through the gateway client's own REST client and never wait for a
 * turn at the alert pacer. The pace is slowed to 2 alerts a second so the fan-out is still going
 * when the answer comes: the test checks order, not time.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { planDeliveries } from '../../src/alerts/fan-out.ts';
import { loadConfig } from '../../src/config/env.ts';
import { startHyosan, type Hyosan } from '../../src/start-hyosan.ts';
import { startEmulator, type Emulator } from '../emulator/index.ts';
import { subscribedGuild } from '../faults/helpers/app-under-test.ts';
import { releaseEvent } from '../faults/helpers/delivery-rig.ts';
import { botEnv, deployToEmulator, emptyFeedsFile } from './bot-harness.ts';

const CHANNELS_PER_GUILD = 8;

describe('commands during a fan-out', () => {
  let emulator: Emulator;
  let bot: Hyosan;

  beforeAll(async () => {
    emulator = await startEmulator({
      guilds: Array.from({ length: 3 }, (_, g) => ({
        name: `club ${g}`,
        channels: Array.from({ length: CHANNELS_PER_GUILD }, (_, c) => ({ name: `alerts-${c}` })),
        members: [{ id: `80000000000000000${g}`, username: `viewer${g}` }],
      })),
    });
    await deployToEmulator(emulator);
    const config = loadConfig({ ...botEnv(emulator, 'sqlite://:memory:', await emptyFeedsFile()), DELIVERY_RATE_PER_SECOND: '2' });
    bot = await startHyosan(config, { tickCron: '0 0 1 1 *', deliveryPollMs: 50 });
  });

  afterAll(async () => {
    await bot?.stop();
    await emulator?.close();
  });

  test('a /release asked while 24 alerts are being paced out is answered before the fan-out ends', async () => {
    const targets = emulator.guilds().flatMap((g) => g.channels.map((c) => ({ ...subscribedGuild(c.id), guildId: g.id })));
    const queued = await planDeliveries(releaseEvent(), targets, bot.app.stores.outbox);
    expect(queued).toHaveLength(3 * CHANNELS_PER_GUILD);
    void bot.app.delivery?.drainOnce();
    const alertsPosted = () => emulator.requests().filter((r) => r.method === 'POST' && r.route === '/channels/:channelId/messages').length;
    await emulator.until(() => alertsPosted() >= 1, 10_000);
    const guild = emulator.guilds()[0]!;
    const reply = await emulator.invokeCommand({ name: 'release', guildId: guild.id, userId: '800000000000000000' }).response();
    const postedWhenAnswered = alertsPosted();
    expect(reply.type).toBe(4);
    expect(postedWhenAnswered).toBeLessThan(queued.length);
    // The fan-out then finishes: every channel gets its alert once.
    await emulator.until(() => alertsPosted() === queued.length, 30_000);
    for (const target of targets) expect(emulator.messages(target.alertChannelId ?? '').filter((m) => m.source === 'rest')).toHaveLength(1);
  }, 60_000);
});
