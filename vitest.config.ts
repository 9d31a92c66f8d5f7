import { configDefaults, defineConfig } from 'vitest/config';

const browserTests = 'tests/web/**/*.test.ts';

export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/env.ts'],
    testTimeout: 20_000,
    // Set-up seeds DynamoDB Local, which a loaded machine makes slow; a hang still fails.
    hookTimeout: 180_000,
    projects: [
      // Two cores on our machines; DynamoDB Local is shared by all files.
      { extends: true, test: { name: 'api', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, browserTests], maxWorkers: 2, sequence: { groupOrder: 0 } } },
      // A browser file keeps both cores busy (Chromium, the server, DynamoDB Local): two at once
      // starved each other past their timeouts. One at a time, after the rest.
      { extends: true, test: { name: 'web', include: [browserTests], maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
