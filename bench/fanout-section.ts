/**
 * Section 5: one alert to N servers at once, the moment that matters most (Netflix announcing the
 * premiere date), against the emulator with Discord's global limit of 50 requests a second
 * enforced. The bot runs as its own process, as `npm start` runs it (bundled, `node dist/main.js`); the alert comes the real way,
 * through a followed feed. Measured in the same run:
 *  - fan-out time from the first alert to the last, against N / DELIVERY_RATE_PER_SECOND;
 *  - 429 answers, every channel exactly once, the most bot requests in any one second;
 *  - /release p50/p99 while idle and during the fan-out;
 *  - RSS at READY and after the fan-out, against a bare discord.js client on the same servers;
 *  - the request limiter: the bot's pacer against @discordjs/rest's own global limit alone.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REST, Routes } from 'discord.js';
import { RestDeliveryPort } from '../src/discord/rest-port.ts';
import { openStores } from '../src/store/open-stores.ts';
import { botEnv, deployToEmulator } from '../test/e2e/bot-harness.ts';
import { startFeedServer, type FeedServer } from '../test/e2e/feed-server.ts';
import { startEmulator, type Emulator, type RequestRecord } from '../test/emulator/index.ts';
import { subscribedGuild } from '../test/faults/helpers/app-under-test.ts';
import { BARE_CLIENT_ENTRY, BOT_ENTRY, buildBot, nextMessage, sleep, startNode, stopChild } from './child-process.ts';
import { readProcessMemory, type ProcessMemory } from './proc-memory.ts';
import { runSection } from './section.ts';
import { percentile, ratio } from './stats.ts';

const RATE = 40;
const DISCORD_GLOBAL = 50;
const SETTLE_MS = 1500;
const IDLE_SAMPLES = 200;
/** Commands are asked ten a second, idle and during the fan-out alike. */
const COMMAND_SPACING_MS = 100;

export interface Latency { samples: number; p50Ms: number; p99Ms: number }

export interface FanoutRun {
  servers: number;
  fanoutSeconds: number;
  floorSeconds: number;
  /** fanoutSeconds / floorSeconds: 1.0 is the configured rate exactly. */
  vsFloor: number;
  tooManyRequests: number;
  channelsExactlyOnce: number;
  channelsMissing: number;
  channelsDoubled: number;
  /** The most alert posts the emulator saw in any one-second window. */
  peakAlertsPerSecond: number;
  /** The most bot-token requests of any kind (alerts and the client's own) in any one-second window during the fan-out. */
  peakPerSecond: number;
  releaseIdle: Latency;
  releaseDuring: Latency;
  /** p99 during ÷ p99 idle. */
  releaseP99Ratio: number;
  botReadyMs: number;
  bareReadyMs: number;
  botAtReady: ProcessMemory;
  botAfterFanout: ProcessMemory;
  bareAtReady: ProcessMemory;
  /** Bot RSS at READY ÷ bare client RSS at READY. */
  readyRssRatio: number;
  /** Bot RSS after the fan-out ÷ at READY. */
  afterFanoutRssRatio: number;
}

export interface LimiterRun { limiter: string; requests: number; seconds: number; peakPerSecond: number; tooManyRequests: number }

export interface FanoutResult { rate: number; runs: FanoutRun[]; limiters: LimiterRun[] }

function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { samples: sorted.length, p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99) };
}

/** The most of `times` (ms, any order) inside any window of `windowMs`. */
export function peakInWindow(times: number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while ((sorted[i] ?? 0) - (sorted[j] ?? 0) >= windowMs) j += 1;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

const isBotRequest = (r: RequestRecord) => r.route !== null && !r.route.startsWith('/interactions/') && !r.route.startsWith('/webhooks/');
const isAlertPost = (r: RequestRecord) => r.method === 'POST' && r.route === '/channels/:channelId/messages';

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function invokeRelease(emulator: Emulator, guildId: string, userId: string): Promise<number> {
  return (await emulator.invokeCommand({ name: 'release', guildId, userId }).response(10_000)).latencyMs;
}

function viewerOf(emulator: Emulator): { guildId: string; userId: string } {
  const guild = emulator.guilds()[0];
  const viewer = guild?.members.find((m) => m.user.username.startsWith('viewer'));
  if (!guild || !viewer) throw new Error('the emulator has no viewer to ask /release');
  return { guildId: guild.id, userId: viewer.user.id };
}

/** The bare client started a few times over: its RSS at READY moves by some 5 MiB between starts, so the baseline is the median start. */
const BARE_STARTS = 3;

async function bareClient(emulator: Emulator): Promise<{ readyMs: number; atReady: ProcessMemory }> {
  const starts: Array<{ readyMs: number; atReady: ProcessMemory }> = [];
  for (let i = 0; i < BARE_STARTS; i += 1) starts.push(await bareClientOnce(emulator));
  starts.sort((a, b) => a.atReady.rssMiB - b.atReady.rssMiB);
  const median = starts[Math.floor(starts.length / 2)];
  if (!median) throw new Error('the bare client never started');
  return median;
}

async function bareClientOnce(emulator: Emulator): Promise<{ readyMs: number; atReady: ProcessMemory }> {
  const started = Date.now();
  const child = startNode([BARE_CLIENT_ENTRY], {
    env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    await nextMessage(child, (m): m is { ready: true } => (m as { ready?: unknown }).ready === true, 120_000);
    const readyMs = Date.now() - started;
    await sleep(SETTLE_MS);
    return { readyMs, atReady: await readProcessMemory(child.pid as number) };
  } finally {
    await stopChild(child);
  }
}

async function startBot(emulator: Emulator, env: NodeJS.ProcessEnv): Promise<{ bot: ChildProcess; readyMs: number }> {
  const started = Date.now();
  const bot = startNode([BOT_ENTRY], { env, cwd: process.cwd() });
  const { guildId, userId } = viewerOf(emulator);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (bot.exitCode !== null) throw new Error(`the bot exited with code ${bot.exitCode} while starting`);
    if (Date.now() > deadline) throw new Error('the bot did not answer /release within 120 s');
    if (emulator.stats().gateway.identifies > 0) {
      try {
        await emulator.invokeCommand({ name: 'release', guildId, userId }).response(1000);
        return { bot, readyMs: Date.now() - started };
      } catch {
        // Not ready yet.
      }
    }
    await sleep(50);
  }
}

async function fanout(servers: number, dir: string): Promise<FanoutRun> {
  const emulator = await startEmulator({
    guilds: Array.from({ length: servers }, (_, i) => ({
      name: `fan club ${i + 1}`, channels: [{ name: 'alerts' }],
      members: [{ id: `8${String(i).padStart(17, '0')}`, username: `viewer${i}` }],
    })),
    globalRateLimit: { limit: DISCORD_GLOBAL, windowMs: 1000 },
  });
  let feeds: FeedServer | undefined;
  let bot: ChildProcess | undefined;
  try {
    await deployToEmulator(emulator);
    const bare = await bareClient(emulator);

    const storeUrl = `sqlite://${path.join(dir, `fanout-${servers}.sqlite`)}`;
    const stores = await openStores(storeUrl);
    const channels: string[] = [];
    for (const guild of emulator.guilds()) {
      const channel = guild.channels.find((c) => c.name === 'alerts');
      if (!channel) throw new Error(`guild ${guild.id} has no alerts channel`);
      channels.push(channel.id);
      await stores.guilds.put({ ...subscribedGuild(channel.id), guildId: guild.id });
    }
    await stores.close();

    feeds = await startFeedServer();
    feeds.set('/news.xml', 'K-Drama Desk', [{
      guid: 'old-wrap', title: 'All of Us Are Dead season 2 wraps filming',
      body: 'Filming on All of Us Are Dead season 2 wrapped on February 19, according to the production company.',
      published: new Date(Date.now() - 200 * 86_400_000),
    }]);
    const feedsFile = path.join(dir, `feeds-${servers}.json`);
    await writeFile(feedsFile, JSON.stringify({ feeds: [{ url: feeds.url('/news.xml'), name: 'K-Drama Desk', kind: 'outlet' }] }));
    const env = {
      PATH: process.env.PATH ?? '',
      ...botEnv(emulator, storeUrl, feedsFile),
      POLL_INTERVAL_SECONDS: '10',
      DELIVERY_RATE_PER_SECOND: String(RATE),
      LOG_LEVEL: 'silent',
    };
    const started = await startBot(emulator, env);
    bot = started.bot;
    await sleep(SETTLE_MS);
    const botAtReady = await readProcessMemory(bot.pid as number);
    const served = feeds;
    await waitFor(() => served.requests('/news.xml') > 0, 'the first fetch of the feed', 60_000);

    const { guildId, userId } = viewerOf(emulator);
    const idle: number[] = [];
    for (let i = 0; i < IDLE_SAMPLES; i += 1) {
      const at = Date.now();
      idle.push(await invokeRelease(emulator, guildId, userId));
      await sleep(Math.max(0, at + COMMAND_SPACING_MS - Date.now()));
    }

    const postsBefore = emulator.requests().filter(isAlertPost).length;
    served.add('/news.xml', {
      guid: 'date-announced', title: 'Netflix sets March 12, 2027 premiere for All of Us Are Dead season 2',
      body: 'Netflix announced on Monday that All of Us Are Dead season 2 will premiere on March 12, 2027.',
      published: new Date(), outlet: 'K-Drama Desk',
    });
    const alerted = (channelId: string) => emulator.messages(channelId).filter((m) => m.source === 'rest').length;
    // Commands keep coming while the alert goes out, ten a second: fans asking when it starts.
    const during: { at: number; ms: number }[] = [];
    await waitFor(() => emulator.requests().filter(isAlertPost).length > postsBefore, 'the first alert', 60_000);
    const limitMs = Math.ceil((servers / RATE) * 3 * 1000) + 60_000;
    const deadline = Date.now() + limitMs;
    while (!channels.every((c) => alerted(c) >= 1) && Date.now() < deadline) {
      const at = Date.now();
      during.push({ at, ms: await invokeRelease(emulator, guildId, userId) });
      await sleep(Math.max(0, at + COMMAND_SPACING_MS - Date.now()));
    }
    const posts = emulator.requests().filter((r) => isAlertPost(r) && r.status === 200);
    const first = Math.min(...posts.map((r) => r.at));
    const last = Math.max(...posts.map((r) => r.at));
    const inFanout = during.filter((d) => d.at >= first && d.at <= last).map((d) => d.ms);
    const botRequests = emulator.requests().filter((r) => isBotRequest(r) && r.at >= first && r.at <= last).map((r) => r.at);
    await sleep(5000);
    const botAfterFanout = await readProcessMemory(bot.pid as number);
    const counts = channels.map(alerted);
    const fanoutSeconds = (last - first) / 1000;
    const floorSeconds = servers / RATE;
    const releaseIdle = latency(idle);
    const releaseDuring = latency(inFanout);
    return {
      servers,
      fanoutSeconds,
      floorSeconds,
      vsFloor: ratio(fanoutSeconds, floorSeconds),
      tooManyRequests: emulator.stats().rest.byStatus['429'] ?? 0,
      channelsExactlyOnce: counts.filter((n) => n === 1).length,
      channelsMissing: counts.filter((n) => n === 0).length,
      channelsDoubled: counts.filter((n) => n > 1).length,
      peakAlertsPerSecond: peakInWindow(posts.map((r) => r.at)),
      peakPerSecond: peakInWindow(botRequests),
      releaseIdle,
      releaseDuring,
      releaseP99Ratio: ratio(releaseDuring.p99Ms, releaseIdle.p99Ms),
      botReadyMs: started.readyMs,
      bareReadyMs: bare.readyMs,
      botAtReady,
      botAfterFanout,
      bareAtReady: bare.atReady,
      readyRssRatio: ratio(botAtReady.rssMiB, bare.atReady.rssMiB),
      afterFanoutRssRatio: ratio(botAfterFanout.rssMiB, botAtReady.rssMiB),
    };
  } finally {
    if (bot) await stopChild(bot);
    await feeds?.close();
    await emulator.close();
  }
}

/** N posts fired at once to N channels through one limiter, against Discord's global limit. */
async function limiter(name: string, requests: number, send: (emulator: Emulator, channelId: string, i: number) => Promise<unknown>): Promise<LimiterRun> {
  const emulator = await startEmulator({
    guilds: Array.from({ length: requests / 4 }, (_, i) => ({ name: `club ${i}`, channels: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }] })),
    globalRateLimit: { limit: DISCORD_GLOBAL, windowMs: 1000 },
  });
  try {
    const channels = emulator.guilds().flatMap((g) => g.channels.map((c) => c.id));
    const started = Date.now();
    await Promise.all(channels.slice(0, requests).map((c, i) => send(emulator, c, i).catch(() => undefined)));
    const seconds = (Date.now() - started) / 1000;
    const times = emulator.requests().filter(isAlertPost).map((r) => r.at);
    return { limiter: name, requests, seconds, peakPerSecond: peakInWindow(times), tooManyRequests: emulator.stats().rest.byStatus['429'] ?? 0 };
  } finally {
    await emulator.close();
  }
}

async function limiters(): Promise<LimiterRun[]> {
  const body = (i: number) => ({ content: `alert ${i}`, nonce: `limiter-${String(i).padStart(16, '0')}`, enforce_nonce: true });
  const ports = new Map<Emulator, RestDeliveryPort>();
  const rests = new Map<Emulator, REST>();
  return [
    await limiter(`Hyosan's pacer at ${RATE}/s (library buckets, global ${DISCORD_GLOBAL}/s)`, 400, (emulator, channelId, i) => {
      let port = ports.get(emulator);
      if (!port) ports.set(emulator, (port = new RestDeliveryPort({ token: emulator.token, apiUrl: emulator.apiUrl, ratePerSecond: RATE, timeoutMs: 30_000 })));
      return port.rest.post(Routes.channelMessages(channelId), { body: body(i) });
    }),
    await limiter(`@discordjs/rest alone, globalRequestsPerSecond ${RATE}`, 400, (emulator, channelId, i) => {
      let rest = rests.get(emulator);
      if (!rest) rests.set(emulator, (rest = new REST({ api: emulator.apiUrl, globalRequestsPerSecond: RATE, timeout: 30_000 }).setToken(emulator.token)));
      return rest.post(Routes.channelMessages(channelId), { body: body(i) });
    }),
  ];
}

export async function runFanoutBench(): Promise<FanoutResult> {
  buildBot();
  const dir = await mkdtemp(path.join(tmpdir(), 'hyosan-bench-fanout-'));
  try {
    const sizes = (process.env.BENCH_FANOUT_SERVERS ?? '1000,2500').split(',').map(Number).filter((n) => n > 0);
    const runs: FanoutRun[] = [];
    for (const servers of sizes) runs.push(await fanout(servers, dir));
    return { rate: RATE, runs, limiters: await limiters() };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

runSection(import.meta.url, runFanoutBench);
