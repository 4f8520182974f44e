import { defineConfig } from 'vitest/config';

// One emulator for the whole run (tests/global-setup.ts); each suite uses its own table prefix.
const shared = {
  globalSetup: ['tests/global-setup.ts'],
  env: { TZ: 'UTC' },
};

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        test: { ...shared, name: 'integration', include: ['tests/integration/**/*.test.ts'] },
      },
      { test: { ...shared, name: 'api', include: ['tests/api/**/*.test.ts'] } },
      { test: { ...shared, name: 'bot', include: ['tests/bot/**/*.test.ts'] } },
      {
        test: {
          ...shared,
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: these machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
