import { describe, expect, it } from 'vitest';
import { parseProcStatus, readProcessMemory } from '../../bench/proc-memory.ts';

const STATUS = ['Name:\tnode', 'VmPeak:\t 1200000 kB', 'VmHWM:\t  204800 kB', 'VmRSS:\t  102400 kB', 'Threads:\t11'].join('\n');

describe('process memory from /proc', () => {
  it('reads VmRSS and VmHWM in MiB', () => {
    expect(parseProcStatus(STATUS)).toEqual({ rssMiB: 100, hwmMiB: 200 });
  });

  it('says which line is missing rather than reporting zero', () => {
    expect(() => parseProcStatus('Name:\tnode\nVmHWM:\t1 kB')).toThrow(/VmRSS/);
  });

  it.runIf(process.platform === 'linux')('agrees with what Node reports for its own process', async () => {
    const own = await readProcessMemory(process.pid);
    const rssMiB = process.memoryUsage().rss / 1024 ** 2;
    expect(own.rssMiB).toBeGreaterThan(rssMiB * 0.8);
    expect(own.rssMiB).toBeLessThan(rssMiB * 1.2);
    expect(own.hwmMiB).toBeGreaterThanOrEqual(own.rssMiB);
  });
});
