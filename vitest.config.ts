import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/env.ts'],
    // Two cores on our machines; DynamoDB Local is shared by all files.
    maxWorkers: 2,
    testTimeout: 20_000,
    // Set-up seeds DynamoDB Local, which a loaded machine makes slow; a hang still fails.
    hookTimeout: 180_000,
  },
});
