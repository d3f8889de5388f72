import { defineConfig } from 'vitest/config';

// Suites that spawn the CLI or many worker threads, run the TypeScript compiler over generated
// code, or walk the whole real-spec corpus and the big specs. `npm test` runs everything;
// `npm run test:fast` (the inner loop while editing) runs the rest.
const SLOW = [
  'test/cli/**/*.test.ts',
  'test/output/cli.test.ts',
  'test/vtl/cli.test.ts',
  'test/**/*compile*.test.ts',
  'test/**/*corpus*.test.ts',
  'test/**/big-specs.test.ts',
  'test/emit/gateway/aws-readers.test.ts',
  'test/emit/handlers/{regeneration,runtime,injection,parameters,non-proxy-routing}.test.ts',
  'test/emit/sdk/{header-injection,readme,client-types,injection,runtime,results,credential-headers,form-encoding,member-names}.test.ts',
  'test/lint/rules/no-false-alarms.test.ts',
  'test/hardening/{resource-exhaustion,fuzz}.test.ts',
  // Starts ~40 Lambda worker threads (each a real cold start).
  'test/serve/lambda/runtime.test.ts',
  'test/serve/{cli,petstore-e2e,watch}.test.ts',
];

export default defineConfig({
  test: {
    globalSetup: ['test/support/shared-notice.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores here: run files in parallel but keep compiler-heavy suites from starving each other.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: SLOW } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
