import { build } from 'vite';

/** Builds the production site (dist/) and the e2e site with the test engine (dist-e2e/) once per test run. */
export default async function buildSites(): Promise<void> {
  for (const mode of ['production', 'e2e']) {
    await build({ mode, logLevel: 'warn' });
  }
}
