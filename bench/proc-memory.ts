/** Memory of another process as the kernel counts it, so a figure covers that process alone. */
import { readFile } from 'node:fs/promises';

export interface ProcessMemory {
  /** Resident set size now, in MiB. */
  rssMiB: number;
  /** The highest resident set size so far ("high water mark"), in MiB. */
  hwmMiB: number;
}

function field(status: string, name: string): number {
  const match = status.match(new RegExp(`^${name}:\\s+(\\d+)\\s+kB$`, 'm'));
  if (!match?.[1]) throw new Error(`/proc status has no ${name} line (is this Linux, and is the process alive?)`);
  return Number(match[1]) / 1024;
}

export function parseProcStatus(status: string): ProcessMemory {
  return { rssMiB: field(status, 'VmRSS'), hwmMiB: field(status, 'VmHWM') };
}

export async function readProcessMemory(pid: number): Promise<ProcessMemory> {
  return parseProcStatus(await readFile(`/proc/${pid}/status`, 'utf8'));
}
