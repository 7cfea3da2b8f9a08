/**
 * The bot as createApp builds it (stores, poller, fact engine, outbox), with its feeds file, a
 * clock the test can move and no Discord: what the fault cases poll against.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type App, type AppOptions } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config/env.ts';
import type { GuildSettings } from '../../../src/store/types.ts';
import { FACT_KINDS } from '../../../src/facts/types.ts';

export interface TestApp {
  app: App;
  /** Moves the bot's clock (not the real one: deadlines stay real). */
  advance(ms: number): void;
  now(): Date;
}

export async function feedsFile(urls: readonly string[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hyosan-faults-'));
  const file = path.join(dir, 'feeds.json');
  await writeFile(file, JSON.stringify({ feeds: urls.map((url, i) => ({ url, name: `Feed ${i + 1}`, kind: 'outlet' })) }));
  return file;
}

export const TEST_ENV = {
  FEED_ALLOWED_HOSTS: '127.0.0.1',
  READ_ARTICLE_PAGES: 'false',
  FETCH_TIMEOUT_SECONDS: '1',
  FETCH_MAX_BYTES: '200000',
  POLL_INTERVAL_SECONDS: '600',
  LOG_LEVEL: 'silent',
} as const;

export async function startTestApp(
  urls: readonly string[],
  options: { env?: Record<string, string>; app?: AppOptions; storeUrl?: string } = {},
): Promise<TestApp> {
  let now = Date.now();
  const config = loadConfig({ ...TEST_ENV, STORE_URL: options.storeUrl ?? 'sqlite://:memory:', FEEDS_FILE: await feedsFile(urls), ...options.env });
  const app = await createApp(config, { clock: () => new Date(now), tickCron: '0 0 1 1 *', ...options.app });
  return { app, advance: (ms) => void (now += ms), now: () => new Date(now) };
}

let guildSeq = 0;

/** A fan server subscribed to every kind of fact, joined long ago. */
export function subscribedGuild(channelId: string, overrides: Partial<GuildSettings> = {}): GuildSettings {
  guildSeq += 1;
  return {
    guildId: `7${String(guildSeq).padStart(17, '0')}`,
    alertChannelId: channelId,
    kinds: [...FACT_KINDS],
    minConfidence: 'speculation',
    paused: false,
    feeds: [],
    joinedAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** Every delivery the outbox holds (pending, sent or failed), found through its public interface. */
export async function pendingDeliveries(app: App, far = 365 * 86_400_000): Promise<Awaited<ReturnType<App['stores']['outbox']['due']>>> {
  return app.stores.outbox.due(new Date(Date.now() + far), 10_000);
}
