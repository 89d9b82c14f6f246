import { expect, test } from 'vitest';
import { judgedContentHash } from '../../src/lib/judge';

const task = { instruction: 'Sort the list.', instances: [{ input: '3, 1, 2', output: '1, 2, 3' }] };

test('the same content gives the same hash, and any change to the instruction, an input or an output another', () => {
  const hash = judgedContentHash(task.instruction, task.instances);
  expect(judgedContentHash('Sort the list.', [{ input: '3, 1, 2', output: '1, 2, 3' }])).toBe(hash);
  const changed = [
    judgedContentHash('Sort the list!', task.instances),
    judgedContentHash(task.instruction, [{ input: '3, 1, 2 ', output: '1, 2, 3' }]),
    judgedContentHash(task.instruction, [{ input: '3, 1, 2', output: '1, 2, 3.' }]),
    judgedContentHash(task.instruction, [...task.instances, { input: '', output: '' }]),
    judgedContentHash(task.instruction, []),
  ];
  expect(new Set([hash, ...changed]).size).toBe(6);
});

test('moving text across a field boundary changes the hash', () => {
  expect(judgedContentHash('ab', [{ input: 'c', output: '' }])).not.toBe(judgedContentHash('a', [{ input: 'bc', output: '' }]));
  expect(judgedContentHash('x', [{ input: 'ab', output: 'c' }])).not.toBe(judgedContentHash('x', [{ input: 'a', output: 'bc' }]));
});

test('a thousand near-identical tasks get a thousand hashes', () => {
  const hashes = new Set(Array.from({ length: 1000 }, (_, i) => judgedContentHash(`Task ${i}`, [{ input: '', output: String(i % 7) }])));
  expect(hashes.size).toBe(1000);
});
