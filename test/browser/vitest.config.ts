import { defineConfig } from 'vitest/config';

// Browser tests: build the real site (production and e2e), serve it on 127.0.0.1 and drive it in
// Debian's Chromium. Files run one at a time: two Chromiums on a 2-core machine only slow both.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/build-sites.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
