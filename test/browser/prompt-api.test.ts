// Chrome's built-in model (the Prompt API) on the e2e site, through a test double of the
// `LanguageModel` global injected before the app's code: the real model cannot run here. The
// double answers with the scripted engine's texts (test/prompt-api-answers.ts).
import type { BrowserContext, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { installLanguageModelDouble, type LanguageModelDoubleConfig, type LanguageModelLogEntry } from '../language-model-double';
import { count, openWatchedPage, useSite, waitForRunStatus } from './site';

const site = useSite('dist-e2e');
const BUILT_IN = 'chrome-built-in';

async function openWith(config: LanguageModelDoubleConfig): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await site.browser.newContext();
  await context.addInitScript(installLanguageModelDouble, config);
  await context.addInitScript(() => {
    type Answer = (messages: unknown, constraint: unknown) => Promise<string>;
    Object.assign(globalThis, {
      __languageModelAnswer: (messages: unknown, constraint: unknown) => (globalThis as unknown as { __studio: { scriptedPromptAnswer: Answer } }).__studio.scriptedPromptAnswer(messages, constraint),
    });
  });
  const { page, errors } = await openWatchedPage(site.browser, site.url, context);
  await page.getByTestId('model-select').waitFor();
  return { page, context, errors };
}

const optionIds = (page: Page) => page.getByTestId('model-select').locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
const promptLog = (page: Page) => page.evaluate(() => (globalThis as unknown as { __languageModelLog: LanguageModelLogEntry[] }).__languageModelLog);

test('available: offered first and preselected, loads at once, and a run of a few tasks in JSON mode reaches its target', async () => {
  const { page, context, errors } = await openWith({ availability: 'available' });
  expect((await optionIds(page))[0]).toBe(BUILT_IN);
  expect(await page.getByTestId('model-select').inputValue()).toBe(BUILT_IN);
  expect(await page.getByTestId('model-select').locator('optgroup').first().getAttribute('label')).toBe('Built into this browser: no download');
  // This Chromium has no usable GPU: its warning says the built-in model runs all the same.
  expect(await page.getByTestId('built-in-ready').count()).toBe(1);
  expect(await page.getByTestId('load-model').textContent()).toContain('Load model');
  await page.getByTestId('load-model').click();
  await expect.poll(() => page.getByTestId('model-loaded').textContent()).toBe(`Ready: ${BUILT_IN}`);

  // The settings say what does not apply, and completion prompts are refused with the reason.
  await page.locator('summary', { hasText: 'Method settings' }).click();
  await page.getByTestId('sampling-engine').waitFor();
  await page.getByTestId('prompt-style').selectOption('completion');
  await expect.poll(() => page.getByTestId('start-blocked-engine').textContent()).toContain('no raw completion');
  expect(await page.getByTestId('start').isDisabled()).toBe(true);
  await page.getByTestId('prompt-style').selectOption('chat');
  await page.getByTestId('output-mode').selectOption('json');
  await expect.poll(() => page.getByTestId('start-blocked-engine').count()).toBe(0);

  await page.getByTestId('target-size').fill('4');
  await page.getByTestId('rng-seed').fill('7');
  await page.getByTestId('start').click();
  await waitForRunStatus(page, 'finished');
  expect(await count(page, 'accepted')).toBeGreaterThanOrEqual(4);
  expect(await count(page, 'instances')).toBeGreaterThan(0);
  const prompts = (await promptLog(page)).filter((entry) => entry.kind === 'prompt');
  // JSON mode: every prompt carried the request's schema as its responseConstraint.
  expect(prompts.length).toBeGreaterThan(4);
  expect(prompts.every((entry) => typeof entry.responseConstraint === 'object' && entry.responseConstraint !== null)).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});

test('downloadable: offered last with a download button; the click starts Chrome’s download, whose progress shows until the model is ready', async () => {
  const { page, context, errors } = await openWith({ availability: 'downloadable', progress: [0, 0.25, 0.5, 0.75, 1], stepMs: 400, needsActivation: true });
  expect((await optionIds(page)).at(-1)).toBe(BUILT_IN);
  expect(await page.getByTestId('model-select').inputValue()).not.toBe(BUILT_IN);
  await page.getByTestId('model-select').selectOption(BUILT_IN);
  expect(await page.getByTestId('load-model').textContent()).toContain('Download and load');
  expect(await page.getByTestId('built-in-facts').textContent()).toContain('Chrome downloads the model once');
  expect(await page.getByTestId('built-in-ready').count()).toBe(0);
  await page.getByTestId('load-model').click();
  await expect.poll(() => page.getByRole('progressbar', { name: 'Loading the model' }).getAttribute('aria-valuetext', { timeout: 1000 }).catch(() => null)).toMatch(/^(25|50|75)%, Chrome is downloading its built-in model/);
  await expect.poll(() => page.getByTestId('model-loaded').textContent()).toBe(`Ready: ${BUILT_IN}`);
  expect(errors).toEqual([]);
  await context.close();
});

test('unavailable: not offered at all', async () => {
  const { page, context } = await openWith({ availability: 'unavailable' });
  expect(await optionIds(page)).not.toContain(BUILT_IN);
  await context.close();
});
