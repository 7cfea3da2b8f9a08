import { describe, expect, test } from 'vitest';
import { alertKey, deliveryNonce, NONCE_LENGTH } from '../../src/alerts/delivery-identity.ts';
import { buildDeliveries, planDeliveries } from '../../src/alerts/fan-out.ts';
import type { GuildSettings } from '../../src/store/types.ts';
import { FakeClock } from './helpers/fake-clock.ts';
import { factEvent, guild, source } from './helpers/fixtures.ts';
import { MemoryOutbox } from './helpers/memory-outbox.ts';

const clock = new FakeClock('2026-02-12T10:05:00.000Z');
const opts = { now: clock.now };

describe('which servers get an alert', () => {
  test.each<[string, Partial<GuildSettings>]>([
    ['paused', { paused: true }],
    ['disabled after Discord refused the channel', { disabledReason: 'Hyosan can no longer post in #news (missing access).' }],
    ['without an alert channel', { alertChannelId: undefined }],
    ['not following this kind', { kinds: ['cast', 'crew'] }],
    ['asking for stronger confidence', { minConfidence: 'official' }],
    ['joined after the fact was known', { joinedAt: '2026-02-12T10:00:00.001Z' }],
  ])('a server %s gets nothing', async (_name, overrides) => {
    const outbox = new MemoryOutbox();
    expect(await planDeliveries(factEvent(), [guild(overrides)], outbox, opts)).toEqual([]);
    expect(outbox.all()).toEqual([]);
  });

  test.each<[string, Partial<GuildSettings>]>([
    ['subscribed to everything', {}],
    ['asking for exactly this confidence', { minConfidence: 'reported' }],
    ['joined the moment the fact was known', { joinedAt: '2026-02-12T10:00:00.000Z' }],
    ['following only this kind', { kinds: ['release'] }],
  ])('a server %s gets one post', async (_name, overrides) => {
    const outbox = new MemoryOutbox();
    const g = guild({ pingRoleId: '555555555555555555', ...overrides });
    const planned = await planDeliveries(factEvent(), [g], outbox, opts);
    expect(planned).toHaveLength(1);
    expect(planned[0]).toMatchObject({
      guildId: g.guildId,
      channelId: g.alertChannelId,
      action: 'post',
      alertKey: alertKey('release', null, '2027-H1'),
      pingRoleId: '555555555555555555',
      state: 'pending',
      attempts: 0,
      nextAttemptAt: '2026-02-12T10:05:00.000Z',
    });
  });

  test('conflicts and ignored claims are never delivered', async () => {
    const outbox = new MemoryOutbox();
    for (const type of ['conflict', 'ignored'] as const) {
      expect(await planDeliveries(factEvent({ type }), [guild()], outbox, opts)).toEqual([]);
    }
  });
});

describe('delivery identity', () => {
  test('is written to the outbox before anything is sent, and planning twice adds nothing', async () => {
    const outbox = new MemoryOutbox();
    const guilds = [guild(), guild()];
    const first = await planDeliveries(factEvent(), guilds, outbox, opts);
    expect(first).toHaveLength(2);
    for (const d of first) expect((await outbox.get(d.id))?.state).toBe('pending');
    // The same change seen again later (say, the article re-read after a restart).
    const again = await planDeliveries(factEvent({ at: '2026-02-12T11:00:00.000Z' }), guilds, outbox, opts);
    expect(again).toEqual([]);
    expect(outbox.all()).toHaveLength(2);
  });

  test('ids differ per channel and per change; nonces fit Discord and follow from the id', async () => {
    const outbox = new MemoryOutbox();
    const g1 = guild();
    const g2 = guild();
    const [a] = await buildDeliveries(factEvent(), [g1], outbox, opts);
    const [b] = await buildDeliveries(factEvent(), [g2], outbox, opts);
    const [c] = await buildDeliveries(factEvent({ value: '2027-H2' }), [g1], outbox, opts);
    expect(a?.id).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set([a?.id, b?.id, c?.id]).size).toBe(3);
    for (const d of [a, b, c]) {
      expect(d?.nonce.length).toBeLessThanOrEqual(NONCE_LENGTH);
      expect(d?.nonce).toBe(deliveryNonce(d?.id ?? ''));
    }
    const [aAgain] = await buildDeliveries(factEvent(), [g1], new MemoryOutbox(), { now: () => new Date('2030-01-01') });
    expect(aAgain?.id).toBe(a?.id);
    expect(aAgain?.nonce).toBe(a?.nonce);
  });

  test('the same server listed twice still gets one delivery', async () => {
    const g = guild();
    expect(await planDeliveries(factEvent(), [g, { ...g }], new MemoryOutbox(), opts)).toHaveLength(1);
  });
});

describe('corroboration edits the alert already posted', () => {
  const corroboration = factEvent({
    type: 'corroboration',
    reason: undefined,
    previous: '2027-H1',
    sources: [source('Hangul Herald', 'h1', '2026-02-13T08:00:00Z')],
    at: '2026-02-13T08:10:00.000Z',
  });

  async function postedOutbox(g: GuildSettings, state: 'sent' | 'pending'): Promise<MemoryOutbox> {
    const outbox = new MemoryOutbox();
    const [post] = await planDeliveries(factEvent(), [g], outbox, opts);
    if (post && state === 'sent') await outbox.update({ ...post, state: 'sent', messageId: '777777777777777777' });
    return outbox;
  }

  test('an edit when this channel has the posted alert for the same value', async () => {
    const g = guild({ pingRoleId: '555555555555555555' });
    const outbox = await postedOutbox(g, 'sent');
    const planned = await planDeliveries(corroboration, [g], outbox, opts);
    expect(planned).toHaveLength(1);
    expect(planned[0]).toMatchObject({ action: 'edit', messageId: '777777777777777777', channelId: g.alertChannelId, alertKey: alertKey('release', null, '2027-H1') });
  });

  test('nothing for an outlet re-posting what it already reported', async () => {
    const g = guild();
    const outbox = await postedOutbox(g, 'sent');
    expect(await planDeliveries({ ...corroboration, reason: 'same-outlet' }, [g], outbox, opts)).toEqual([]);
  });

  test('an edit queued behind the alert when it is still waiting to be sent', async () => {
    const g = guild();
    const planned = await planDeliveries(corroboration, [g], await postedOutbox(g, 'pending'), opts);
    expect(planned).toHaveLength(1);
    expect(planned[0]).toMatchObject({ action: 'edit', channelId: g.alertChannelId });
    expect(planned[0]?.messageId).toBeUndefined();
  });

  test('nothing when the alert was never planned, failed, or for another value, or in another server', async () => {
    const g = guild();
    expect(await planDeliveries(corroboration, [g], new MemoryOutbox(), opts)).toEqual([]);
    const failed = await postedOutbox(g, 'pending');
    const post = await failed.findAlert(g.alertChannelId!, alertKey('release', null, '2027-H1'));
    await failed.update({ ...post!, state: 'failed' });
    expect(await planDeliveries(corroboration, [g], failed, opts)).toEqual([]);
    const sent = await postedOutbox(g, 'sent');
    expect(await planDeliveries({ ...corroboration, value: '2027-H2' }, [g], sent, opts)).toEqual([]);
    expect(await planDeliveries(corroboration, [guild()], sent, opts)).toEqual([]);
  });
});
