// The judge's verdicts in the pool, on the e2e build: a pool filled by the scripted model, then
// judgments written into IndexedDB as the judge would store them (the page reads them on load):
// the score column, the quality filters, "Keep by quality" with its counts before it is applied
// and its undo, the task panel's judgment, and exports that carry the scores ("judged ≥ t only" too).
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { judgedContentHash } from '../../src/lib/judge';
import type { QualityScore, StoredJudgment } from '../../src/lib/vocabulary';
import { seriousViolations } from './axe';
import { fillPool, matching, showNew, storedTasks } from './pool-fixture';
import { openWatchedPage, readStores, useSite } from './site';

const site = useSite('dist-e2e');

interface Stored {
  id: string;
  projectId: string;
  taskId: string;
  instruction: string;
  stage: string;
  input: string;
  output: string;
}

/**
 * Judges every finished task in the store, in id order: scores 5, 4, 3, 2, 1, 5, 4, … and the
 * last output of every third task not acceptable. Written straight into IndexedDB.
 */
async function judgeAll(page: Page): Promise<Map<string, StoredJudgment>> {
  const { tasks, instances } = (await readStores(page, ['tasks', 'instances'])) as { tasks: Stored[]; instances: Stored[] };
  const finished = tasks.filter((task) => task.stage === 'done').sort((a, b) => (a.id < b.id ? -1 : 1));
  const judgments = finished.map((task, i): StoredJudgment => {
    const own = instances.filter((instance) => instance.taskId === task.id).sort((a, b) => (a.id < b.id ? -1 : 1));
    const acceptableOutputs = own.map((_, n) => !(i % 3 === 2 && n === own.length - 1));
    return {
      projectId: task.projectId,
      taskId: task.id,
      callId: `judge-call-${i}`,
      modelId: 'scripted-judge',
      judged: 1_000 + i,
      contentHash: judgedContentHash(task.instruction, own),
      judgment: { status: 'judged', verdict: { validInstruction: true, appropriateInput: true, acceptableOutputs, score: (5 - (i % 5)) as QualityScore, reason: `Reason ${i}.` } },
    };
  });
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('self-instruct-studio');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('judgments', 'readwrite');
          for (const row of rows) tx.objectStore('judgments').put(row);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    judgments,
  );
  return new Map(judgments.map((judgment) => [judgment.taskId, judgment]));
}

const scoreOf = (judgment: StoredJudgment) => (judgment.judgment.status === 'judged' ? judgment.judgment.verdict.score : 0);

async function downloadLines(page: Page): Promise<{ id: string; judge_score: number | null; judge_model: string | null }[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  return (await readFile(await download.path(), 'utf8')).trimEnd().split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

test('quality filters, keep by quality with its preview and undo, the task panel, and exports with scores', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await fillPool(page, { target: 12, seed: 42 });
  const judgments = await judgeAll(page);
  const scores = [...judgments.values()].map(scoreOf);
  const atLeast = (t: number) => scores.filter((score) => score >= t).length;
  await page.reload();
  await showNew(page);

  // The score column says each row's score in text.
  await page.getByTestId('pool-status').selectOption('accepted');
  await expect.poll(() => matching(page)).toBe(judgments.size);
  await expect.poll(() => page.getByTestId('row-score').first().textContent()).toMatch(/[1-5]\/5/);

  // Filters: a score range and a verdict, counted beside their choices.
  await page.getByTestId('quality-filters').locator('summary').click();
  await expect.poll(() => page.getByTestId('pool-scoreFrom').locator('option[value="4"]').textContent()).toBe(`4 or more (${atLeast(4)})`);
  await page.getByTestId('pool-scoreFrom').selectOption('4');
  await expect.poll(() => matching(page)).toBe(atLeast(4));
  expect(page.url()).toContain('scoreFrom=4');
  expect(await seriousViolations(page, 'quality filters')).toEqual([]);
  await page.getByTestId('pool-scoreFrom').selectOption('1');
  const badOutputs = [...judgments.values()].filter((judgment) => judgment.judgment.status === 'judged' && judgment.judgment.verdict.acceptableOutputs.includes(false)).length;
  await page.getByTestId('pool-acceptableOutput').selectOption('no');
  await expect.poll(() => matching(page)).toBe(badOutputs);
  await page.getByTestId('pool-reset').click();
  await expect.poll(() => page.url()).not.toContain('acceptableOutput');

  // The task panel shows the judgment of the row opened.
  await page.getByTestId('pool-status').selectOption('accepted');
  await page.getByTestId('pool-sort').selectOption('score');
  await page.getByTestId('task-row').first().click();
  const panel = page.getByTestId('task-dialog');
  await expect.poll(() => panel.getByTestId('task-judgment-score').textContent()).toMatch(/^Score 5 of 5/);
  await expect.poll(() => panel.getByTestId('task-judgment-reason').textContent()).toMatch(/^Reason \d+\.$/);
  expect(await seriousViolations(page, 'task panel')).toEqual([]);
  await page.keyboard.press('Escape');

  // Keep by quality: what each choice keeps and deletes shows before anything is applied.
  const before = (await storedTasks(page)).trash.length;
  await page.getByTestId('keep-quality-open').click();
  const keep = page.getByTestId('keep-quality');
  await expect.poll(() => keep.getByTestId('keep-quality-preview').textContent()).toMatch(new RegExp(`^\\s*Keeps ${atLeast(4)} tasks?, deletes ${judgments.size - atLeast(4)} tasks?\\.`));
  await keep.getByTestId('keep-threshold').selectOption('3');
  await expect.poll(() => keep.getByTestId('keep-quality-preview').textContent()).toMatch(new RegExp(`Keeps ${atLeast(3)} tasks?, deletes ${judgments.size - atLeast(3)} tasks?\\.`));
  expect(await keep.getByTestId('keep-histogram').locator('li').count()).toBe(5);
  expect(await seriousViolations(page, 'keep by quality')).toEqual([]);
  expect((await storedTasks(page)).trash.length).toBe(before);
  await keep.getByTestId('keep-quality-apply').click();
  await expect.poll(() => keep.isVisible()).toBe(false);
  const toast = page.getByTestId('undo-toast').last();
  await expect.poll(() => toast.getByTestId('undo-notice').textContent()).toBe(`Kept the ${atLeast(3)} tasks judged 3 or more`);
  expect((await storedTasks(page)).trash.length).toBe(before + judgments.size - atLeast(3));
  await expect.poll(() => matching(page)).toBe(atLeast(3));

  // One undo puts every deleted task back.
  await toast.getByTestId('undo').click();
  await expect.poll(() => toast.getByTestId('undo-notice').textContent()).toBe(`Undone: Kept the ${atLeast(3)} tasks judged 3 or more`);
  await expect.poll(async () => (await storedTasks(page)).trash.length).toBe(before);

  // Exports: the scores in Self-Instruct JSONL, and "judged 4 or more only".
  await page.getByTestId('pool-reset').click();
  const all = await downloadLines(page);
  expect(all.length).toBe(judgments.size);
  for (const record of all) expect([record.judge_score, record.judge_model]).toEqual([scoreOf(judgments.get(record.id)!), 'scripted-judge']);
  await page.getByTestId('download-scope').selectOption('judged');
  await page.getByTestId('download-judged-from').selectOption('4');
  const best = await downloadLines(page);
  expect(best.map((record) => record.id).sort()).toEqual([...judgments.values()].filter((judgment) => scoreOf(judgment) >= 4).map((judgment) => judgment.taskId).sort());
  expect(errors).toEqual([]);
});
