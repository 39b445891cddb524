import { defineConfig } from 'vitest/config';

/**
 * The quality suite (`npm run test:quality`): guards on evaluation data that is not in this repository (CoNLL-2003,
 * DWIE, CoNLL04), read from NEWSGRAPH_DATA or ../shared/data (tests/quality/data.ts). `npm test` never runs these.
 */
export default defineConfig({
  test: {
    include: ['tests/quality/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
