import { expect, test } from 'vitest';
import { toSelfInstructJsonl } from '../../src/lib/export';
import type { Task } from '../../src/lib/run';

const task: Task = { id: 't1', projectId: 'p', runId: 'r1', instruction: 'Name a prime.', stage: 'done', isClassification: false, callId: 'c', created: 0 };

test('writes one Self-Instruct record per task with instances, and leaves out tasks without any', () => {
  const text = toSelfInstructJsonl([
    { task, instances: [{ input: '', output: '7' }], modelId: 'm1' },
    { task: { ...task, id: 't2' }, instances: [], modelId: 'm1' },
  ]);
  expect(text.endsWith('\n')).toBe(true);
  expect(text.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual([
    {
      id: 't1',
      instruction: 'Name a prime.',
      instances: [{ input: '', output: '7' }],
      is_classification: false,
      provenance: { model: 'm1', run: 'r1', created: '1970-01-01T00:00:00.000Z' },
    },
  ]);
});

test('keeps untrusted model text intact, quotes and newlines included', () => {
  const output = '<script>alert("x")</script>\nline two';
  const [line] = toSelfInstructJsonl([{ task, instances: [{ input: '"a"', output }], modelId: 'm' }]).split('\n');
  expect(JSON.parse(line!).instances[0]).toEqual({ input: '"a"', output });
});
