/**
 * The REST delivery port against an emulator that enforces a global limit across routes, as
 * Discord does: alerts to many channels at once go out paced at the wire, so none is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertMessage } from '../../src/alerts/message.ts';
import { RestDeliveryPort } from '../../src/discord/rest-port.ts';
import { startEmulator, type Emulator } from '../emulator/index.ts';

const message = (content: string): AlertMessage => ({ content, embeds: [], allowed_mentions: { parse: [] } });

describe('REST delivery port pacing', () => {
  let emulator: Emulator;

  beforeAll(async () => {
    emulator = await startEmulator({ globalRateLimit: { limit: 25, windowMs: 1000 } });
  });

  afterAll(async () => {
    await emulator?.close();
  });

  it('sends 60 alerts fired at once to every channel without a single 429, each exactly once, every one through the pacer', async () => {
    const port = new RestDeliveryPort({ token: emulator.token, apiUrl: emulator.apiUrl, timeoutMs: 10_000, ratePerSecond: 20 });
    const channels = emulator.guilds().flatMap((g) => g.channels.filter((c) => c.name !== 'read-only').map((c) => c.id));
    expect(channels.length).toBeGreaterThanOrEqual(6);
    const nonces = Array.from({ length: 60 }, (_, i) => `pace-${String(i).padStart(20, '0')}`);
    await Promise.all(nonces.map((nonce, i) => port.send(channels[i % channels.length] ?? '', message(`alert ${i}`), nonce)));
    const posted = channels.flatMap((c) => emulator.messages(c)).filter((m) => m.nonce !== null && String(m.nonce).startsWith('pace-'));
    expect(posted.map((m) => m.nonce).sort()).toEqual([...nonces].sort());
    expect(emulator.stats().rest.byStatus['429']).toBeUndefined();
    expect(port.stats.invalidAnswers).toBe(0);
    expect(port.pacer?.grants).toBe(60);
  });
});
