import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The serious and critical violations axe finds on the page as it is now, one line each.
 * axe is evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
 * govern (a `<script>` tag with its text, as addScriptTag adds, is refused by `script-src 'self'`),
 * so the page keeps its real policy instead of running under `bypassCSP`.
 */
export async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(await AXE_SOURCE);
  const results = (await page.evaluate(() => (globalThis as unknown as { axe: typeof import('axe-core') }).axe.run(document))) as AxeResults;
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${screen}: ${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${violation.help}`),
    );
}
