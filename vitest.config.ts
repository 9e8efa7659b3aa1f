import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/bench/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A browser test polls for what the page will show; with two test files and their Chromiums on two
    // cores, a frame can come over a second late. How soon is the benchmarks' business, not the tests'.
    expect: { poll: { timeout: 5_000 } },
    // Two cores: files run two at a time, each in its own process.
    pool: 'forks',
    maxWorkers: 2,
  },
});
