// The run's speed figures (src/lib/run/run-speed.ts, token-cost.ts, measured-generator.ts).
import { expect, test } from 'vitest';
import { formatElapsed, measuredGenerator, runSpeed, tokensPerFinishedTask } from '../../src/lib/run';
import type { CompletionResult } from '../../src/lib/vocabulary';

const progress = { elapsedMs: 0, acceptedSinceStart: 0, acceptedToGo: 100, completionTokens: 0, callMs: 0 };

test('at the start only the elapsed time is known', () => {
  expect(runSpeed({ ...progress, elapsedMs: 2500 })).toEqual({ elapsedSeconds: 2.5 });
});

test('tokens per second over the calls’ own time, as soon as a call has answered', () => {
  expect(runSpeed({ ...progress, elapsedMs: 3000, completionTokens: 120, callMs: 2000 }).tokensPerSecond).toBe(60);
});

test('tasks per hour and time left once the pace has settled: 10 tasks in 10 min, 90 to go, is 60 an hour and 90 min left', () => {
  const speed = runSpeed({ ...progress, elapsedMs: 600_000, acceptedSinceStart: 10, acceptedToGo: 90 });
  expect(speed.tasksPerHour).toBeCloseTo(60);
  expect(speed.secondsLeft).toBeCloseTo(5400);
});

test('no pace from the first seconds, nor before a task is accepted', () => {
  expect(runSpeed({ ...progress, elapsedMs: 5000, acceptedSinceStart: 3 }).tasksPerHour).toBeUndefined();
  expect(runSpeed({ ...progress, elapsedMs: 60_000 }).secondsLeft).toBeUndefined();
});

test('a reached target has nothing left', () => {
  expect(runSpeed({ ...progress, elapsedMs: 60_000, acceptedSinceStart: 12, acceptedToGo: -2 }).secondsLeft).toBe(0);
});

test('elapsed time reads in seconds, minutes, then hours', () => {
  expect([formatElapsed(42.7), formatElapsed(185), formatElapsed(4320)]).toEqual(['42 s', '3 min 5 s', '1 h 12 min']);
});

test('tokens per finished task: every call’s tokens over the finished tasks; unknown before the first', () => {
  expect(tokensPerFinishedTask({ promptTokens: 9000, completionTokens: 3000 }, 4)).toEqual({ promptTokens: 2250, completionTokens: 750, perTask: 3000 });
  expect(tokensPerFinishedTask({ promptTokens: 10, completionTokens: 5 }, 0)).toBeUndefined();
});

test('the measured generator hands each result on and returns it unchanged', async () => {
  const result: CompletionResult = { text: 'ok', finishReason: 'stop', promptTokens: 3, completionTokens: 1, durationMs: 7 };
  const seen: CompletionResult[] = [];
  const generator = measuredGenerator({ complete: async () => result }, (each) => seen.push(each));
  expect(await generator.complete({ purpose: 'classify', mode: 'text', prompt: 'p', params: { temperature: 0, topP: 1, maxTokens: 1 } })).toBe(result);
  expect(seen).toEqual([result]);
});
