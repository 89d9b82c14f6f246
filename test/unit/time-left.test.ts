import { expect, test } from 'vitest';
import { downloadSpeed, formatTimeLeft, remainingSeconds } from '../../src/ui/time-left';

test('extrapolates the pace so far, and says nothing too early or once done', () => {
  expect(remainingSeconds(10, 0.25)).toBe(30);
  expect(remainingSeconds(10, 0.01)).toBeUndefined();
  expect(remainingSeconds(1, 0.5)).toBeUndefined();
  expect(remainingSeconds(10, 1)).toBeUndefined();
});

test.each([
  [0.2, 'about 1 s left'],
  [42, 'about 42 s left'],
  [190, 'about 3 min left'],
  [3900, 'about 1 h 5 min left'],
])('%d seconds reads as %s', (seconds, text) => {
  expect(formatTimeLeft(seconds)).toBe(text);
});

test.each([
  ['Fetching param cache[12/38]: 412MB fetched. 31% completed, 10 secs elapsed.', 41.2],
  ['Downloading the model: 412 of 986 MB', 41.2],
])('reads the megabytes fetched from "%s"', (text, speed) => {
  expect(downloadSpeed(text, 10)).toBeCloseTo(speed);
});

test('gives no speed for lines without megabytes, or too early', () => {
  expect(downloadSpeed('Loading GPU shader modules[3/40]', 10)).toBeUndefined();
  expect(downloadSpeed('Downloading the model: 4 of 986 MB', 1)).toBeUndefined();
});
