// One writer per project across tabs (Web Locks, faked here as the browser's ifAvailable rule) and
// live news to the other tabs (a real BroadcastChannel in Node).
import { afterEach, expect, test } from 'vitest';
import { TabCoordinator, type RunNews } from '../../src/lib/coordination';
import { fakeLocks } from '../helpers/fake-locks';

const opened: TabCoordinator[] = [];
afterEach(() => opened.splice(0).forEach((tab) => tab.close()));

function tabs(count: number): TabCoordinator[] {
  const locks = fakeLocks();
  const name = `test-${Math.random()}`;
  const made = Array.from({ length: count }, () => new TabCoordinator(locks, new BroadcastChannel(name)));
  opened.push(...made);
  return made;
}

test('a second tab cannot run a project while the first one runs it, but can run another project', async () => {
  const [first, second] = tabs(2) as [TabCoordinator, TabCoordinator];
  let release: () => void = () => {};
  const running = first.runExclusively('p1', () => new Promise<string>((resolve) => (release = () => resolve('done'))));
  await Promise.resolve();
  expect(await second.isRunning('p1')).toBe(true);
  expect(await second.runExclusively('p1', async () => 'second')).toBeUndefined();
  expect(await second.runExclusively('p2', async () => 'other project')).toEqual({ value: 'other project' });
  release();
  expect(await running).toEqual({ value: 'done' });
  expect(await second.isRunning('p1')).toBe(false);
  expect(await second.runExclusively('p1', async () => 'now free')).toEqual({ value: 'now free' });
});

test('news published by one tab reaches the others until they stop listening', async () => {
  const [publisher, listener] = tabs(2) as [TabCoordinator, TabCoordinator];
  const received: RunNews[] = [];
  const stop = listener.subscribe((news) => received.push(news));
  const news: RunNews = { projectId: 'p1', status: 'running', counts: { seeds: 3, accepted: 1, rejected: 0, pending: 1, instances: 0, generationCalls: 1 } };
  publisher.publish(news);
  await expect.poll(() => received).toEqual([news]);
  stop();
  publisher.publish({ ...news, status: 'paused' });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(received).toHaveLength(1);
});
