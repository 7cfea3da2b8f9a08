import { describe, expect, test, vi } from 'vitest';
import { DeliveryWorker, SUPERSEDED, TOKEN_REFUSED, type DeliveryWorkerOptions } from '../../src/alerts/delivery.ts';
import { planDeliveries } from '../../src/alerts/fan-out.ts';
import { DeliveryError } from '../../src/alerts/types.ts';
import type { FactEvent } from '../../src/facts/types.ts';
import type { Delivery, GuildSettings } from '../../src/store/types.ts';
import { FakeClock, sequenceRandom } from './helpers/fake-clock.ts';
import { FakeDiscord } from './helpers/fake-discord.ts';
import { factEvent, guild, source } from './helpers/fixtures.ts';
import { MemoryGuildStore, MemoryOutbox } from './helpers/memory-outbox.ts';

function setup(guilds: GuildSettings[] = [guild()], options: Partial<DeliveryWorkerOptions> = {}) {
  const clock = new FakeClock('2026-02-12T12:00:00.000Z');
  const outbox = new MemoryOutbox();
  const guildStore = new MemoryGuildStore(guilds);
  const discord = new FakeDiscord(clock);
  const disabled: [string, string][] = [];
  const fatal: string[] = [];
  const makeWorker = (extra: Partial<DeliveryWorkerOptions> = {}) =>
    new DeliveryWorker({
      outbox,
      guilds: guildStore,
      port: discord,
      showTitle: 'All of Us Are Dead',
      now: clock.now,
      sleep: clock.sleep,
      random: sequenceRandom([0.5]),
      onGuildDisabled: (g, r) => {
        disabled.push([g, r]);
      },
      onFatal: (r) => fatal.push(r),
      ...options,
      ...extra,
    });
  const plan = (event: FactEvent = factEvent()) => planDeliveries(event, guilds, outbox, { now: clock.now });
  return { clock, outbox, guildStore, discord, disabled, fatal, worker: makeWorker(), makeWorker, plan };
}

/** Runs rounds, moving the clock on between them, until nothing is pending or the limit is hit. */
async function drainAll(worker: DeliveryWorker, clock: FakeClock, outbox: MemoryOutbox, rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    await worker.drainOnce();
    if (!outbox.all().some((d) => d.state === 'pending') || worker.haltReason) return;
    clock.advance(60_000);
  }
}

function releaseEvent(n: number): FactEvent {
  return factEvent({ value: `2027-0${n}`, previous: null, reason: 'new', sources: [source('Seoul Screen Daily', `story-${n}`)], at: `2026-02-12T10:0${n}:00.000Z` });
}

describe('DeliveryWorker', () => {
  test('posts each pending delivery once and records the message before moving on', async () => {
    const g = guild({ pingRoleId: '555555555555555555' });
    const { worker, discord, outbox, plan } = setup([g]);
    const [planned] = await plan();
    await worker.drainOnce();
    const messages = discord.messages(g.alertChannelId ?? '');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.nonce).toBe(planned?.nonce);
    expect(messages[0]?.message.content).toBe('<@&555555555555555555>');
    expect(messages[0]?.message.allowed_mentions).toEqual({ parse: [], roles: ['555555555555555555'] });
    expect(await outbox.get(planned?.id ?? '')).toMatchObject({ state: 'sent', messageId: messages[0]?.id, attempts: 1 });
    expect(worker.metrics).toMatchObject({ sent: 1, retried: 0, failed: 0 });
    await worker.drainOnce();
    expect(discord.calls).toHaveLength(1);
  });

  test('a 429 too long for the REST client to wait out puts the alert back until then: same nonce, one message', async () => {
    const g = guild();
    const { worker, discord, outbox, clock, plan } = setup([g]);
    const [planned] = await plan();
    discord.failNext(g.alertChannelId ?? '', new DeliveryError('rate-limited', 'You are being rate limited.', { retryAfterMs: 9_000, status: 429, unsent: true }));
    await worker.drainOnce();
    const waiting = await outbox.get(planned?.id ?? '');
    expect(waiting).toMatchObject({ state: 'pending', attempts: 0 });
    expect(Date.parse(waiting?.nextAttemptAt ?? '') - clock.now().getTime()).toBe(9_000);
    await worker.drainOnce();
    expect(discord.calls).toHaveLength(1);
    clock.advance(9_000);
    await worker.drainOnce();
    const calls = discord.callsTo(g.alertChannelId ?? '');
    expect(calls.map((c) => c.nonce)).toEqual([planned?.nonce, planned?.nonce]);
    expect(discord.messages(g.alertChannelId ?? '')).toHaveLength(1);
    expect(await outbox.get(planned?.id ?? '')).toMatchObject({ state: 'sent', attempts: 1 });
    expect(worker.metrics).toMatchObject({ sent: 1, rateLimited: 1, retried: 0, failed: 0, invalidRequests: 1 });
  });

  test('only answers Discord gave count as invalid requests: a wait refused before sending does not', async () => {
    const g = guild();
    const { worker, discord, clock, plan } = setup([g]);
    await plan();
    // What the REST client throws when its own bucket would make the request wait too long.
    discord.failNext(g.alertChannelId ?? '', new DeliveryError('rate-limited', 'rate limited on /channels/:id/messages', { retryAfterMs: 8_000, unsent: true }));
    await worker.drainOnce();
    clock.advance(8_000);
    await worker.drainOnce();
    expect(discord.messages(g.alertChannelId ?? '')).toHaveLength(1);
    expect(worker.metrics).toMatchObject({ sent: 1, rateLimited: 1, invalidRequests: 0 });
  });

  test('a burst of 500s then success: backs off between tries, same nonce, one message', async () => {
    const g = guild();
    const { worker, discord, outbox, clock, plan } = setup([g]);
    const [planned] = await plan();
    const server = () => new DeliveryError('server', '502 Bad Gateway');
    discord.failNext(g.alertChannelId ?? '', server(), server(), server());
    const waits: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      await worker.drainOnce();
      const d = await outbox.get(planned?.id ?? '');
      if (d?.state !== 'pending') break;
      const wait = Date.parse(d.nextAttemptAt) - clock.now().getTime();
      waits.push(wait);
      // Not due yet: a round now sends nothing.
      const callsBefore = discord.calls.length;
      await worker.drainOnce();
      expect(discord.calls.length).toBe(callsBefore);
      clock.advance(wait);
    }
    expect(waits).toHaveLength(3);
    expect(waits[1]).toBeGreaterThan(waits[0] ?? Infinity);
    expect(waits[2]).toBeGreaterThan(waits[1] ?? Infinity);
    expect(new Set(discord.calls.map((c) => c.nonce))).toEqual(new Set([planned?.nonce]));
    expect(discord.calls).toHaveLength(4);
    expect(discord.messages(g.alertChannelId ?? '')).toHaveLength(1);
    expect(await outbox.get(planned?.id ?? '')).toMatchObject({ state: 'sent', attempts: 4 });
    expect(worker.metrics).toMatchObject({ sent: 1, retried: 3, failed: 0 });
  });

  test('never gives up on an alert that is still news: 30 minutes of 5xx, retries at most 3 minutes apart, then one message', async () => {
    const g = guild();
    const { worker, discord, outbox, clock, plan } = setup([g]);
    const [planned] = await plan();
    const started = clock.now().getTime();
    const channel = g.alertChannelId ?? '';
    const gaps: number[] = [];
    let last = started;
    // Discord answers 503 to everything for 30 minutes of (fake) time.
    while (clock.now().getTime() - started < 30 * 60_000) {
      discord.failNext(channel, new DeliveryError('server', '503 Service Unavailable', { status: 503 }));
      await worker.drainOnce();
      const d = await outbox.get(planned?.id ?? '');
      expect(d?.state).toBe('pending');
      const next = Date.parse(d?.nextAttemptAt ?? '');
      gaps.push(next - last);
      last = next;
      clock.advance(next - clock.now().getTime());
    }
    await worker.drainOnce();
    expect(Math.max(...gaps)).toBeLessThanOrEqual(3 * 60_000);
    expect(gaps.length).toBeGreaterThan(10);
    expect(discord.messages(channel)).toHaveLength(1);
    expect(await outbox.get(planned?.id ?? '')).toMatchObject({ state: 'sent' });
    expect(worker.metrics.failed).toBe(0);
  });

  test('keeps trying past 24 hours while the change is current, and gives up only after the longest wait', async () => {
    const g = guild();
    const { makeWorker, discord, outbox, clock, plan } = setup([g]);
    const worker = makeWorker({ isCurrent: async () => true, giveUpAfterMs: 48 * 3600_000 });
    const [planned] = await plan();
    const channel = g.alertChannelId ?? '';
    const fail = () => discord.failNext(channel, new DeliveryError('timeout', 'no answer'));
    fail();
    await worker.drainOnce();
    clock.advance(25 * 3600_000);
    fail();
    await worker.drainOnce();
    expect(await outbox.get(planned?.id ?? '')).toMatchObject({ state: 'pending', attempts: 2 });
    clock.advance(24 * 3600_000);
    fail();
    await worker.drainOnce();
    expect(await outbox.get(planned?.id ?? '')).toMatchObject({ state: 'failed' });
    expect((await outbox.get(planned?.id ?? ''))?.lastError).toMatch(/^gave up after 3 attempts over 48 hours/);
  });

  test('a newer change of the same fact supersedes an alert stuck in retries; the newer one is posted', async () => {
    const g = guild();
    const { makeWorker, discord, outbox, clock, plan } = setup([g]);
    let current = '2027-01';
    const worker = makeWorker({ isCurrent: async (event) => event.value === current });
    const channel = g.alertChannelId ?? '';
    const [stale] = await plan(releaseEvent(1));
    discord.failNext(channel, ...Array.from({ length: 8 }, () => new DeliveryError('server', '502 Bad Gateway', { status: 502 })));
    for (let i = 0; i < 8; i += 1) {
      await worker.drainOnce();
      clock.advance(3 * 60_000);
    }
    expect(discord.messages(channel)).toHaveLength(0);
    // Twenty minutes in, the fact moves on and the new value is planned behind the stuck one.
    current = '2027-02';
    const [fresh] = await plan(releaseEvent(2));
    await drainAll(worker, clock, outbox);
    expect(await outbox.get(stale?.id ?? '')).toMatchObject({ state: 'dropped', lastError: SUPERSEDED });
    expect(await outbox.get(fresh?.id ?? '')).toMatchObject({ state: 'sent' });
    expect(discord.messages(channel).map((m) => m.message.embeds[0]?.title)).toEqual([expect.stringContaining('February 2027')]);
    expect(worker.metrics).toMatchObject({ superseded: 1, sent: 1, failed: 0 });
  });

  test('changes in quick succession are all posted, in order: only an alert that waited long gives way', async () => {
    const g = guild();
    const { makeWorker, discord, outbox, clock, plan } = setup([g]);
    const worker = makeWorker({ isCurrent: async (event) => event.value === '2027-03' });
    for (const n of [1, 2, 3]) await plan(releaseEvent(n));
    await drainAll(worker, clock, outbox);
    expect(discord.messages(g.alertChannelId ?? '').map((m) => m.message.embeds[0]?.title))
      .toEqual(['January', 'February', 'March'].map((m) => expect.stringContaining(`${m} 2027`)));
  });

  test('a timeout after Discord accepted the post is retried with the same nonce and yields one message', async () => {
    const g = guild();
    const { worker, discord, outbox, clock, plan } = setup([g]);
    const [planned] = await plan();
    discord.failNext(g.alertChannelId ?? '', 'lost-answer');
    await drainAll(worker, clock, outbox);
    const messages = discord.messages(g.alertChannelId ?? '');
    expect(discord.calls.map((c) => c.nonce)).toEqual([planned?.nonce, planned?.nonce]);
    expect(messages).toHaveLength(1);
    expect(await outbox.get(planned?.id ?? '')).toMatchObject({ state: 'sent', messageId: messages[0]?.id });
    expect(worker.metrics).toMatchObject({ sent: 1, retried: 1 });
  });

  test('403: the delivery fails, the server is disabled with a reason, its other alerts are dropped, admins are told once', async () => {
    const lost = guild();
    const fine = guild();
    const { worker, discord, outbox, clock, guildStore, disabled, plan } = setup([lost, fine]);
    await plan(releaseEvent(1));
    await plan(releaseEvent(2));
    await plan(releaseEvent(3));
    discord.failNext(lost.alertChannelId ?? '', new DeliveryError('forbidden', 'Missing Access', { status: 403 }));
    await drainAll(worker, clock, outbox);
    await worker.drainOnce();
    expect(discord.callsTo(lost.alertChannelId ?? '')).toHaveLength(1);
    expect(discord.messages(fine.alertChannelId ?? '')).toHaveLength(3);
    const reason = `Hyosan can no longer post in <#${lost.alertChannelId}> (missing access). An admin can fix the permission and run /alerts channel again.`;
    expect((await guildStore.get(lost.guildId))?.disabledReason).toBe(reason);
    expect(disabled).toEqual([[lost.guildId, reason]]);
    const states = outbox.all().filter((d) => d.guildId === lost.guildId).map((d) => d.state);
    expect(states.sort()).toEqual(['dropped', 'dropped', 'failed']);
    expect(worker.metrics).toMatchObject({ failed: 1, dropped: 2, sent: 3, invalidRequests: 1 });
    // The disabled server is no longer planned for.
    const settings = await guildStore.list();
    expect(await planDeliveries(releaseEvent(4), settings, outbox, { now: clock.now })).toHaveLength(1);
  });

  test('404 on the channel disables the server; 404 on an edit only fails that edit', async () => {
    const g = guild();
    const { worker, discord, outbox, clock, guildStore, disabled, plan } = setup([g]);
    await plan();
    await worker.drainOnce();
    const [posted] = discord.messages(g.alertChannelId ?? '');
    // A moderator deleted the alert; a later corroboration cannot edit it.
    discord.channels.set(g.alertChannelId ?? '', []);
    await plan(factEvent({ type: 'corroboration', previous: '2027-H1', sources: [source('Hangul Herald', 'h1')], at: '2026-02-12T11:00:00.000Z' }));
    await drainAll(worker, clock, outbox);
    expect(discord.calls.at(-1)).toMatchObject({ op: 'edit', messageId: posted?.id });
    expect(outbox.all().find((d) => d.action === 'edit')).toMatchObject({ state: 'failed', lastError: 'the alert to edit was deleted' });
    expect((await guildStore.get(g.guildId))?.disabledReason).toBeUndefined();

    await plan(releaseEvent(5));
    discord.failNext(g.alertChannelId ?? '', new DeliveryError('not-found', 'Unknown Channel'));
    await drainAll(worker, clock, outbox);
    expect((await guildStore.get(g.guildId))?.disabledReason).toMatch(/can no longer post in .* \(the channel was deleted or cannot be found\)/);
    expect(disabled).toHaveLength(1);
  });

  test('a refusal from a channel the server has since moved away from fails only that channel', async () => {
    const g = guild();
    const { worker, discord, outbox, clock, guildStore, disabled, plan } = setup([g]);
    await plan(releaseEvent(1));
    await plan(releaseEvent(2));
    const oldChannel = g.alertChannelId ?? '';
    await guildStore.put({ ...g, alertChannelId: '666666666666666666' });
    discord.failNext(oldChannel, new DeliveryError('forbidden', 'Missing Access'));
    await drainAll(worker, clock, outbox);
    expect(discord.callsTo(oldChannel)).toHaveLength(1);
    expect(outbox.all().map((d) => d.state)).toEqual(['failed', 'failed']);
    expect((await guildStore.get(g.guildId))?.disabledReason).toBeUndefined();
    expect(disabled).toEqual([]);
  });

  test('401: the worker stops, says the token was refused, and sends nothing more', async () => {
    const g1 = guild();
    const g2 = guild();
    const { worker, discord, outbox, fatal, plan } = setup([g1, g2]);
    await plan(releaseEvent(1));
    await plan(releaseEvent(2));
    discord.failNext(g1.alertChannelId ?? '', new DeliveryError('unauthorized', '401: Unauthorized'));
    discord.failNext(g2.alertChannelId ?? '', new DeliveryError('unauthorized', '401: Unauthorized'));
    const result = await worker.drainOnce();
    expect(result.halted).toBe(true);
    expect(worker.haltReason).toBe(TOKEN_REFUSED);
    expect(fatal).toEqual([TOKEN_REFUSED]);
    const calls = discord.calls.length;
    expect(calls).toBeLessThanOrEqual(2);
    await worker.drainOnce();
    worker.start();
    expect(worker.running).toBe(false);
    expect(discord.calls.length).toBe(calls);
    expect(outbox.all().every((d) => d.state === 'pending')).toBe(true);
  });

  test('keeps order within a channel: a failed first alert holds back the ones after it, other channels go on', async () => {
    const slow = guild();
    const other = guild();
    const { worker, discord, outbox, clock, plan } = setup([slow, other]);
    for (const n of [1, 2, 3, 4]) await plan(releaseEvent(n));
    discord.failNext(slow.alertChannelId ?? '', new DeliveryError('server', '503 Service Unavailable'));
    await worker.drainOnce();
    expect(discord.messages(slow.alertChannelId ?? '')).toHaveLength(0);
    expect(discord.messages(other.alertChannelId ?? '')).toHaveLength(4);
    await drainAll(worker, clock, outbox);
    const values = (ch: string) => discord.messages(ch).map((m) => m.message.embeds[0]?.title);
    const expected = ['January 2027', 'February 2027', 'March 2027', 'April 2027'].map((v) => `New season expected in ${v}`);
    expect(values(slow.alertChannelId ?? '')).toEqual(expected);
    expect(values(other.alertChannelId ?? '')).toEqual(expected);
    expect(discord.maxInFlightPerChannel).toBe(1);
    expect(discord.maxInFlightTotal).toBeGreaterThan(1);
  });

  test('a channel in backoff does not starve the others, even when its backlog fills the batch', async () => {
    const stuck = guild();
    const later = guild({ joinedAt: '2026-02-12T10:04:30.000Z' });
    const { worker, discord, outbox, clock, plan } = setup([stuck, later], { batchSize: 3 });
    for (const n of [1, 2, 3, 4, 5]) await plan(releaseEvent(n));
    discord.failNext(stuck.alertChannelId ?? '', new DeliveryError('timeout', 'no answer'));
    for (let round = 0; round < 4; round += 1) await worker.drainOnce();
    expect(discord.messages(stuck.alertChannelId ?? '')).toHaveLength(0);
    // "later" joined after events 1–4, so it only gets event 5, which sits behind stuck's backlog.
    expect(discord.messages(later.alertChannelId ?? '')).toHaveLength(1);
    clock.advance(60_000);
    await drainAll(worker, clock, outbox);
    const values = discord.messages(stuck.alertChannelId ?? '').map((m) => m.message.embeds[0]?.title);
    expect(values).toEqual(['January', 'February', 'March', 'April', 'May'].map((m) => `New season expected in ${m} 2027`));
  });

  test('serves many channels at once, never more than the configured concurrency, one request per channel', async () => {
    const guilds = Array.from({ length: 12 }, () => guild());
    const { makeWorker, discord, outbox, clock, plan } = setup(guilds);
    const worker = makeWorker({ concurrency: 4 });
    for (const n of [1, 2, 3]) await plan(releaseEvent(n));
    await drainAll(worker, clock, outbox);
    expect(worker.metrics.sent).toBe(36);
    expect(discord.maxInFlightTotal).toBe(4);
    expect(discord.maxInFlightPerChannel).toBe(1);
  });

  test('start() runs full rounds back to back: a backlog larger than a round is sent without the idle pause', async () => {
    const guilds = Array.from({ length: 5 }, () => guild());
    const { makeWorker, clock, plan } = setup(guilds);
    const sentAtPause: number[] = [];
    const worker: DeliveryWorker = makeWorker({
      batchSize: 2,
      pollIntervalMs: 3600_000,
      sleep: (ms, signal) => {
        sentAtPause.push(worker.metrics.sent);
        return clock.sleep(ms, signal);
      },
    });
    for (const n of [1, 2]) await plan(releaseEvent(n));
    worker.start();
    await vi.waitFor(() => expect(sentAtPause.length).toBeGreaterThan(0));
    await worker.stop();
    // Five full rounds of two, then the first pause: only once all ten were sent.
    expect(sentAtPause[0]).toBe(10);
  });

  test('a restart mid-round resumes pending deliveries with the same nonces and posts nothing twice', async () => {
    const g = guild();
    const { worker, discord, outbox, makeWorker, plan } = setup([g]);
    for (const n of [1, 2, 3]) await plan(releaseEvent(n));
    // The second post reaches Discord, then the process dies before the answer is recorded.
    discord.failNext(g.alertChannelId ?? '', 'ok', 'hang');
    void worker.drainOnce();
    await vi.waitFor(() => expect(discord.hanging).toHaveLength(1));
    expect(outbox.all().map((d) => d.state)).toEqual(['sent', 'pending', 'pending']);

    const restarted = makeWorker();
    await restarted.drainOnce();
    const messages = discord.messages(g.alertChannelId ?? '');
    expect(messages).toHaveLength(3);
    expect(outbox.all().map((d) => d.state)).toEqual(['sent', 'sent', 'sent']);
    expect(outbox.all().map((d) => d.messageId)).toEqual(messages.map((m) => m.id));
    const nonces = discord.calls.map((c) => c.nonce);
    expect(nonces).toHaveLength(4);
    expect(nonces[1]).toBe(nonces[2]);
  });

  test('a lost answer retried after Discord forgot the nonce: the post is found in the channel and not sent again', async () => {
    const g = guild();
    const { worker, discord, outbox, clock, plan } = setup([g]);
    const [planned] = await plan();
    const channel = g.alertChannelId ?? '';
    discord.failNext(channel, 'lost-answer');
    await worker.drainOnce();
    expect(discord.messages(channel)).toHaveLength(1);
    // Ten minutes later: the nonce alone would no longer stop a second message.
    clock.advance(10 * 60_000);
    await worker.drainOnce();
    expect(discord.calls.map((c) => c.op)).toEqual(['send', 'history']);
    expect(discord.messages(channel)).toHaveLength(1);
    expect(await outbox.get(planned?.id ?? '')).toMatchObject({ state: 'sent', messageId: discord.messages(channel)[0]?.id });
    expect(worker.metrics).toMatchObject({ sent: 0, foundInHistory: 1 });
  });

  test('a crash while the post was on its way, restarted 10 minutes later: no second post', async () => {
    const g = guild();
    const { worker, discord, outbox, clock, makeWorker, plan } = setup([g]);
    const [planned] = await plan();
    const channel = g.alertChannelId ?? '';
    discord.failNext(channel, 'hang');
    void worker.drainOnce();
    await vi.waitFor(() => expect(discord.hanging).toHaveLength(1));
    // The process dies here; its answer is never recorded.
    clock.advance(10 * 60_000);
    const restarted = makeWorker();
    await restarted.drainOnce();
    expect(discord.messages(channel)).toHaveLength(1);
    expect(discord.calls.map((c) => c.op)).toEqual(['send', 'history']);
    expect(await outbox.get(planned?.id ?? '')).toMatchObject({ state: 'sent', messageId: discord.messages(channel)[0]?.id });
  });

  test('an old attempt that did not reach Discord is looked for, not found, and posted once', async () => {
    const g = guild();
    const { worker, discord, outbox, clock, plan } = setup([g]);
    const [planned] = await plan();
    const channel = g.alertChannelId ?? '';
    discord.failNext(channel, new DeliveryError('timeout', 'no answer'));
    await worker.drainOnce();
    clock.advance(10 * 60_000);
    await worker.drainOnce();
    expect(discord.calls.map((c) => c.op)).toEqual(['send', 'history', 'send']);
    expect(discord.messages(channel)).toHaveLength(1);
    expect(await outbox.get(planned?.id ?? '')).toMatchObject({ state: 'sent' });
  });

  test('without Read Message History an old maybe-sent post is not risked twice: it fails with the reason', async () => {
    const g = guild();
    const { worker, discord, outbox, clock, plan } = setup([g]);
    const [planned] = await plan();
    const channel = g.alertChannelId ?? '';
    discord.historyReadable = false;
    discord.failNext(channel, 'lost-answer');
    await worker.drainOnce();
    clock.advance(10 * 60_000);
    await worker.drainOnce();
    expect(discord.messages(channel)).toHaveLength(1);
    expect(discord.calls.map((c) => c.op)).toEqual(['send', 'history']);
    const settled = await outbox.get(planned?.id ?? '');
    expect(settled?.state).toBe('failed');
    expect(settled?.lastError).toBe('may have been posted by an earlier attempt; not sent again, because Hyosan cannot read the channel\'s message history (Read Message History is missing)');
  });

  test('within the nonce window a retry trusts the nonce and does not read the channel', async () => {
    const g = guild();
    const { worker, discord, clock, plan } = setup([g]);
    await plan();
    const channel = g.alertChannelId ?? '';
    discord.failNext(channel, 'lost-answer');
    await worker.drainOnce();
    clock.advance(60_000);
    await worker.drainOnce();
    expect(discord.calls.map((c) => c.op)).toEqual(['send', 'send']);
    expect(discord.messages(channel)).toHaveLength(1);
  });

  test('one change to many channels: each channel gets the message for its own ping role', async () => {
    const a1 = guild({ pingRoleId: '111111111111111111' });
    const a2 = guild({ pingRoleId: '111111111111111111' });
    const b = guild({ pingRoleId: '222222222222222222' });
    const none = guild();
    const { worker, discord, plan } = setup([a1, a2, b, none]);
    await plan();
    await worker.drainOnce();
    const content = (g: GuildSettings) => discord.messages(g.alertChannelId ?? '')[0]?.message;
    expect(content(a1)?.content).toBe('<@&111111111111111111>');
    expect(content(a2)).toEqual(content(a1));
    expect(content(b)?.content).toBe('<@&222222222222222222>');
    expect(content(b)?.allowed_mentions).toEqual({ parse: [], roles: ['222222222222222222'] });
    expect(content(none)?.content ?? '').toBe('');
    expect(content(none)?.allowed_mentions).toEqual({ parse: [] });
    expect(content(none)?.embeds).toEqual(content(a1)?.embeds);
  });

  test('a delivery dropped between being read and being sent is not sent', async () => {
    const g = guild();
    const { discord, guildStore, clock } = setup([g]);
    // The server's alerts are stopped (another channel refused, say) just as this one is about to go.
    class DroppingOutbox extends MemoryOutbox {
      override async settle(id: string, changes: Partial<Delivery>): Promise<boolean> {
        if (changes.firstTriedAt !== undefined) await this.dropGuild(g.guildId, 'alerts stopped');
        return super.settle(id, changes);
      }
    }
    const outbox = new DroppingOutbox();
    const [planned] = await planDeliveries(factEvent(), [g], outbox, { now: clock.now });
    const worker = new DeliveryWorker({ outbox, guilds: guildStore, port: discord, showTitle: 'All of Us Are Dead', now: clock.now, sleep: clock.sleep });
    await worker.drainOnce();
    expect(discord.calls).toEqual([]);
    expect(await outbox.get(planned?.id ?? '')).toMatchObject({ state: 'dropped', lastError: 'alerts stopped' });
  });

  test('corroborations edit the original alert with every source so far, without pinging again', async () => {
    const g = guild({ pingRoleId: '555555555555555555' });
    const { worker, discord, outbox, clock, plan } = setup([g]);
    await plan();
    await worker.drainOnce();
    const corroborate = (outlet: string, n: number) =>
      plan(factEvent({ type: 'corroboration', previous: '2027-H1', sources: [source(outlet, `c${n}`, `2026-02-1${n}T08:00:00Z`)], at: `2026-02-1${n}T08:05:00.000Z` }));
    await corroborate('Hangul Herald', 3);
    await drainAll(worker, clock, outbox);
    await corroborate('K-Wave Wire', 4);
    await drainAll(worker, clock, outbox);
    const [message] = discord.messages(g.alertChannelId ?? '');
    expect(discord.messages(g.alertChannelId ?? '')).toHaveLength(1);
    expect(message?.edits).toHaveLength(2);
    const embed = message?.message.embeds[0];
    expect(embed?.description.split('\n').at(-1)).toMatch(/^Sources: \[Seoul Screen Daily\]\(.*\) · \[Hangul Herald\]\(.*\) · \[K-Wave Wire\]\(.*\)$/);
    expect(message?.message.allowed_mentions).toEqual({ parse: [] });
    expect(worker.metrics).toMatchObject({ sent: 1, edited: 2 });
  });

  test('a corroboration that arrives while the alert is still failing to post waits for it, then edits it in', async () => {
    const g = guild();
    const { worker, discord, outbox, clock, plan } = setup([g]);
    await plan();
    discord.failNext(g.alertChannelId ?? '', new DeliveryError('server', '502 Bad Gateway'));
    await worker.drainOnce();
    // The post is in backoff when a second outlet reports the same value.
    await plan(factEvent({ type: 'corroboration', previous: '2027-H1', sources: [source('Hangul Herald', 'c3', '2026-02-13T08:00:00Z')], at: '2026-02-12T12:00:30.000Z' }));
    await drainAll(worker, clock, outbox);
    const messages = discord.messages(g.alertChannelId ?? '');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.edits).toHaveLength(1);
    expect(messages[0]?.message.embeds[0]?.description).toContain('[Hangul Herald](');
    expect(outbox.all().every((d) => d.state === 'sent')).toBe(true);
  });

  test('stop() lets the request in flight finish and be recorded, then starts nothing new', async () => {
    const g = guild();
    const { worker, discord, outbox, plan } = setup([g]);
    for (const n of [1, 2]) await plan(releaseEvent(n));
    discord.failNext(g.alertChannelId ?? '', 'hang');
    worker.start();
    await vi.waitFor(() => expect(discord.hanging).toHaveLength(1));
    const stopped = worker.stop();
    discord.hanging[0]?.();
    await stopped;
    expect(worker.running).toBe(false);
    expect(outbox.all().map((d) => d.state)).toEqual(['sent', 'pending']);
    expect(discord.calls).toHaveLength(1);
  });

  test('start() keeps draining new deliveries until stopped', async () => {
    const g = guild();
    const { worker, discord, plan } = setup([g], { pollIntervalMs: 50 });
    worker.start();
    await plan(releaseEvent(1));
    await vi.waitFor(() => expect(discord.messages(g.alertChannelId ?? '')).toHaveLength(1));
    await plan(releaseEvent(2));
    await vi.waitFor(() => expect(discord.messages(g.alertChannelId ?? '')).toHaveLength(2));
    await worker.stop();
    expect(worker.running).toBe(false);
  });
});
