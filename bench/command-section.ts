/**
 * Section 3: a soak. The real bot as `npm start` runs it (bundled, `node dist/main.js`) as a child process against the Discord
 * emulator in this process, answering 6,000 mixed commands (/release, /cast, /status, /news,
 * /help in turn), next to a bare discord.js client (Guilds intent, a fixed 300-character reply)
 * under the same load in the same run. Latency is dispatch → callback as the emulator sees it;
 * memory is each process's own (VmRSS / VmHWM) at READY and after 1,000, 3,000 and 6,000
 * commands; an idle `node -e` process is the floor.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { botEnv, deployToEmulator, emptyFeedsFile } from '../test/e2e/bot-harness.ts';
import { startEmulator, type Emulator } from '../test/emulator/index.ts';
import { BARE_CLIENT_ENTRY, BOT_ENTRY, buildBot, sleep, startNode, stopChild } from './child-process.ts';
import { readProcessMemory, type ProcessMemory } from './proc-memory.ts';
import { runSection } from './section.ts';
import { percentile, ratio } from './stats.ts';

export interface CommandLatency {
  command: string;
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Callbacks of any type other than an immediate reply (4): should be 0 for these commands. */
  otherCallbacks: number;
}

export interface MemoryResult {
  bareNode: ProcessMemory;
  botAfterStart: ProcessMemory;
  /** After the first half of the commands: with botAfterLoad, tells growth that levels off from growth that goes on. */
  botAfterHalf: ProcessMemory;
  botAfterLoad: ProcessMemory;
  /** Bot RSS over bare-node RSS. */
  startRatio: number;
  loadRatio: number;
  /** High-water mark after the load over bare-node RSS. */
  peakRatio: number;
}

/** The same load on a bot whose V8 old space is capped: tells garbage V8 has not collected yet from memory still held. */
export interface CappedHeapResult {
  maxOldSpaceMiB: number;
  afterStart: ProcessMemory;
  afterHalf: ProcessMemory;
  afterLoad: ProcessMemory;
  loadRatio: number;
}

/** One process under the soak: the bot or the bare client. */
export interface SoakRun {
  readyMs: number;
  atReady: ProcessMemory;
  /** After 1,000, 3,000 and 6,000 commands. */
  checkpoints: { commands: number; memory: ProcessMemory }[];
  /** MiB per 1,000 commands between the first and the last checkpoint. */
  growthPer1000MiB: number;
  /** Every command's latency together. */
  p50Ms: number;
  p99Ms: number;
}

export interface SoakResult {
  commands: number;
  bot: SoakRun;
  bare: SoakRun;
  /** bot ÷ bare. */
  readyRssRatio: number;
  finalRssRatio: number;
  growthRatio: number;
  releaseP99VsBareP99: number;
  readyTimeRatio: number;
}

export interface CommandResult {
  invocationsPerCommand: number;
  warmupPerCommand: number;
  startupMs: number;
  latency: CommandLatency[];
  memory: MemoryResult;
  cappedHeap: CappedHeapResult;
  soak: SoakResult;
}

const COMMANDS = ['release', 'cast', 'status'] as const;
const SOAK_COMMANDS = ['release', 'cast', 'status', 'news', 'help'] as const;
const SOAK_TOTAL = 6000;
const SOAK_CHECKPOINTS = [1000, 3000, 6000];
const INVOCATIONS = 300;
const WARMUP = 20;
/** Memory settles for this long before it is read: start-up garbage is still being collected. */
const SETTLE_MS = 1500;
/** Small enough that V8 must collect as it goes, large enough for the bot's live data. */
const CAPPED_OLD_SPACE_MIB = 128;

/** A bare Node process, idle, measured the same way as the bot: the floor any Node program pays. */
async function bareNodeMemory(): Promise<ProcessMemory> {
  const child = startNode(['-e', 'setInterval(() => {}, 1000)']);
  try {
    await sleep(SETTLE_MS);
    return await readProcessMemory(child.pid as number);
  } finally {
    await stopChild(child, 'SIGKILL');
  }
}

/** Ready means answering: asks /status until a reply comes back, so login, guild sync and command wiring are done. */
async function waitUntilAnswering(emulator: Emulator, bot: ChildProcess, guildId: string, userId: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (bot.exitCode !== null) throw new Error(`the bot exited with code ${bot.exitCode} while starting`);
    if (emulator.stats().gateway.identifies > 0) {
      try {
        await emulator.invokeCommand({ name: 'status', guildId, userId }).response(1000);
        return;
      } catch {
        // Not wired yet; ask again.
      }
    } else await sleep(50);
  }
  throw new Error(`the bot did not answer /status within ${timeoutMs} ms`);
}

interface BotRun {
  startupMs: number;
  afterStart: ProcessMemory;
  afterHalf: ProcessMemory;
  afterLoad: ProcessMemory;
  samples: Map<string, number[]>;
  otherCallbacks: Map<string, number>;
}

interface Target {
  emulator: Emulator;
  guildId: string;
  userId: string;
}

/** Starts `node [nodeArgs] dist/src/main.js`, loads it with the commands, reads its memory, stops it. */
async function loadBot(target: Target, env: NodeJS.ProcessEnv, nodeArgs: string[]): Promise<BotRun> {
  const { emulator, guildId, userId } = target;
  const started = Date.now();
  const bot = startNode([...nodeArgs, BOT_ENTRY], { env, cwd: process.cwd() });
  try {
    await waitUntilAnswering(emulator, bot, guildId, userId);
    const startupMs = Date.now() - started;
    const memory = async () => {
      await sleep(SETTLE_MS);
      return readProcessMemory(bot.pid as number);
    };
    const afterStart = await memory();
    const samples = new Map<string, number[]>(COMMANDS.map((c) => [c, []]));
    const otherCallbacks = new Map<string, number>(COMMANDS.map((c) => [c, 0]));
    const half = WARMUP + INVOCATIONS / 2;
    let afterHalf: ProcessMemory | undefined;
    for (let i = 0; i < WARMUP + INVOCATIONS; i++) {
      if (i === half) afterHalf = await memory();
      // Round-robin, so the three commands share the same conditions.
      for (const command of COMMANDS) {
        const cb = await emulator.invokeCommand({ name: command, guildId, userId }).response();
        if (i < WARMUP) continue;
        samples.get(command)?.push(cb.latencyMs);
        if (cb.type !== 4) otherCallbacks.set(command, (otherCallbacks.get(command) ?? 0) + 1);
      }
    }
    const afterLoad = await memory();
    if (!afterHalf) throw new Error('the half-way memory reading was skipped');
    return { startupMs, afterStart, afterHalf, afterLoad, samples, otherCallbacks };
  } finally {
    await stopChild(bot);
  }
}

function latencyOf(run: BotRun): CommandLatency[] {
  return COMMANDS.map((command): CommandLatency => {
    const sorted = [...(run.samples.get(command) ?? [])].sort((a, b) => a - b);
    return {
      command,
      samples: sorted.length,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      maxMs: sorted[sorted.length - 1] ?? 0,
      otherCallbacks: run.otherCallbacks.get(command) ?? 0,
    };
  });
}

/** Starts a process, waits until it answers, then runs the mixed soak against it. */
async function soak(target: Target, start: () => ChildProcess): Promise<{ run: SoakRun; release: number[] }> {
  const { emulator, guildId, userId } = target;
  const started = Date.now();
  const child = start();
  try {
    await waitUntilAnswering(emulator, child, guildId, userId);
    const readyMs = Date.now() - started;
    const memory = async () => {
      await sleep(SETTLE_MS);
      return readProcessMemory(child.pid as number);
    };
    const atReady = await memory();
    const all: number[] = [];
    const release: number[] = [];
    const checkpoints: SoakRun['checkpoints'] = [];
    for (let i = 1; i <= SOAK_TOTAL; i += 1) {
      const name = SOAK_COMMANDS[(i - 1) % SOAK_COMMANDS.length] ?? 'help';
      const cb = await emulator.invokeCommand({ name, guildId, userId }).response();
      all.push(cb.latencyMs);
      if (name === 'release') release.push(cb.latencyMs);
      if (SOAK_CHECKPOINTS.includes(i)) checkpoints.push({ commands: i, memory: await memory() });
    }
    const first = checkpoints[0];
    const last = checkpoints.at(-1);
    const growthPer1000MiB = first && last && last.commands > first.commands
      ? ((last.memory.rssMiB - first.memory.rssMiB) / (last.commands - first.commands)) * 1000
      : 0;
    const sorted = [...all].sort((a, b) => a - b);
    return { run: { readyMs, atReady, checkpoints, growthPer1000MiB, p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99) }, release };
  } finally {
    await stopChild(child);
  }
}

export async function runCommandBench(): Promise<CommandResult> {
  buildBot();
  const dir = await mkdtemp(path.join(tmpdir(), 'hyosan-bench-bot-'));
  const emulator = await startEmulator();
  try {
    await deployToEmulator(emulator);
    const guild = emulator.guilds()[0];
    if (!guild) throw new Error('the emulator has no guild');
    const viewer = guild.members.find((m) => m.user.username.startsWith('viewer'));
    if (!viewer) throw new Error('the emulator guild has no viewer member');
    const target: Target = { emulator, guildId: guild.id, userId: viewer.user.id };
    const bare = await bareNodeMemory();
    const envFor = async (name: string) => ({
      ...process.env,
      ...botEnv(emulator, `sqlite://${path.join(dir, `${name}.sqlite`)}`, await emptyFeedsFile()),
      LOG_LEVEL: 'silent',
    });

    const run = await loadBot(target, await envFor('default'), []);
    const capped = await loadBot(target, await envFor('capped'), [`--max-old-space-size=${CAPPED_OLD_SPACE_MIB}`]);
    const soakEnv = await envFor('soak');
    const bot = await soak(target, () => startNode([BOT_ENTRY], { env: soakEnv, cwd: process.cwd() }));
    const bareClient = await soak(target, () => startNode([BARE_CLIENT_ENTRY], {
      env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl },
    }));
    const releaseSorted = [...bot.release].sort((a, b) => a - b);
    const lastOf = (r: SoakRun) => r.checkpoints.at(-1)?.memory.rssMiB ?? 0;
    return {
      invocationsPerCommand: INVOCATIONS,
      warmupPerCommand: WARMUP,
      startupMs: run.startupMs,
      latency: latencyOf(run),
      memory: {
        bareNode: bare,
        botAfterStart: run.afterStart,
        botAfterHalf: run.afterHalf,
        botAfterLoad: run.afterLoad,
        startRatio: ratio(run.afterStart.rssMiB, bare.rssMiB),
        loadRatio: ratio(run.afterLoad.rssMiB, bare.rssMiB),
        peakRatio: ratio(run.afterLoad.hwmMiB, bare.rssMiB),
      },
      cappedHeap: {
        maxOldSpaceMiB: CAPPED_OLD_SPACE_MIB,
        afterStart: capped.afterStart,
        afterHalf: capped.afterHalf,
        afterLoad: capped.afterLoad,
        loadRatio: ratio(capped.afterLoad.rssMiB, bare.rssMiB),
      },
      soak: {
        commands: SOAK_TOTAL,
        bot: bot.run,
        bare: bareClient.run,
        readyRssRatio: ratio(bot.run.atReady.rssMiB, bareClient.run.atReady.rssMiB),
        finalRssRatio: ratio(lastOf(bot.run), lastOf(bareClient.run)),
        growthRatio: ratio(bot.run.growthPer1000MiB, bareClient.run.growthPer1000MiB),
        releaseP99VsBareP99: ratio(percentile(releaseSorted, 0.99), bareClient.run.p99Ms),
        readyTimeRatio: ratio(bot.run.readyMs, bareClient.run.readyMs),
      },
    };
  } finally {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

runSection(import.meta.url, runCommandBench);
