// The judge on the e2e site: a judge run with the scripted model, paused and resumed across a
// reload; an unreadable streak that stops with advice; judging as a generation run finishes each
// task; a second tab following a judge run live; and one judge step end to end on the real CPU
// engine with a test-built GGUF.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { MAX_UNREADABLE_IN_A_ROW } from '../../src/lib/run';
import { alphabetModel } from '../gguf/tiny-llama';
import { GARBAGE_MARKER } from '../fixtures/method/scripted-judge';
import { seriousViolations } from './axe';
import { foreignRequests, loadScriptedModel, openWatchedPage, readStores, RUN_TIMEOUT_MS, useSite, waitForRunStatus } from './site';

const site = useSite('dist-e2e');

interface StoredJudgmentRow {
  taskId: string;
  callId: string;
  modelId: string;
  judgment: { status: 'judged' | 'unreadable' };
}
interface CallRow {
  id: string;
  purpose: string;
  modelId: string;
  result: { text: string };
}

/** Runs the scripted model to `target` accepted instructions; returns the finished tasks' count. */
async function generate(page: Page, target: number): Promise<number> {
  await page.getByTestId('target-size').fill(String(target));
  await page.getByTestId('rng-seed').fill('42');
  await page.getByTestId('start').click();
  await waitForRunStatus(page, 'finished');
  const { tasks } = await readStores(page, ['tasks']);
  return (tasks as { stage: string }[]).filter((task) => task.stage === 'done').length;
}

async function judgeCount(page: Page, name: 'judged' | 'unreadable' | 'stale' | 'none'): Promise<number> {
  return Number(await page.getByTestId(`judge-count-${name}`).textContent());
}

async function waitForJudgeStatus(page: Page, status: string): Promise<void> {
  await expect.poll(() => page.getByTestId('judge-status').textContent(), { timeout: RUN_TIMEOUT_MS }).toBe(status);
}

function judgeProgress(page: Page) {
  return page.getByTestId('judge-panel').getByRole('progressbar');
}

async function judgmentsAndCalls(page: Page) {
  const { judgments, calls } = await readStores(page, ['judgments', 'calls']);
  return { judgments: judgments as StoredJudgmentRow[], calls: (calls as CallRow[]).filter((call) => call.purpose === 'judge') };
}

test('a judge run judges every finished task, pauses, and resumes after a reload where it stopped', async () => {
  const { page, errors, requests } = await openWatchedPage(site.browser, site.url);
  await loadScriptedModel(page);
  const finished = await generate(page, 10);
  expect(finished).toBeGreaterThanOrEqual(5);
  const start = page.getByTestId('judge-start');
  await expect.poll(() => start.textContent()).toContain(`Judge ${finished} finished task`);
  expect(await judgeCount(page, 'none')).toBe(finished);

  await start.click();
  // Pause after two judgments: the progress bar counts them as they are stored.
  await expect.poll(() => judgeProgress(page).getAttribute('aria-label'), { interval: 20 }).toMatch(/^[2-9]\d* of \d+ tasks judged$/);
  await page.getByTestId('judge-pause').click();
  await waitForJudgeStatus(page, 'paused');
  const paused = await judgmentsAndCalls(page);
  const done = Number(/^(\d+) of/.exec((await judgeProgress(page).getAttribute('aria-label'))!)![1]);
  expect(paused.judgments).toHaveLength(done);
  expect(paused.calls).toHaveLength(done);
  expect(done).toBeLessThan(finished);
  expect(await judgeCount(page, 'judged') + (await judgeCount(page, 'unreadable'))).toBe(done);
  await page.getByTestId('judge-settings').locator('summary').click();
  expect(await seriousViolations(page, 'judge paused, its settings open')).toEqual([]);

  // The position is what is stored: after a reload the run judges only the tasks left.
  await page.reload();
  await loadScriptedModel(page);
  await expect.poll(() => start.textContent()).toContain(`Judge ${finished - done} finished task`);
  await start.click();
  await waitForJudgeStatus(page, 'finished');
  expect(await judgeProgress(page).count()).toBe(0);
  const all = await judgmentsAndCalls(page);
  expect(all.judgments).toHaveLength(finished);
  expect(new Set(all.judgments.map((row) => row.callId))).toEqual(new Set(all.calls.map((call) => call.id)));
  expect(all.judgments.every((row) => row.modelId === 'scripted-test-model' && row.judgment.status === 'judged')).toBe(true);
  expect(await judgeCount(page, 'judged')).toBe(finished);
  expect(await judgeCount(page, 'none')).toBe(0);
  expect(await start.isDisabled()).toBe(true);
  expect(await page.getByTestId('judge-blocked').textContent()).toBe('Every finished task has a current judgment.');
  expect(errors).toEqual([]);
  expect(foreignRequests(requests)).toEqual([]);
});

test('five unreadable answers in a row stop the judge with advice; the prompt resets to its defaults, undoably', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await loadScriptedModel(page);
  const finished = await generate(page, 10);
  expect(finished).toBeGreaterThan(5);
  await page.getByTestId('judge-settings').locator('summary').click();
  const system = page.getByTestId('judge-system');
  const original = await system.inputValue();
  await system.fill(`${original}\n${GARBAGE_MARKER}`);
  await page.getByTestId('judge-start').click();
  await waitForJudgeStatus(page, 'failed');
  expect(await page.getByTestId('judge-error').textContent()).toMatch(/last 5 answers could not be read, so judging stopped\. .*JSON output mode/);
  expect(await judgeCount(page, 'unreadable')).toBe(5);
  expect(await page.getByTestId('judge-error').getAttribute('role')).toBe('alert');
  expect(await seriousViolations(page, 'judge stopped by unreadable answers')).toEqual([]);
  expect(await judgeCount(page, 'none')).toBe(finished - 5);
  const { judgments, calls } = await judgmentsAndCalls(page);
  expect(judgments.map((row) => row.judgment.status)).toEqual(Array(5).fill('unreadable'));
  expect(calls).toHaveLength(5);

  // The edited prompt was saved on the project; Reset brings the defaults back, and Undo the edit.
  await page.reload();
  await page.getByTestId('judge-settings').locator('summary').click();
  await expect.poll(() => system.inputValue()).toContain(GARBAGE_MARKER);
  await page.getByTestId('judge-reset').click();
  await expect.poll(() => system.inputValue()).toBe(original);
  await page.getByTestId('judge-undo-reset').click();
  await expect.poll(() => system.inputValue()).toContain(GARBAGE_MARKER);
  expect(errors).toEqual([]);
});

test('with "judge each task as a run finishes it" on, a run leaves every finished task judged', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await loadScriptedModel(page);
  await page.getByTestId('judge-while-generating').check();
  const finished = await generate(page, 8);
  await expect.poll(() => judgeCount(page, 'judged')).toBe(finished);
  expect(await judgeCount(page, 'none')).toBe(0);
  const { judgments, calls } = await judgmentsAndCalls(page);
  expect(judgments).toHaveLength(finished);
  expect(calls).toHaveLength(finished);
  // The setting is the project's: still on after a reload.
  await page.reload();
  await expect.poll(() => page.getByTestId('judge-while-generating').isChecked()).toBe(true);
  expect(errors).toEqual([]);
});

test('another tab of the project sees the judge run live: it says a tab is judging, and its counts follow', async () => {
  const first = await openWatchedPage(site.browser, site.url);
  await loadScriptedModel(first.page);
  const finished = await generate(first.page, 8);
  const second = await openWatchedPage(site.browser, site.url, first.context);
  await expect.poll(() => judgeCount(second.page, 'none')).toBe(finished);

  // Watched from inside the page: a fast judge run may come and go between two polls.
  await second.page.evaluate(() => {
    const seen = globalThis as unknown as { sawJudgingElsewhere: boolean };
    seen.sawJudgingElsewhere = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="judge-other-tab"]')) seen.sawJudgingElsewhere = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await first.page.getByTestId('judge-start').click();
  await waitForJudgeStatus(first.page, 'finished');
  await expect.poll(() => second.page.evaluate(() => (globalThis as unknown as { sawJudgingElsewhere: boolean }).sawJudgingElsewhere), { timeout: RUN_TIMEOUT_MS }).toBe(true);
  // Without a reload: the judged count and the notice follow the other tab's run.
  await expect.poll(() => judgeCount(second.page, 'judged'), { timeout: RUN_TIMEOUT_MS }).toBe(await judgeCount(first.page, 'judged'));
  expect(await judgeCount(second.page, 'none')).toBe(0);
  await expect.poll(() => second.page.getByTestId('judge-other-tab').count()).toBe(0);
  expect([...first.errors, ...second.errors]).toEqual([]);
});

test('the real CPU engine with a test-built GGUF runs a judge step; its garbage is stored as unreadable, with its call', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await loadScriptedModel(page);
  const finished = await generate(page, 3);
  expect(finished).toBeGreaterThan(0);
  await page.getByTestId('gguf-file').setInputFiles({ name: 'tiny-alphabet.gguf', mimeType: 'application/octet-stream', buffer: Buffer.from(alphabetModel()) });
  await expect.poll(() => page.getByTestId('model-loaded').textContent()).toMatch(/Ready: gguf-file:tiny-alphabet\.gguf/);
  // Free text and short answers keep the CPU step quick (a JSON grammar would force a readable shape).
  await page.getByTestId('judge-settings').locator('summary').click();
  await page.getByTestId('judge-output-mode').selectOption('text');
  await page.getByTestId('judge-max-tokens').fill('16');
  await page.getByTestId('judge-start').click();
  // Every answer is garbage, so a run of five or more finished tasks stops at the fifth, by design.
  const judged = Math.min(finished, MAX_UNREADABLE_IN_A_ROW);
  await waitForJudgeStatus(page, finished < MAX_UNREADABLE_IN_A_ROW ? 'finished' : 'failed');
  const { judgments, calls } = await judgmentsAndCalls(page);
  expect(judgments).toHaveLength(judged);
  expect(judgments.every((row) => row.judgment.status === 'unreadable' && row.modelId === 'gguf-file:tiny-alphabet.gguf')).toBe(true);
  expect(calls.map((call) => call.id).sort()).toEqual(judgments.map((row) => row.callId).sort());
  expect(calls.every((call) => /^[a-z]+$/.test(call.result.text.trim()) && call.modelId === 'gguf-file:tiny-alphabet.gguf')).toBe(true);
  expect(await judgeCount(page, 'unreadable')).toBe(judged);
  expect(errors).toEqual([]);
});
