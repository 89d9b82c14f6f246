import { expect, test } from 'vitest';
import { createIdFactory } from '../../src/lib/ids';

test('ids sort in creation order, within one millisecond and across a clock step back', () => {
  const times = [5, 5, 5, 4, 90_000_000_000];
  const newId = createIdFactory(() => times.shift()!);
  const ids = [newId('task'), newId('task'), newId('task'), newId('task'), newId('task')];
  expect(new Set(ids).size).toBe(5);
  expect([...ids].sort()).toEqual(ids);
  expect(ids[0]).toMatch(/^task-/);
});
