// CurationState (src/ui/pool/curation-state.svelte.ts) on a stand-in store: each action and undo,
// what follows it (table, open task, novelty index, run counts), the toast, the history, failures.
import { expect, test } from 'vitest';
import type { CurationAction, CurationResult, UndoSummary } from '../../src/lib/vocabulary';
import type { PoolNews } from '../../src/lib/coordination';
import { CurationState, HISTORY_SHOWN, type CurationFollowers, type CurationPort } from '../../src/ui/pool/curation-state.svelte';

const PROJECT = 'p1';

function result(label: string, taskIds: string[], seq = 1): CurationResult {
  return { step: { seq, label, created: 0, count: taskIds.length }, taskIds, novelty: { remove: taskIds, add: [] } };
}

function fakeStore() {
  const steps: { action: CurationAction; result: CurationResult }[] = [];
  const store: CurationPort & { steps: typeof steps; fail?: Error } = {
    steps,
    async apply(projectId, action) {
      expect(projectId).toBe(PROJECT);
      if (store.fail) throw store.fail;
      if (action.kind === 'edit' || action.taskIds.length === 0) return undefined;
      const done = result(`${action.kind} ${action.taskIds.length}`, action.taskIds, steps.length + 1);
      steps.push({ action, result: done });
      return done;
    },
    async undo() {
      return steps.pop()?.result;
    },
    async history(): Promise<UndoSummary[]> {
      return steps.map((step) => step.result.step).reverse();
    },
  };
  return store;
}

/** Two tabs' channels: what one publishes, the others hear. */
function tabChannels() {
  const listeners = new Set<(news: PoolNews) => void>();
  return () => {
    const mine = new Set<(news: PoolNews) => void>();
    return {
      publish: (news: PoolNews) => listeners.forEach((listener) => !mine.has(listener) && listener(structuredClone(news))),
      subscribe: (listener: (news: PoolNews) => void) => {
        listeners.add(listener);
        mine.add(listener);
        return () => listeners.delete(listener);
      },
    };
  };
}

function followers(tabs = tabChannels()()) {
  const heard: string[] = [];
  const follow: CurationFollowers = {
    view: { refresh: async () => void heard.push('view'), readAgain: async (ids) => void heard.push(`view reads ${ids}`) },
    detail: { follow: async (ids) => void heard.push(`detail ${ids}`) },
    novelty: { update: async (poolId, changes) => (heard.push(`novelty ${poolId} -${changes.remove}`), true) },
    run: { refresh: async () => void heard.push('run'), poolChanged: (changes) => void heard.push(`run pool -${changes.remove}`) },
    tabs,
  };
  return { heard, follow };
}

test('an action is stored, told in the toast with an Undo, and everything that shows the pool follows it', async () => {
  const { heard, follow } = followers();
  const curation = new CurationState(fakeStore(), PROJECT, follow);
  expect(await curation.perform({ kind: 'delete', taskIds: ['t1', 't2'] })).toBe(true);
  expect(curation.notice).toEqual({ text: 'delete 2', undoable: true });
  expect(heard.sort()).toEqual(['detail t1,t2', 'novelty p1 -t1,t2', 'run', 'run pool -t1,t2', 'view']);
  expect(curation.history.map((step) => step.label)).toEqual(['delete 2']);
  expect(curation.busy).toBe(false);
});

test('an action that changes nothing writes no step and tells nothing', async () => {
  const { heard, follow } = followers();
  const curation = new CurationState(fakeStore(), PROJECT, follow);
  expect(await curation.perform({ kind: 'delete', taskIds: [] })).toBe(true);
  expect([curation.notice, heard]).toEqual([undefined, []]);
});

test('undo puts the latest action back, says which, and says when nothing is left', async () => {
  const { heard, follow } = followers();
  const curation = new CurationState(fakeStore(), PROJECT, follow);
  await curation.perform({ kind: 'accept', taskIds: ['t1'] });
  heard.length = 0;
  expect(await curation.undo()).toBe(true);
  expect(curation.notice).toEqual({ text: 'Undone: accept 1', undoable: false });
  expect(heard).toContain('detail t1');
  expect(curation.history).toEqual([]);
  expect(await curation.undo()).toBe(false);
  expect(curation.notice?.text).toBe('Nothing left to undo.');
});

test('actions asked at once run one after another, in the order asked', async () => {
  const store = fakeStore();
  const curation = new CurationState(store, PROJECT, followers().follow);
  await Promise.all([curation.perform({ kind: 'delete', taskIds: ['t1'] }), curation.undo(), curation.perform({ kind: 'restore', taskIds: ['t2'] })]);
  expect(store.steps.map((step) => step.action.kind)).toEqual(['restore']);
  expect(curation.notice?.text).toBe('restore 1');
});

test('a failed action says that nothing changed and why; a failure to follow says the change is stored', async () => {
  const store = fakeStore();
  const { follow } = followers();
  const curation = new CurationState(store, PROJECT, follow);
  store.fail = new Error('The disk is full. Free some space, then try again.');
  expect(await curation.perform({ kind: 'delete', taskIds: ['t1'] })).toBe(false);
  expect(curation.error).toBe('Nothing was changed: The disk is full. Free some space, then try again.');
  store.fail = undefined;
  follow.view.refresh = () => Promise.reject(new Error('The pool view worker stopped.'));
  expect(await curation.perform({ kind: 'delete', taskIds: ['t1'] })).toBe(true);
  expect(curation.error).toBe('The change is stored, but the page could not show it: The pool view worker stopped. Reload the page to see it.');
  curation.dismiss();
  expect([curation.error, curation.notice]).toEqual([undefined, undefined]);
});

test('a bulk action takes the selected rows it fits, and clears the selection once stored (not when it failed)', async () => {
  const store = fakeStore();
  const curation = new CurationState(store, PROJECT, followers().follow);
  const asked: string[][] = [];
  let cleared = false;
  const selection = { ids: async (statuses: readonly string[]) => (asked.push([...statuses]), ['t1', 't2']), clear: () => void (cleared = true) };
  store.fail = new Error('The disk is full.');
  await curation.bulk('delete', selection);
  expect(cleared).toBe(false);
  store.fail = undefined;
  asked.length = 0;
  await curation.bulk('accept', selection);
  await curation.bulk('review', selection);
  expect(asked).toEqual([['rejected'], ['accepted', 'pending', 'rejected']]);
  expect(store.steps.map((step) => step.action)).toEqual([
    { kind: 'accept', taskIds: ['t1', 't2'] },
    { kind: 'review', taskIds: ['t1', 't2'], reviewed: true },
  ]);
  expect(cleared).toBe(true);
});

test(`the history lists the latest ${HISTORY_SHOWN} steps, newest first`, async () => {
  const store = fakeStore();
  const curation = new CurationState(store, PROJECT, followers().follow);
  for (let i = 0; i < HISTORY_SHOWN + 3; i++) await curation.perform({ kind: 'delete', taskIds: [`t${i}`] });
  await curation.loadHistory();
  expect(curation.history).toHaveLength(HISTORY_SHOWN);
  expect(curation.history[0]?.seq).toBe(HISTORY_SHOWN + 3);
});

test('another tab’s action on this project reaches this tab: its table reads the rows again, and its index, run and history follow; another project’s is ignored', async () => {
  const channels = tabChannels();
  const store = fakeStore();
  const here = followers(channels());
  const there = followers(channels());
  const curation = new CurationState(store, PROJECT, here.follow);
  const other = new CurationState(store, PROJECT, there.follow);
  const elsewhere = new CurationState(store, 'p2', followers(channels()).follow);
  await curation.perform({ kind: 'delete', taskIds: ['t1'] });
  await expect.poll(() => there.heard.length).toBe(5);
  expect(there.heard.sort()).toEqual(['detail t1', 'novelty p1 -t1', 'run', 'run pool -t1', 'view reads t1']);
  expect(other.history.map((step) => step.label)).toEqual(['delete 1']);
  // The tab that acted hears nothing back.
  expect(here.heard.filter((line) => line.startsWith('view reads'))).toEqual([]);
  other.dispose();
  elsewhere.dispose();
  await curation.perform({ kind: 'delete', taskIds: ['t2'] });
  expect(there.heard).toHaveLength(5);
});
