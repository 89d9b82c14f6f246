// RunClock, RunNotifier and the tab's title (src/ui): the run's speed as the page shows it,
// the notification at its end, its progress in the title.
import { expect, test } from 'vitest';
import { RunClock, type Ticker } from '../../src/ui/run-clock.svelte';
import { RunNotifier, type NotificationApi } from '../../src/ui/run-notifier.svelte';
import { tabTitle } from '../../src/ui/tab-title';
import { observe } from '../helpers/observe.svelte';
import type { CompletionResult } from '../../src/lib/vocabulary';

function fakeTicker(): Ticker & { advance(ms: number): void; ticking: () => boolean } {
  let now = 1000;
  let tick: (() => void) | undefined;
  return {
    now: () => now,
    every: (_ms, each) => {
      tick = each;
      return () => (tick = undefined);
    },
    advance(ms) {
      now += ms;
      tick?.();
    },
    ticking: () => tick !== undefined,
  };
}

const answer = (completionTokens: number, durationMs: number, finishReason: CompletionResult['finishReason'] = 'stop'): CompletionResult => ({ text: '', finishReason, promptTokens: 10, completionTokens, durationMs });

test('the clock ticks while a run goes, counts its tasks and tokens, and keeps the last figures after it stops', () => {
  const ticker = fakeTicker();
  const clock = new RunClock(ticker);
  expect(clock.speed).toBeUndefined();
  clock.start(5, 25);
  const elapsed = observe(() => clock.speed?.elapsedSeconds);
  ticker.advance(1000);
  expect(clock.speed?.elapsedSeconds).toBe(1);
  ticker.advance(1000);
  // Each tick is a change the page sees.
  expect(elapsed().at(-1)).toBe(2);
  clock.measured(answer(100, 2000));
  clock.measured(answer(50, 1000, 'abort'));
  expect(clock.speed?.tokensPerSecond).toBe(50);
  ticker.advance(58_000);
  clock.counted(10);
  // 5 tasks in a minute: 300 an hour, and 15 to go take 3 minutes more.
  expect(clock.speed).toMatchObject({ elapsedSeconds: 60, tasksPerHour: 300, secondsLeft: 180 });
  clock.stop();
  expect(ticker.ticking()).toBe(false);
  ticker.advance(5000);
  expect(clock.speed?.elapsedSeconds).toBe(60);
});

function fakeNotifications(permission: NotificationPermission, answer: NotificationPermission = 'granted') {
  const shown: { title: string; body?: string }[] = [];
  const api = class {
    static permission = permission;
    static requestPermission = async () => answer;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, body: options?.body });
    }
  } satisfies NotificationApi;
  return { api, shown };
}

test('notifications: asked only on request; once allowed, a finished or failed run is told, a pause is not', async () => {
  const { api, shown } = fakeNotifications('default');
  const notifier = new RunNotifier(api);
  expect(notifier.permission).toBe('default');
  notifier.tell('finished', 12);
  expect(shown).toEqual([]);
  await notifier.ask();
  expect(notifier.permission).toBe('granted');
  notifier.tell('paused', 12);
  notifier.tell('finished', 1200);
  notifier.tell('failed', 3, 'The model stopped.');
  expect(shown).toEqual([
    { title: 'Run finished', body: '1,200 new instructions in the pool. Self-Instruct Studio' },
    { title: 'Run stopped with an error', body: 'The model stopped.' },
  ]);
});

test('notifications: a refusal is kept, and a browser without them says so', async () => {
  const { api, shown } = fakeNotifications('default', 'denied');
  const notifier = new RunNotifier(api);
  await notifier.ask();
  notifier.tell('finished', 1);
  expect([notifier.permission, shown.length]).toEqual(['denied', 0]);
  expect(new RunNotifier(undefined).permission).toBe('unsupported');
});

test('the tab title carries the run’s progress', () => {
  expect(tabTitle('running', 42, 100)).toBe('42/100 · Self-Instruct Studio');
  expect(tabTitle('finished', 100, 100)).toBe('Finished 100/100 · Self-Instruct Studio');
  expect(tabTitle('failed', 3, 100)).toBe('Run stopped · Self-Instruct Studio');
  expect(tabTitle('idle', 0, 100)).toBe('Self-Instruct Studio');
});
