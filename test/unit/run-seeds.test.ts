// The seeds of a run's random choices: fixed by the run's seed and stable positions, and distinct.
import { expect, test } from 'vitest';
import { stepSeed, taskSeed } from '../../src/lib/run/run-seeds';

test('a step’s seed is the one runs stored before this version were given, so they resume alike', () => {
  expect([0, 1, 2].map((step) => stepSeed(7, step))).toEqual([2654435766, 1013904229, 3668339988]);
});

test('no two tasks of a run, nor a task and a step, share a seed', () => {
  const steps = Array.from({ length: 60 }, (_, step) => step);
  const tasks = steps.flatMap((step) => Array.from({ length: 20 }, (_, candidate) => taskSeed(42, { step, candidate })));
  const all = [...tasks, ...steps.map((step) => stepSeed(42, step))];
  expect(new Set(all).size).toBe(all.length);
});

test('a task’s seed depends on the run’s seed, and a task stored without its origin takes the run’s seed', () => {
  expect(taskSeed(1, { step: 0, candidate: 0 })).not.toBe(taskSeed(2, { step: 0, candidate: 0 }));
  expect(taskSeed(99, undefined)).toBe(99);
});
