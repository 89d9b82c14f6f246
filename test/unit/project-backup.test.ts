// A project backup round-trips every row, and anything else is refused with a reason.
import { gzipSync } from 'fflate';
import { expect, test } from 'vitest';
import { readBackup, writeBackup } from '../../src/lib/backup';
import type { ProjectRows } from '../../src/lib/store';
import { runRow, taskRow } from '../fixtures/pool-rows';

const ROWS: ProjectRows = {
  project: { id: 'project-1', name: 'Recipes', created: 5 },
  seeds: [{ id: 's1', name: 'n', instruction: 'Add two numbers.', instances: [{ input: '1 2', output: '3' }], isClassification: false, projectId: 'project-1', position: 0 }],
  tasks: [taskRow({ id: 'task-1', projectId: 'project-1', instruction: 'Name a “prime”.\nNow.', instanceCount: 1 })],
  instances: [{ id: 'inst-1', projectId: 'project-1', taskId: 'task-1', callId: 'call-2', input: '', output: '7' }],
  calls: [],
  runs: [runRow({ id: 'run-1', projectId: 'project-1' })],
};

const gz = (text: string) => gzipSync(new TextEncoder().encode(text));

test('a backup reads back to the same rows', () => {
  expect(readBackup(writeBackup(ROWS))).toEqual({ ok: true, rows: ROWS });
});

test.each([
  ['a file that is not gzip', new TextEncoder().encode('{"format":"x"}'), /not a gzip file/],
  ['a gzip file of something else', gz('hello\n'), /not a backup header/],
  ['a newer version', gz(JSON.stringify({ format: 'self-instruct-studio-project', version: 2, project: ROWS.project })), /version 2/],
  ['a row of another project', gz([JSON.stringify({ format: 'self-instruct-studio-project', version: 1, project: ROWS.project }), JSON.stringify({ store: 'tasks', row: { projectId: 'other' } })].join('\n')), /line 2/],
  ['an unknown store', gz([JSON.stringify({ format: 'self-instruct-studio-project', version: 1, project: ROWS.project }), JSON.stringify({ store: 'secrets', row: { projectId: 'project-1' } })].join('\n')), /line 2/],
])('refuses %s with a reason', (_name, bytes, problem) => {
  const result = readBackup(bytes);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.problem).toMatch(problem);
});
