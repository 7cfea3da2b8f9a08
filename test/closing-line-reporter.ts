/**
 * Ends every run with one plain line — "tests: 1151 passed, 0 failed, 0 skipped" — that tools
 * reading the tail of the output (CI summaries, log scrapers) can parse without knowing vitest.
 *
 * A test that never ran because its suite could not start (a beforeAll that threw, e.g. Redis
 * is down) counts as failed, not skipped, and the line names why; so does a suite whose tests
 * passed but whose own hooks failed. "0 failed" only ever means everything ran and passed.
 */
import type { Reporter, TestModule } from 'vitest/node';

interface WithErrors {
  errors?: () => readonly { message?: string }[];
  parent?: WithErrors;
}

/** The first error of the nearest suite (or file) above a test that broke before or after it. */
function brokenAncestor(test: WithErrors): { node: WithErrors; message: string } | undefined {
  for (let node = test.parent; node; node = node.parent) {
    const first = node.errors?.()[0];
    if (first) return { node, message: (first.message ?? 'a suite hook failed').split('\n')[0] ?? '' };
  }
  return undefined;
}

export function closingLine(modules: readonly TestModule[]): string {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const broken = new Map<WithErrors, string>();
  const counted = new Set<WithErrors>();
  for (const module of modules) {
    const tests = [...module.children.allTests()];
    // A file that failed to load has no tests but must not read as a pass.
    if (tests.length === 0 && module.state() === 'failed') failed += 1;
    for (const test of tests) {
      const state = test.result().state;
      const cause = brokenAncestor(test as unknown as WithErrors);
      if (cause) broken.set(cause.node, cause.message);
      if (state === 'passed') passed += 1;
      else if (state === 'failed') failed += 1;
      else if (cause) {
        failed += 1;
        counted.add(cause.node);
      } else skipped += 1;
    }
  }
  // Hooks that failed after every test of their suite passed (an afterAll) still fail the run.
  for (const node of broken.keys()) if (!counted.has(node)) failed += 1;
  const reasons = [...new Set(broken.values())];
  return `tests: ${passed} passed, ${failed} failed, ${skipped} skipped${reasons.length > 0 ? ` — could not run or finish: ${reasons.join('; ')}` : ''}`;
}

export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    process.stdout.write(`\n${closingLine(testModules)}\n`);
  }
}
