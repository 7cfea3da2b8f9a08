/**
 * The REST delivery port against the emulator: nonces with enforce_nonce, mentions passed through
 * as planned, and every injected failure mapped to the kind the delivery worker acts on.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AlertMessage } from '../../src/alerts/message.ts';
import { DeliveryError } from '../../src/alerts/types.ts';
import { RestDeliveryPort } from '../../src/discord/rest-port.ts';
import { startEmulator, type Emulator } from '../emulator/index.ts';

const message = (content: string, roles?: string[]): AlertMessage => ({
  content,
  embeds: [{ title: 'Release date', description: 'Season 2 arrives on 12 March 2027.', color: 0x2ecc71, fields: [], footer: { text: 'Hyosan' }, timestamp: '2026-11-03T09:00:00.000Z' }],
  allowed_mentions: roles ? { parse: [], roles } : { parse: [] },
});

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DeliveryError) return error;
    throw error;
  }
  throw new Error('expected a DeliveryError');
}

describe('REST delivery port', () => {
  let emulator: Emulator;
  let port: RestDeliveryPort;
  let channelId: string;
  let readOnlyId: string;

  beforeAll(async () => {
    emulator = await startEmulator();
    port = new RestDeliveryPort({ token: emulator.token, apiUrl: emulator.apiUrl, timeoutMs: 400 });
    const guild = emulator.guilds()[0]!;
    channelId = guild.channels.find((c) => c.name === 'general')!.id;
    readOnlyId = guild.channels.find((c) => c.name === 'read-only')!.id;
  });

  afterEach(() => emulator.clearFaults());

  afterAll(async () => {
    await emulator?.close();
  });

  it('sends the nonce with enforce_nonce, so a repeated post returns the same message', async () => {
    const first = await port.send(channelId, message('New fact'), 'nonce-aaaaaaaaaaaaaaaaaaa');
    const again = await port.send(channelId, message('New fact'), 'nonce-aaaaaaaaaaaaaaaaaaa');
    expect(again.messageId).toBe(first.messageId);
    expect(emulator.messages(channelId).filter((m) => m.nonce === 'nonce-aaaaaaaaaaaaaaaaaaa')).toHaveLength(1);
    const sent = emulator.requests().filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);
    expect(sent.at(-1)?.body).toMatchObject({ nonce: 'nonce-aaaaaaaaaaaaaaaaaaa', enforce_nonce: true, allowed_mentions: { parse: [] } });
  });

  it('pings only the role the message allows, and edits in place', async () => {
    const role = emulator.guilds()[0]!.roles.find((r) => r.name === 'Spoiler Watchers')!;
    const { messageId } = await port.send(channelId, message(`<@&${role.id}> @everyone news`, [role.id]), 'nonce-role-00000000000001');
    const stored = emulator.messages(channelId).find((m) => m.id === messageId)!;
    expect(stored.pings).toEqual({ everyone: false, here: false, users: [], roles: [role.id] });
    await port.edit(channelId, messageId, message('Also reported by two more outlets'));
    expect(emulator.messages(channelId).find((m) => m.id === messageId)?.content).toBe('Also reported by two more outlets');
  });

  it.each([
    { status: 403 as const, kind: 'forbidden' },
    { status: 404 as const, kind: 'not-found' },
    { status: 500 as const, kind: 'server' },
    { status: 502 as const, kind: 'server' },
  ])('maps an injected $status to $kind without retrying', async ({ status, kind }) => {
    const fault = emulator.injectFault({ method: 'POST', path: `/channels/${channelId}/messages`, status, times: 3 });
    const error = await failure(port.send(channelId, message('x'), `nonce-fault-${status}`));
    expect(error.kind).toBe(kind);
    expect(fault.hits).toBe(1);
  });

  it('waits out a short 429 inside the REST client: the message arrives once, and the answer is counted', async () => {
    const limited = emulator.guilds()[2]!.channels.find((c) => c.name === 'general')!.id;
    const invalidBefore = port.stats.invalidAnswers;
    const fault = emulator.injectFault({ method: 'POST', path: `/channels/${limited}/messages`, status: 429, retryAfter: 0.2, times: 1 });
    const { messageId } = await port.send(limited, message('after a short limit'), 'nonce-429-short');
    expect(fault.hits).toBe(1);
    expect(emulator.messages(limited).filter((m) => m.nonce === 'nonce-429-short').map((m) => m.id)).toEqual([messageId]);
    expect(port.stats.invalidAnswers - invalidBefore).toBe(1);
    expect(port.stats.rateLimitAnswers).toBeGreaterThanOrEqual(1);
  });

  it('hands a 429 longer than it should wait back to the worker with the time to wait', async () => {
    // Another server's channel: the limit it causes must not slow down the other tests.
    const limited = emulator.guilds()[1]!.channels.find((c) => c.name === 'general')!.id;
    const fault = emulator.injectFault({ method: 'POST', path: `/channels/${limited}/messages`, status: 429, retryAfter: 8, times: 5 });
    const error = await failure(port.send(limited, message('x'), 'nonce-429'));
    expect(error.kind).toBe('rate-limited');
    expect(error.unsent).toBe(true);
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(5000);
    expect(fault.hits).toBe(1);
    // While the limit lasts, the next post is refused before it is sent: no invalid request is spent.
    const sentBefore = emulator.requests().length;
    const invalidBefore = port.stats.invalidAnswers;
    const second = await failure(port.send(limited, message('y'), 'nonce-429-again'));
    expect(second.kind).toBe('rate-limited');
    expect(second.retryAfterMs).toBeGreaterThan(0);
    expect(emulator.requests().length).toBe(sentBefore);
    expect(port.stats.invalidAnswers).toBe(invalidBefore);
    expect(port.stats.preemptiveWaits).toBeGreaterThanOrEqual(1);
  });

  it('finds an alert already posted among the channel\'s messages, by its text (Discord lists no nonces)', async () => {
    const since = new Date(Date.now() - 1000);
    const alert = message('<@&1> Release date: 12 March 2027');
    const { messageId } = await port.send(channelId, alert, 'nonce-history-000000001');
    // Other talk in the channel afterwards.
    await port.send(channelId, message('something else'), 'nonce-history-000000002');
    expect(await port.findInHistory(channelId, { nonce: 'nonce-history-000000001', message: alert, since })).toEqual({ found: messageId });
    const never = message('Release date: 13 March 2027');
    expect(await port.findInHistory(channelId, { nonce: 'nonce-history-000000003', message: never, since })).toBe('absent');
    // Nothing before `since` (less a minute for clocks that differ) is looked at.
    expect(await port.findInHistory(channelId, { nonce: 'nonce-history-000000001', message: alert, since: new Date(Date.now() + 3600_000) })).toBe('absent');
  });

  it('pages through more messages than one answer holds, and says so when there are too many to look through', async () => {
    const busy = emulator.guilds()[2]!.channels.find((c) => c.name === 'announcements')!.id;
    const since = new Date(Date.now() - 1000);
    const alert = message('Filming has wrapped');
    const paged = new RestDeliveryPort({ token: emulator.token, apiUrl: emulator.apiUrl, timeoutMs: 2000, ratePerSecond: 1000, historyPages: 2 });
    const { messageId } = await paged.send(busy, alert, 'nonce-paged-0000000000001');
    for (let i = 0; i < 150; i += 1) emulator.postAsMember(busy, `chatter ${i}`);
    expect(await paged.findInHistory(busy, { nonce: 'nonce-paged-0000000000001', message: alert, since })).toEqual({ found: messageId });
    expect(await paged.findInHistory(busy, { nonce: 'x', message: message('not there'), since })).toBe('absent');
    for (let i = 0; i < 100; i += 1) emulator.postAsMember(busy, `more chatter ${i}`);
    expect(await paged.findInHistory(busy, { nonce: 'x', message: message('not there'), since })).toEqual({ unknown: 'more than 200 messages were posted in the channel since' });
  });

  it('without Read Message History the look says it cannot tell, rather than guessing', async () => {
    const guild = emulator.guilds()[0]!;
    const everyone = guild.roles.find((r) => r.name === '@everyone')!;
    const hidden = guild.channels.find((c) => c.name === 'announcements')!.id;
    emulator.setChannelPermission(hidden, { id: everyone.id, type: 'role', deny: 1n << 16n });
    try {
      const look = await port.findInHistory(hidden, { nonce: 'n', message: message('x'), since: new Date() });
      expect(look).toEqual({ unknown: 'Hyosan cannot read the channel\'s message history (Read Message History is missing)' });
    } finally {
      emulator.setChannelPermission(hidden, { id: everyone.id, type: 'role', allow: 0n, deny: 0n });
    }
  });

  it('maps what Discord itself answers: missing access, unknown channel, unknown message', async () => {
    expect((await failure(port.send(readOnlyId, message('x'), 'nonce-ro'))).kind).toBe('forbidden');
    expect((await failure(port.send('123456789012345678', message('x'), 'nonce-unknown'))).kind).toBe('not-found');
    expect((await failure(port.edit(channelId, '123456789012345678', message('x')))).kind).toBe('not-found');
  });

  it('turns a request that never gets an answer into a timeout', async () => {
    emulator.injectFault({ method: 'POST', path: `/channels/${channelId}/messages`, hang: true });
    const error = await failure(port.send(channelId, message('x'), 'nonce-hang'));
    expect(error.kind).toBe('timeout');
  });

  it('an answer lost after Discord posted the message is safe to retry with the same nonce', async () => {
    emulator.injectFault({ method: 'POST', path: `/channels/${channelId}/messages`, afterAccepting: true });
    const error = await failure(port.send(channelId, message('lost answer'), 'nonce-lost-answer'));
    expect(['server', 'timeout']).toContain(error.kind);
    const retry = await port.send(channelId, message('lost answer'), 'nonce-lost-answer');
    const posted = emulator.messages(channelId).filter((m) => m.nonce === 'nonce-lost-answer');
    expect(posted).toHaveLength(1);
    expect(retry.messageId).toBe(posted[0]?.id);
  });

  it('maps a refused token to unauthorized, also for the calls after it', async () => {
    // A separate port: discord.js forgets the token after a 401, as it should.
    const own = new RestDeliveryPort({ token: emulator.token, apiUrl: emulator.apiUrl, timeoutMs: 400 });
    emulator.injectFault({ method: 'POST', path: `/channels/${channelId}/messages`, status: 401 });
    expect((await failure(own.send(channelId, message('x'), 'nonce-401'))).kind).toBe('unauthorized');
    expect((await failure(own.send(channelId, message('x'), 'nonce-401-again'))).kind).toBe('unauthorized');
  });

  it('rejects an invalid body as invalid, not as something to retry', async () => {
    const error = await failure(port.send(channelId, { content: '', embeds: [], allowed_mentions: { parse: [] } }, 'nonce-empty'));
    expect(error.kind).toBe('invalid');
  });
});
