// How the pool shows a judgment: the score column's text (never a colour alone), and the task
// panel's judgment read with the task (stale after an edit, the judge's raw text when unreadable).
import { expect, test } from 'vitest';
import { scoreText, taskJudgment } from '../../src/ui/pool/judgment-text';
import { judgmentOf, unreadableOf } from '../fixtures/judgments';
import { callRow, spiceStep } from '../fixtures/pool-rows';
import { freshDatabase } from '../helpers/fresh-database';

test('the score column says each status in words for a screen reader and a tooltip', () => {
  expect(scoreText({ status: 'judged', score: 4, answers: { instruction: true, input: true, output: false } })).toEqual({ short: '4/5', long: 'Judged 4 of 5' });
  expect(scoreText({ status: 'stale' }).short).toBe('stale');
  expect(scoreText({ status: 'unreadable' }).long).toBe("The judge's answer could not be read");
  expect(scoreText({ status: 'none' })).toEqual({ short: '—', long: 'Not judged' });
});

test('the task panel reads the judgment and its call with the task; an edit leaves it stale', async () => {
  const { db, pool } = await freshDatabase();
  await pool.saveGeneration(spiceStep('p1'));
  const spice = { id: 'task-1', instruction: 'Name a spice.', instances: [{ input: '', output: 'Cumin' }] };
  expect(taskJudgment((await pool.taskDetail('task-1'))!)).toBeUndefined();

  // Stored through the journal as any call is (until the judge's own write lands, a step with no candidates).
  const judgeCall = callRow('p1', 'call-judge-task-1', 'judge');
  await pool.saveGeneration({ call: { ...judgeCall, result: { ...judgeCall.result, text: 'Looks fine to me!' } }, candidates: [], instances: [] });
  await db.put('judgments', unreadableOf(spice));
  const detail = (await pool.taskDetail('task-1'))!;
  expect(detail.calls.map((call) => call.purpose)).toEqual(['instructions', 'judge']);
  expect(taskJudgment(detail)).toMatchObject({ stale: false, raw: 'Looks fine to me!', stored: { judgment: { status: 'unreadable' } } });

  await db.put('judgments', judgmentOf(spice, 5));
  await db.put('instances', { ...(await db.get('instances', 'inst-1'))!, output: 'Cumin seeds' });
  expect(taskJudgment((await pool.taskDetail('task-1'))!)).toMatchObject({ stale: true, stored: { judgment: { status: 'judged' } } });
});
