/**
 * The two closing lines every run prints: the fault suite's per-group summary and the plain count.
 * Fed with objects shaped like vitest's test modules (id, state, tests with a result state).
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { TestModule } from 'vitest/node';
import { closingLine } from '../closing-line-reporter.ts';
import { countFaultCases, summaryLine } from '../faults/summary-reporter.ts';

function fakeModule(file: string, states: string[], moduleState = 'passed'): TestModule {
  const tests = states.map((state) => ({ result: () => ({ state }) }));
  return {
    moduleId: path.join(process.cwd(), file),
    state: () => moduleState,
    children: { allTests: () => tests[Symbol.iterator]() },
  } as unknown as TestModule;
}

describe('run summaries', () => {
  test('the fault summary counts cases per group, in the suite\'s order, and ignores other files', () => {
    const modules = [
      fakeModule('test/faults/secrets.test.ts', ['passed', 'passed']),
      fakeModule('test/faults/hostile-feeds.test.ts', ['passed', 'failed', 'skipped']),
      fakeModule('test/feeds/parser.test.ts', ['passed']),
    ];
    expect(summaryLine(countFaultCases(modules))).toBe('Fault suite: 4 cases, 1 failed — hostile feeds 1/2, secrets 2/2');
  });

  test('a fault file that failed to load counts as a failure, not as a pass', () => {
    expect(summaryLine(countFaultCases([fakeModule('test/faults/crashes.test.ts', [], 'failed')]))).toBe('Fault suite: 1 cases, 1 failed — crashes 0/1');
  });

  test('the closing line counts every test of the run', () => {
    const modules = [fakeModule('test/a.test.ts', ['passed', 'passed', 'skipped']), fakeModule('test/b.test.ts', ['failed']), fakeModule('test/c.test.ts', [], 'failed')];
    expect(closingLine(modules)).toBe('tests: 2 passed, 2 failed, 1 skipped');
  });

  test('tests that never ran because their suite could not start count as failed, and the line says why', () => {
    const suite = { errors: () => [{ message: 'Redis is not reachable at redis://127.0.0.1:6379 (start it with scripts/test-services.sh): connection refused\nmore detail' }] };
    const orphan = (state: string) => ({ parent: suite, result: () => ({ state }) });
    const broken = {
      moduleId: path.join(process.cwd(), 'test/store/contract.test.ts'),
      state: () => 'failed',
      children: { allTests: () => [orphan('skipped'), orphan('skipped'), { parent: {}, result: () => ({ state: 'passed' }) }][Symbol.iterator]() },
    } as unknown as TestModule;
    expect(closingLine([broken, fakeModule('test/a.test.ts', ['passed', 'skipped'])])).toBe(
      'tests: 2 passed, 2 failed, 1 skipped — could not run or finish: Redis is not reachable at redis://127.0.0.1:6379 (start it with scripts/test-services.sh): connection refused',
    );
  });

  test('a hook that fails after every test of its suite passed still fails the run', () => {
    const suite = { errors: () => [{ message: 'afterAll: the emulator did not close' }] };
    const module = {
      moduleId: path.join(process.cwd(), 'test/x.test.ts'),
      state: () => 'failed',
      children: { allTests: () => [{ parent: suite, result: () => ({ state: 'passed' }) }][Symbol.iterator]() },
    } as unknown as TestModule;
    expect(closingLine([module])).toBe('tests: 1 passed, 1 failed, 0 skipped — could not run or finish: afterAll: the emulator did not close');
  });
});
