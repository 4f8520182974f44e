import { defineConfig } from 'vitest/config';

// One emulator for the whole run (tests/global-setup.ts); each suite uses its own table prefix.
// Tests that talk to the emulator, the bot or the worker over real protocols get room to finish
// on a loaded two-core machine: their waits give up after 45 s (tests/support/wait.ts) and the
// test after 90 s. Limits, not timed assertions (performance is in the benches).
const shared = {
  globalSetup: ['tests/global-setup.ts'],
  env: { TZ: 'UTC' },
  testTimeout: 90_000,
  hookTimeout: 120_000,
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
