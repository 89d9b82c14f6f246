import { build } from 'vite';

/** Builds the production site (dist/) and the e2e site with the test engine (dist-e2e/) once per test run. */
export default async function buildSites(): Promise<void> {
  // vitest sets NODE_ENV=test, under which Vite and Svelte build in development mode; the tests
  // must drive the same build users get.
  process.env.NODE_ENV = 'production';
  for (const mode of ['production', 'e2e']) {
    await build({ mode, logLevel: 'warn' });
  }
}
