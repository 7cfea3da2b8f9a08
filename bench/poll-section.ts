/**
 * Section 2: what one poll round costs when nothing changed (every feed answers 304 to the
 * conditional GET) against a round where every feed has a new article. The bot is the real app
 * (createApp with a test config, SQLite :memory:); the feeds are served by a child process.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config/env.ts';
import { nextMessage, startNode, stopChild } from './child-process.ts';
import type { FarmReply, FarmRequest, FarmStats } from './feed-farm.ts';
import { runSection } from './section.ts';
import { ratio, summarise, type Summary } from './stats.ts';
import { collectGarbage, timed } from './timer.ts';

export interface RoundKindResult {
  rounds: number;
  msPerRound: Summary;
  msPerFeed: number;
  cpuMsPerRound: Summary;
  /** Answers the feeds gave over these rounds: proves the round was what it claims to be. */
  served: FarmStats;
  feedsPolled: number;
}

export interface PollResult {
  feeds: number;
  itemsPerFeed: number;
  concurrency: string;
  unchanged: RoundKindResult;
  changed: RoundKindResult;
  /** changed / unchanged, by median wall time and by median CPU time. */
  wallRatio: number;
  cpuRatio: number;
}

const FEEDS = 50;
const ITEMS_PER_FEED = 20;
const ROUNDS = 7;
const WARMUP_PAIRS = 1;

const FARM = fileURLToPath(new URL('./feed-farm.ts', import.meta.url));

type Farm = { request<K extends FarmReply['type']>(message: FarmRequest, answer: K): Promise<Extract<FarmReply, { type: K }>>; stop(): Promise<void> };

async function startFarm(): Promise<{ farm: Farm; urls: string[] }> {
  const options = { feeds: FEEDS, itemsPerFeed: ITEMS_PER_FEED, spare: WARMUP_PAIRS + ROUNDS + 2 };
  const child = startNode([FARM, JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const isReply = <K extends FarmReply['type']>(type: K) => (m: unknown): m is Extract<FarmReply, { type: K }> => (m as FarmReply | undefined)?.type === type;
  const ready = await nextMessage(child, isReply('ready'));
  const farm: Farm = {
    async request(message, answer) {
      const reply = nextMessage(child, isReply(answer));
      child.send(message);
      return reply;
    },
    stop: async () => {
      await stopChild(child);
    },
  };
  return { farm, urls: ready.urls };
}

/** Every stored feed due now: a round then polls them all, whatever jitter the last one drew. */
async function makeAllDue(app: App): Promise<void> {
  const now = new Date().toISOString();
  for (const feed of await app.stores.feeds.list()) await app.stores.feeds.put({ ...feed, nextDueAt: now });
}

function diff(after: FarmStats, before: FarmStats): FarmStats {
  return { ok: after.ok - before.ok, notModified: after.notModified - before.notModified, notFound: after.notFound - before.notFound };
}

interface Round {
  wallMs: number;
  cpuMs: number;
  polled: number;
  served: FarmStats;
}

async function round(app: App, farm: Farm, changed: boolean): Promise<Round> {
  if (changed) await farm.request({ type: 'publish' }, 'published');
  await makeAllDue(app);
  const before = (await farm.request({ type: 'stats' }, 'stats')).stats;
  collectGarbage();
  const { value: report, wallMs, cpuMs } = await timed(() => app.poller.tick());
  const after = (await farm.request({ type: 'stats' }, 'stats')).stats;
  const broken = report.polled.filter((p) => p.health !== 'ok');
  if (broken.length > 0) throw new Error(`${broken.length} feed(s) failed during a ${changed ? 'changed' : 'unchanged'} round: ${broken[0]?.url}`);
  return { wallMs, cpuMs, polled: report.polled.length, served: diff(after, before) };
}

function summariseRounds(rounds: Round[]): RoundKindResult {
  const wall = summarise(rounds.map((r) => r.wallMs));
  return {
    rounds: rounds.length,
    msPerRound: wall,
    msPerFeed: wall.median / FEEDS,
    cpuMsPerRound: summarise(rounds.map((r) => r.cpuMs)),
    served: rounds.reduce((sum, r) => ({ ok: sum.ok + r.served.ok, notModified: sum.notModified + r.served.notModified, notFound: sum.notFound + r.served.notFound }), { ok: 0, notModified: 0, notFound: 0 }),
    feedsPolled: rounds.reduce((n, r) => n + r.polled, 0),
  };
}

export async function runPollBench(): Promise<PollResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hyosan-bench-poll-'));
  const { farm, urls } = await startFarm();
  let app: App | undefined;
  try {
    const feedsFile = path.join(dir, 'feeds.json');
    await writeFile(feedsFile, JSON.stringify({ feeds: urls.map((url, i) => ({ url, name: `Outlet ${i}`, kind: 'outlet' })) }));
    const config = loadConfig({
      STORE_URL: 'sqlite://:memory:',
      FEEDS_FILE: feedsFile,
      FEED_ALLOWED_HOSTS: '127.0.0.1',
      READ_ARTICLE_PAGES: 'false',
      LOG_LEVEL: 'silent',
    });
    app = await createApp(config);
    // The first round is every feed's baseline: full bodies, every item new. Not measured.
    await round(app, farm, false);
    for (let i = 0; i < WARMUP_PAIRS; i++) {
      await round(app, farm, false);
      await round(app, farm, true);
    }
    const unchanged: Round[] = [];
    const changed: Round[] = [];
    // Alternating, so drift in the machine's load lands on both kinds of round.
    for (let i = 0; i < ROUNDS; i++) {
      unchanged.push(await round(app, farm, false));
      changed.push(await round(app, farm, true));
    }
    const u = summariseRounds(unchanged);
    const c = summariseRounds(changed);
    return {
      feeds: FEEDS,
      itemsPerFeed: ITEMS_PER_FEED,
      concurrency: 'the poller default (4 at a time)',
      unchanged: u,
      changed: c,
      wallRatio: ratio(c.msPerRound.median, u.msPerRound.median),
      cpuRatio: ratio(c.cpuMsPerRound.median, u.cpuMsPerRound.median),
    };
  } finally {
    await app?.stop();
    await farm.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

runSection(import.meta.url, runPollBench);
