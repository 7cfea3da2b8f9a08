/**
 * Ends every run with one plain line — "tests: 1151 passed, 0 failed, 0 skipped" — that tools
 * reading the tail of the output (CI summaries, log scrapers) can parse without knowing vitest.
 */
import type { Reporter, TestModule } from 'vitest/node';

export function closingLine(modules: readonly TestModule[]): string {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const module of modules) {
    const tests = [...module.children.allTests()];
    // A file that failed to load has no tests but must not read as a pass.
    if (tests.length === 0 && module.state() === 'failed') failed += 1;
    for (const test of tests) {
      const state = test.result().state;
      if (state === 'passed') passed += 1;
      else if (state === 'failed') failed += 1;
      else skipped += 1;
    }
  }
  return `tests: ${passed} passed, ${failed} failed, ${skipped} skipped`;
}

export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    process.stdout.write(`\n${closingLine(testModules)}\n`);
  }
}
