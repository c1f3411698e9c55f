import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` runs in process on fixtures and needs nothing built
 * (`npm run test:unit`, the inner loop); `e2e` spawns the built command, real
 * shells, tmux, Chromium, a TLS proxy and the bench's smoke run. `npm test`
 * builds, then runs both.
 */
export default defineConfig({
  test: {
    setupFiles: ['test/helpers/no-network.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'] } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'] } },
    ],
  },
});
