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

export interface CommandResult {
  invocationsPerCommand: number;
  warmupPerCommand: number;
  startupMs: number;
  latency: CommandLatency[];
  memory: MemoryResult;
}

const COMMANDS = ['release', 'cast', 'status'] as const;
const INVOCATIONS = 300;
const WARMUP = 20;
/** Memory settles for this long before it is read: start-up garbage is still being collected. */
const SETTLE_MS = 1500;

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

export async function runCommandBench(): Promise<CommandResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hyosan-bench-bot-'));
  const emulator = await startEmulator();
  let bot: ChildProcess | undefined;
  try {
    await deployToEmulator(emulator);
    const guild = emulator.guilds()[0];
    if (!guild) throw new Error('the emulator has no guild');
    const viewer = guild.members.find((m) => m.user.username.startsWith('viewer'));
    if (!viewer) throw new Error('the emulator guild has no viewer member');
    const bare = await bareNodeMemory();

    const env = { ...process.env, ...botEnv(emulator, `sqlite://${path.join(dir, 'bench.sqlite')}`, await emptyFeedsFile()), LOG_LEVEL: 'silent' };
    const started = Date.now();
    bot = startNode(['src/main.ts'], { env, cwd: process.cwd() });
    await waitUntilAnswering(emulator, bot, guild.id, viewer.user.id);
    const startupMs = Date.now() - started;
    await sleep(SETTLE_MS);
    const afterStart = await readProcessMemory(bot.pid as number);

    const samples = new Map<string, number[]>(COMMANDS.map((c) => [c, []]));
    const other = new Map<string, number>(COMMANDS.map((c) => [c, 0]));
    const half = WARMUP + INVOCATIONS / 2;
    let afterHalf: ProcessMemory | undefined;
    for (let i = 0; i < WARMUP + INVOCATIONS; i++) {
      if (i === half) {
        await sleep(SETTLE_MS);
        afterHalf = await readProcessMemory(bot.pid as number);
      }
      // Round-robin, so the three commands share the same conditions.
      for (const command of COMMANDS) {
        const cb = await emulator.invokeCommand({ name: command, guildId: guild.id, userId: viewer.user.id }).response();
        if (i < WARMUP) continue;
        samples.get(command)?.push(cb.latencyMs);
        if (cb.type !== 4) other.set(command, (other.get(command) ?? 0) + 1);
      }
    }
    await sleep(SETTLE_MS);
    const afterLoad = await readProcessMemory(bot.pid as number);
    if (!afterHalf) throw new Error('the half-way memory reading was skipped');

    const latency = COMMANDS.map((command): CommandLatency => {
      const sorted = [...(samples.get(command) ?? [])].sort((a, b) => a - b);
      return {
        command,
        samples: sorted.length,
        p50Ms: percentile(sorted, 0.5),
        p99Ms: percentile(sorted, 0.99),
        maxMs: sorted[sorted.length - 1] ?? 0,
        otherCallbacks: other.get(command) ?? 0,
      };
    });
    return {
      invocationsPerCommand: INVOCATIONS,
      warmupPerCommand: WARMUP,
      startupMs,
      latency,
      memory: {
        bareNode: bare,
        botAfterStart: afterStart,
        botAfterHalf: afterHalf,
        botAfterLoad: afterLoad,
        startRatio: ratio(afterStart.rssMiB, bare.rssMiB),
        loadRatio: ratio(afterLoad.rssMiB, bare.rssMiB),
        peakRatio: ratio(afterLoad.hwmMiB, bare.rssMiB),
      },
    };
  } finally {
    if (bot) await stopChild(bot);
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

runSection(import.meta.url, runCommandBench);
