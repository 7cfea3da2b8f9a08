import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // No test may reach Discord or read a developer's .env (see the file).
    setupFiles: ['./test/helpers/no-discord.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Several suites start real servers (HTTP, the Discord emulator, Redis, PostgreSQL); two cores.
    maxWorkers: 2,
    // The default output, one summary line of the fault suite (cases per group, failures), and a
    // plain closing count for anything that reads the tail of the log.
    reporters: ['default', './test/faults/summary-reporter.ts', './test/closing-line-reporter.ts'],
  },
});
