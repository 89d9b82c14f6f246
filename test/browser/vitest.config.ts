import { defineConfig } from 'vitest/config';

// Browser tests: build the real site (production and e2e), serve it on 127.0.0.1 and drive it in
// Debian's Chromium. Files run one at a time: two Chromiums on a 2-core machine only slow both.
// The timeouts leave room for a shared machine under load: a test waits for what the page shows,
// never for a fixed time, so a fast machine still finishes fast.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/build-sites.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // expect.poll gives up after 1 s by default: too short for a page that imports 175 seed tasks
    // while other processes hold the CPU (seeds-and-downloads once failed on "expected '0' to be '175'").
    expect: { poll: { timeout: 60_000, interval: 100 } },
  },
});
