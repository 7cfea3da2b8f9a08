/**
 * Connects a real discord.js Client to an emulator, tuned for tests: no 5 s identify spacing,
 * short REST timeouts so injected hangs resolve quickly, and a login that resolves only once
 * every guild is cached (the clientReady event).
 */
import { Client, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { Emulator } from './index.ts';

export interface TestClientOptions {
  token?: string;
  /** REST request timeout in ms (discord.js default 15000). */
  restTimeoutMs?: number;
  clientOptions?: Partial<ClientOptions>;
}

export function createTestClient(emulator: Emulator, options: TestClientOptions = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: emulator.apiUrl, timeout: options.restTimeoutMs ?? 5000, offset: 0 },
    // One process, one shard: Discord's 5 s identify spacing only slows tests down.
    ws: { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => {} }) },
    ...options.clientOptions,
  });
}

/** Logs in and waits for clientReady, i.e. READY plus a GUILD_CREATE for every guild. */
export async function loginTestClient(emulator: Emulator, options: TestClientOptions = {}): Promise<Client<true>> {
  const client = createTestClient(emulator, options);
  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  await client.login(options.token ?? emulator.token);
  await ready;
  return client as Client<true>;
}
