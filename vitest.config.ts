import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Guards on evaluation data beside the repository: `npm run test:quality` (vitest.quality.config.ts).
    exclude: ['tests/quality/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Unpacks the bundled Chromium once per package version, for the browser tests.
    globalSetup: ['tests/setup/chromium.ts'],
    setupFiles: ['tests/setup/yield.ts'],
  },
});
