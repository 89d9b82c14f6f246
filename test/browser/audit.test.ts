// The audit on the e2e build after a scripted run: answered by keys, kept across a reload, its
// table's figures checked against the answers given, the judge's agreement from judgments written
// into IndexedDB, and axe on the audit view and the table.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatKappa, formatShare, wilsonInterval, cohensKappa } from '../../src/lib/audit';
import { judgedContentHash } from '../../src/lib/judge';
import type { Audit, AuditAnswer, Instance, StoredJudgment } from '../../src/lib/vocabulary';
import { seriousViolations } from './axe';
import { fillPool } from './pool-fixture';
import { openWatchedPage, readStores, useSite } from './site';

const site = useSite('dist-e2e');

/** The answers this test gives to the item at `index`: instruction always yes, input on even items, output off every third. */
const given = (index: number): AuditAnswer => ({ instruction: true, input: index % 2 === 0, output: index % 3 !== 0 });

async function answerByKeys(page: Page, answer: AuditAnswer): Promise<void> {
  for (const value of [answer.instruction, answer.input, answer.output]) await page.keyboard.press(value ? 'y' : 'n');
}

const progress = (page: Page) => page.getByTestId('audit-progress').textContent();
const itemHeading = (page: Page) => page.getByTestId('audit-item').textContent();

async function storedAudit(page: Page): Promise<Audit> {
  const { audits } = await readStores(page, ['audits']);
  return (audits as Audit[])[0]!;
}

/** Writes a current judgment of every audited task, "yes" to everything, as the judge would. */
async function judgeEverythingValid(page: Page, audit: Audit): Promise<void> {
  const { tasks, instances } = await readStores(page, ['tasks', 'instances']);
  const judgments: StoredJudgment[] = audit.items.map(({ taskId }) => {
    const task = (tasks as { id: string; instruction: string }[]).find((row) => row.id === taskId)!;
    // The instances store's order by id is the by-task index's order: the task's instance order.
    const own = (instances as (Instance & { taskId: string })[]).filter((row) => row.taskId === taskId).map(({ input, output }) => ({ input, output }));
    return {
      projectId: audit.projectId,
      taskId,
      callId: `judge-${taskId}`,
      modelId: 'scripted-judge',
      judged: Date.now(),
      contentHash: judgedContentHash(task.instruction, own),
      judgment: { status: 'judged', verdict: { validInstruction: true, appropriateInput: true, acceptableOutputs: own.map(() => true), score: 5, reason: 'Fine.' } },
    };
  });
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('self-instruct-studio');
        open.onsuccess = () => {
          const tx = open.result.transaction('judgments', 'readwrite');
          for (const row of rows) tx.objectStore('judgments').put(row);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    judgments,
  );
}

/** A page whose pool the scripted run filled, with an audit of seed 7 started and its view open. */
async function auditStarted() {
  const watched = await openWatchedPage(site.browser, site.url);
  await fillPool(watched.page);
  await watched.page.getByTestId('audit-seed').fill('7');
  await watched.page.getByTestId('audit-start').click();
  await watched.page.getByTestId('audit-dialog').waitFor({ state: 'visible' });
  return watched;
}

test('an audit answered by keys is kept across a reload, and its table and the judge’s agreement follow the answers', async () => {
  const { page, errors } = await auditStarted();
  // The scripted run makes about a dozen tasks: fewer than the 200 asked, so all are in the sample.
  await expect.poll(() => page.getByTestId('audit-short').textContent()).toMatch(/fewer than the 200 asked for:\s+all of them are in the sample/);
  const total = (await storedAudit(page)).items.length;
  expect(total).toBeGreaterThanOrEqual(10);
  expect(await progress(page)).toBe(`0 of ${total} answered`);
  expect(await itemHeading(page)).toBe(`Item 1 of ${total}`);
  // The view opens with focus on the item, so the keys work at once and a screen reader reads where it is.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('audit-item');
  expect(await page.getByTestId('audit-progress').getAttribute('aria-live')).toBe('polite');
  expect(await seriousViolations(page, 'audit view')).toEqual([]);

  // Five items, typed without waiting: the answers apply in order.
  for (let i = 0; i < 5; i++) await answerByKeys(page, given(i));
  await expect.poll(() => progress(page)).toBe(`5 of ${total} answered`);
  expect(await itemHeading(page)).toBe(`Item 6 of ${total}`);

  await page.reload();
  await expect.poll(() => page.getByTestId('audit-status').textContent()).toMatch(new RegExp(`^\\s*5 of ${total} answered · seed 7`));
  await page.getByTestId('audit-open').click();
  await expect.poll(() => itemHeading(page)).toBe(`Item 6 of ${total}`);

  // K goes back to item 5, whose output answer is changed with 3 then N; J comes back.
  await page.keyboard.press('k');
  await expect.poll(() => itemHeading(page)).toBe(`Item 5 of ${total}`);
  expect(await page.getByTestId('audit-output-yes').getAttribute('aria-pressed')).toBe('true');
  await page.keyboard.press('3');
  await page.keyboard.press('n');
  await expect.poll(() => page.getByTestId('audit-output-no').getAttribute('aria-pressed')).toBe('true');
  await page.keyboard.press('j');
  await expect.poll(() => itemHeading(page)).toBe(`Item 6 of ${total}`);
  const expected = Array.from({ length: total }, (_, i) => (i === 4 ? { ...given(4), output: false } : given(i)));

  for (let i = 5; i < total; i++) await answerByKeys(page, expected[i]!);
  await page.getByTestId('audit-end').waitFor();
  await expect.poll(() => progress(page)).toBe(`${total} of ${total} answered`);
  const audit = await storedAudit(page);
  expect(audit.items.map(({ taskId }) => audit.answers[taskId])).toEqual(expected);

  // The table's figures, as Self-Instruct's Table 2 rows with their Wilson intervals.
  const yes = {
    instruction: expected.filter((answer) => answer.instruction).length,
    input: expected.filter((answer) => answer.input).length,
    output: expected.filter((answer) => answer.output).length,
    all: expected.filter((answer) => answer.instruction && answer.input && answer.output).length,
  };
  const dialog = page.getByTestId('audit-dialog');
  for (const [measure, count] of Object.entries(yes)) {
    const row = dialog.getByTestId(`audit-row-${measure}`);
    expect(await row.getByTestId('audit-count').textContent()).toBe(`${count} of ${total}`);
    expect(await row.getByTestId('audit-share').textContent()).toBe(formatShare(count / total, wilsonInterval(count, total)));
  }
  expect(await dialog.getByTestId('audit-no-agreement').count()).toBe(1);
  expect(await seriousViolations(page, 'audit end')).toEqual([]);
  await page.keyboard.press('Escape');

  // The judge says yes to everything: on instructions both always said yes (kappa undefined);
  // on inputs the judge never varies, so kappa is 0.
  await judgeEverythingValid(page, audit);
  await page.reload();
  const agreement = page.getByTestId('audit-panel').getByTestId('audit-agreement');
  await agreement.waitFor();
  expect(await agreement.getByTestId('audit-agreement-instruction').getByTestId('audit-kappa').textContent()).toBe('undefined (one answer throughout)');
  const inputKappa = cohensKappa({ bothYes: yes.input, bothNo: 0, personOnly: 0, judgeOnly: total - yes.input });
  expect(await agreement.getByTestId('audit-agreement-input').getByTestId('audit-kappa').textContent()).toBe(formatKappa(inputKappa));
  expect(formatKappa(inputKappa)).toBe('0.00');
  await page.getByTestId('quality').evaluate((element) => element.scrollIntoView({ block: 'start' }));
  expect(await seriousViolations(page, 'audit table')).toEqual([]);
  expect(errors).toEqual([]);
});

test('restarting with a new seed can be undone, answers and all', async () => {
  const { page, errors } = await auditStarted();
  await answerByKeys(page, given(0));
  await expect.poll(() => progress(page)).toMatch(/^\s*1 of \d+ answered/);
  await page.keyboard.press('Escape');
  const before = await storedAudit(page);

  await page.getByTestId('audit-panel').locator('summary').click();
  await page.getByTestId('audit-seed').fill('8');
  await page.getByTestId('audit-start').click();
  await expect.poll(async () => (await storedAudit(page)).seed).toBe(8);
  await page.keyboard.press('Escape');
  await page.getByTestId('audit-undo-restart').click();
  await expect.poll(() => storedAudit(page)).toEqual(before);
  await expect.poll(() => page.getByTestId('audit-status').textContent()).toMatch(/1 of \d+ answered · seed 7/);
  expect(errors).toEqual([]);
});
