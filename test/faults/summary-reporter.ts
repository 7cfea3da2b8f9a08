/**
 * Prints one line after a run that included the fault suite, e.g.
 *   Fault suite: 148 cases, 0 failed — hostile feeds 44/44, admin URLs 38/38, …
 * Runs next to the default reporter; silent when no file under test/faults ran.
 */
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const GROUPS: Record<string, string> = {
  'hostile-feeds': 'hostile feeds',
  'admin-urls': 'admin URLs',
  'content-injection': 'content injection',
  'discord-faults': 'Discord faults',
  'storage-faults': 'storage faults',
  crashes: 'crashes',
  'store-stall': 'a stalling store',
  'second-process': 'a second process',
  permissions: 'permissions',
  secrets: 'secrets',
};

export interface GroupCount {
  group: string;
  passed: number;
  failed: number;
  total: number;
}

/** Groups the fault files' test results; other files are ignored. */
export function countFaultCases(modules: readonly TestModule[]): GroupCount[] {
  const counts: GroupCount[] = [];
  for (const module of modules) {
    const relative = path.relative(process.cwd(), module.moduleId).split(path.sep).join('/');
    const match = relative.match(/^test\/faults\/([^/]+)\.test\.ts$/);
    if (!match?.[1]) continue;
    const count: GroupCount = { group: GROUPS[match[1]] ?? match[1], passed: 0, failed: 0, total: 0 };
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'skipped' || state === 'pending') continue;
      count.total += 1;
      if (state === 'passed') count.passed += 1;
      else count.failed += 1;
    }
    // A file that failed to load has no tests but must not read as a pass.
    if (count.total === 0 && module.state() === 'failed') count.failed = count.total = 1;
    counts.push(count);
  }
  const order = Object.values(GROUPS);
  return counts.sort((a, b) => (order.indexOf(a.group) + 1 || 99) - (order.indexOf(b.group) + 1 || 99));
}

export function summaryLine(counts: readonly GroupCount[]): string {
  const total = counts.reduce((n, c) => n + c.total, 0);
  const failed = counts.reduce((n, c) => n + c.failed, 0);
  return `Fault suite: ${total} cases, ${failed} failed — ${counts.map((c) => `${c.group} ${c.passed}/${c.total}`).join(', ')}`;
}

export default class FaultSummaryReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const counts = countFaultCases(testModules);
    if (counts.length === 0) return;
    process.stdout.write(`\n${summaryLine(counts)}\n`);
  }
}
