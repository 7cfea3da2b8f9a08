/**
 * Runs the real bot (app + discord.js client) in this process against the emulator, through the
 * same start-up main.ts uses, with test-friendly timings.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client } from 'discord.js';
import type { App } from '../../src/app.ts';
import { loadConfig } from '../../src/config/env.ts';
import { deployCommands } from '../../src/discord/deploy-commands.ts';
import { startHyosan } from '../../src/start-hyosan.ts';
import type { Emulator } from '../emulator/index.ts';

export interface RunningBot {
  app: App;
  client: Client<true>;
  stop(): Promise<void>;
}

/** A feeds file with no default feeds: tests add theirs with /feeds add. */
export async function emptyFeedsFile(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hyosan-e2e-'));
  const file = path.join(dir, 'feeds.json');
  await writeFile(file, JSON.stringify({ feeds: [] }));
  return file;
}

export function botEnv(emulator: Emulator, storeUrl: string, feedsFile: string, namespace = 'hyosan'): NodeJS.ProcessEnv {
  return {
    STORE_NAMESPACE: namespace,
    DISCORD_TOKEN: emulator.token,
    DISCORD_APPLICATION_ID: emulator.applicationId,
    DISCORD_API_URL: emulator.apiUrl,
    STORE_URL: storeUrl,
    FEEDS_FILE: feedsFile,
    FEED_ALLOWED_HOSTS: '127.0.0.1',
    READ_ARTICLE_PAGES: 'false',
    FETCH_TIMEOUT_SECONDS: '5',
    LOG_LEVEL: 'silent',
  };
}

export async function deployToEmulator(emulator: Emulator): Promise<void> {
  await deployCommands({ token: emulator.token, applicationId: emulator.applicationId, apiUrl: emulator.apiUrl });
}

export async function startBot(emulator: Emulator, storeUrl: string, feedsFile: string, namespace?: string): Promise<RunningBot> {
  const config = loadConfig(botEnv(emulator, storeUrl, feedsFile, namespace));
  // Ticks are driven by the tests (pollNow); the cron would only add noise.
  const bot = await startHyosan(config, { deliveryPollMs: 50, tickCron: '0 0 1 1 *' });
  return { app: bot.app, client: bot.discord.client, stop: () => bot.stop() };
}

/** Makes every stored feed due now, so the next poll round fetches them. */
export async function makeFeedsDue(app: App): Promise<void> {
  const now = new Date().toISOString();
  for (const feed of await app.stores.feeds.list()) await app.stores.feeds.put({ ...feed, nextDueAt: now });
}

export async function until<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
