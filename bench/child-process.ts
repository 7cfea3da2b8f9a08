/** Starting and stopping the bench's own child processes, and waiting on them without hanging the run. */
import { execFileSync, spawn, type ChildProcess, type ExecFileSyncOptions, type SpawnOptions } from 'node:child_process';
import path from 'node:path';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The bot as `npm start` runs it: bundled to JavaScript first (rolldown.config.ts), not stripped of its types at load. */
export const BOT_ENTRY = path.join('dist', 'main.js');

/** The baseline client, bundled the same way (discord.js left in node_modules, as the bot leaves it), so both sides load plain JavaScript. */
export const BARE_CLIENT_ENTRY = path.join('dist', 'bench', 'bare-client.js');

/** `npm run build`, then the same for the baseline client: the bench measures the same bot a server runs. */
export function buildBot(): void {
  const rolldown = path.join('node_modules', 'rolldown', 'bin', 'cli.mjs');
  const quiet: ExecFileSyncOptions = { stdio: ['ignore', 'ignore', 'inherit'] };
  execFileSync(process.execPath, [rolldown, '-c', 'rolldown.config.ts', '--logLevel', 'warn'], quiet);
  execFileSync(process.execPath, [rolldown, path.join('bench', 'bare-client.ts'), '--file', BARE_CLIENT_ENTRY, '--platform', 'node', '--format', 'esm', '--external', 'discord.js', '--logLevel', 'warn'], quiet);
}

export function startNode(args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
}

/** Resolves with the exit code; after `graceMs` the child is killed, so a stuck child cannot stall the bench. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill(signal);
  });
}

/** The next IPC message from `child` that `accept` takes, or an error after `timeoutMs`. */
export function nextMessage<T>(child: ChildProcess, accept: (message: unknown) => message is T, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`no answer from child ${child.pid} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: unknown) => {
      if (accept(message)) finish(undefined, message);
    };
    const onExit = (code: number | null) => finish(new Error(`child ${child.pid} exited (code ${code}) before answering`));
    function finish(error: Error | undefined, value?: T) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value as T);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
