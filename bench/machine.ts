/** What the figures were measured on and with: ratios travel between machines, absolute numbers do not. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  loadAverage: number[];
  commit: string;
}

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return 'unknown';
  }
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    commit: gitCommit(),
  };
}

/** The command as the person typed it: npm sets npm_lifecycle_event when it runs a script. */
export function invokingCommand(): string {
  if (process.env.npm_lifecycle_event === 'bench') return 'npm run bench';
  return ['node', ...process.argv.slice(1).map((a) => (a.startsWith(process.cwd() + '/') ? a.slice(process.cwd().length + 1) : a))].join(' ');
}
