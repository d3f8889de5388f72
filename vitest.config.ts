import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/shared-notice.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores here: run files in parallel but keep compiler-heavy suites from starving each other.
    maxWorkers: 2,
  },
});
