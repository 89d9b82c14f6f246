// Seed import benchmark (issue 14, item 5), in headless Chromium on the built app: a text file of
// 100,000 short instructions imported through the Seed tasks card, as a user would. It prints how
// long the import took and how long the page's main thread was held at a time ('longtask' entries
// over 50 ms, and the longest gap between 10 ms timer ticks). Figures only, no targets: a busy
// machine skews them, so the load average is printed beside them.
//   npm run bench:import [-- --lines 100000]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { launchChromium } from '../test/browser/site';
import { n } from './figures';

/** The import of 100k lines takes seconds; past this something is stuck. */
const DEADLINE_MS = 5 * 60_000;

const { values: args } = parseArgs({ options: { lines: { type: 'string', default: '100000' } } });
const lineCount = Number(args.lines);
if (!(Number.isInteger(lineCount) && lineCount > 0)) throw new Error('--lines must be a positive whole number.');

interface PageFigures {
  importMs: number;
  longTasks: number[];
  longestGapMs: number;
}


function load(): string {
  return `machine load average over the last minute: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`;
}

/** Distinct short instructions, so every line becomes a seed task. */
function shortLines(count: number): Buffer {
  const verbs = ['Name', 'List', 'Describe', 'Explain', 'Summarize', 'Translate', 'Classify', 'Rewrite'];
  const lines = Array.from({ length: count }, (_, i) => `${verbs[i % verbs.length]} item number ${i + 1} in one short sentence.`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

// Runs in the page before the app: records long tasks and the longest pause between timer ticks.
const WATCH_MAIN_THREAD = `
  globalThis.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) globalThis.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  globalThis.__ticks = { last: 0, longestGap: 0, watching: false };
  setInterval(() => {
    const now = performance.now();
    const ticks = globalThis.__ticks;
    if (ticks.watching) ticks.longestGap = Math.max(ticks.longestGap, now - ticks.last);
    ticks.last = now;
  }, 10);
`;

async function measure(browser: Browser, url: string, filePath: string): Promise<PageFigures> {
  const context = await browser.newContext();
  await context.addInitScript(WATCH_MAIN_THREAD);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('[data-testid="seed-count"]')?.textContent === '175');
  const start = await page.evaluate(() => {
    const ticks = (globalThis as unknown as { __ticks: { last: number; watching: boolean } }).__ticks;
    ticks.last = performance.now();
    ticks.watching = true;
    return performance.now();
  });
  // A path, not a buffer: Playwright hands a buffer to the page as base64 to decode, a long task of its own.
  await page.getByTestId('seeds-file').setInputFiles(filePath);
  // Polled from the page's own timers, which a frozen page cannot run: the end is seen when the page is back.
  await page.waitForFunction((count) => document.querySelector('[data-testid="seed-count"]')?.textContent === count, String(lineCount), {
    polling: 50,
    timeout: DEADLINE_MS,
  });
  const end = await page.evaluate(() => performance.now());
  await page.waitForTimeout(300);
  const figures = await page.evaluate(
    ([from, to]) => {
      const scope = globalThis as unknown as { __longTasks: { start: number; duration: number }[]; __ticks: { longestGap: number } };
      return {
        longTasks: scope.__longTasks.filter((task) => task.start >= from! && task.start < to!).map((task) => task.duration),
        longestGapMs: scope.__ticks.longestGap,
      };
    },
    [start, end],
  );
  await context.close();
  if (errors.length > 0) throw new Error(`The page reported errors:\n${errors.join('\n')}`);
  return { importMs: end - start, ...figures };
}

async function main(): Promise<void> {
  const tempDir = mkdtempSync(join(tmpdir(), 'import-bench-'));
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    const outDir = join(tempDir, 'site');
    // The production site, built apart from dist/ so the bench leaves the test builds alone.
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, reportCompressedSize: false } });
    server = await preview({ logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('The preview server did not report its URL.');
    browser = await launchChromium({ webgpu: false });
    const file = shortLines(lineCount);
    const filePath = join(tempDir, 'lines.txt');
    writeFileSync(filePath, file);
    console.log(`Import bench: ${n(lineCount)} short lines (${(file.length / 1e6).toFixed(1)} MB of text), Chromium ${browser.version()}, ${load()}`);
    const figures = await measure(browser, url, filePath);
    const longTasks = [...figures.longTasks].sort((a, b) => b - a);
    console.log(`  import, from choosing the file until the page shows ${n(lineCount)} seed tasks: ${n(figures.importMs)} ms`);
    console.log(`  longest main-thread task: ${longTasks.length > 0 ? `${n(longTasks[0]!)} ms` : 'none over 50 ms'}`);
    console.log(`  tasks over 50 ms: ${longTasks.length} (${n(longTasks.reduce((sum, ms) => sum + ms, 0))} ms in all); the longest five: ${longTasks.slice(0, 5).map(n).join(', ') || '-'} ms`);
    console.log(`  longest gap between 10 ms timer ticks: ${n(figures.longestGapMs)} ms`);
    console.log(`  ${load()}`);
  } catch (error) {
    console.error(`\nBENCH FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    rmSync(tempDir, { recursive: true, force: true });
  }
}

await main();
