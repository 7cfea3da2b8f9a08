/**
 * Section 3: the real bot (`node src/main.ts`) as a child process against the Discord emulator
 * in this process. Latency is dispatch → callback as the emulator sees it; memory is the bot
 * process's own (VmRSS / VmHWM), set against a bare `node -e` process started in the same run.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { botEnv, deployToEmulator, emptyFeedsFile } from '../test/e2e/bot-harness.ts';
import { startEmulator, type Emulator } from '../test/emulator/index.ts';
import { sleep, startNode, stopChild } from './child-process.ts';
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

export interface CommandResult {
  invocationsPerCommand: number;
  warmupPerCommand: number;
  startupMs: number;
  latency: CommandLatency[];
  memory: MemoryResult;
  cappedHeap: CappedHeapResult;
}

const COMMANDS = ['release', 'cast', 'status'] as const;
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

/** Starts `node [nodeArgs] src/main.ts`, loads it with the commands, reads its memory, stops it. */
async function loadBot(target: Target, env: NodeJS.ProcessEnv, nodeArgs: string[]): Promise<BotRun> {
  const { emulator, guildId, userId } = target;
  const started = Date.now();
  const bot = startNode([...nodeArgs, 'src/main.ts'], { env, cwd: process.cwd() });
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

export async function runCommandBench(): Promise<CommandResult> {
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
    };
  } finally {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

runSection(import.meta.url, runCommandBench);
