/**
 * The bot as `npm start` runs it (node src/main.ts), as a child process against the emulator and
 * a SQLite file, so a test can kill it for real and start it again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { botEnv } from '../../e2e/bot-harness.ts';
import type { Emulator } from '../../emulator/index.ts';
import { seededRandom } from '../../helpers/seeded-random.ts';
import { childEnv } from '../../helpers/child-env.ts';

export interface BotProcess {
  child: ChildProcess;
  stderr(): string;
  /** What it logged (standard output). */
  stdout(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnBot(emulator: Emulator, storeUrl: string, feedsFile: string, extraEnv: Record<string, string> = {}): BotProcess {
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: process.cwd(),
    env: childEnv({ PATH: process.env.PATH ?? '', ...botEnv(emulator, storeUrl, feedsFile), ...extraEnv }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, stderr: () => stderr, stdout: () => stdout, exited };
}

export { seededRandom };
