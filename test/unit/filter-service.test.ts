// The filter service follows a person's edits to the pool it holds: update and nearest act only
// on the pool loaded under that id, and through the page's client as in the worker.
import { describe, expect, test } from 'vitest';
import { connectWorker, FilterClient } from '../../src/lib/clients';
import { defaultSettings } from '../../src/lib/method';
import { createFilterService, type FilterApi } from '../../src/lib/novelty';
import { loadScreeningPool } from '../../src/lib/run/screen-candidate';
import { useChannels } from '../helpers/comlink-channels';

const fakeWorker = useChannels();

const SEED = { id: 's1', instruction: 'Summarize the article in two sentences.' };
const TASK = { id: 't1', instruction: 'Translate the menu into French.' };

async function loadedService(poolId = 'project-a'): Promise<FilterApi> {
  const service = createFilterService();
  await loadScreeningPool(service, poolId, [SEED, TASK], defaultSettings('self-instruct'));
  return service;
}

describe('the filter service', () => {
  test('a deleted task leaves the pool: a later candidate like it is novel again', async () => {
    const service = await loadedService();
    expect((await service.check('Translate the menu into French please.')).novel).toBe(false);
    expect(service.update('project-a', { remove: ['t1'], add: [] })).toBe(true);
    expect(await service.check('Translate the menu into French please.')).toMatchObject({ novel: true, nearest: SEED });
    expect(service.size()).toBe(1);
  });

  test('an edit replaces the text: the old one is gone and the new one names its task', async () => {
    const service = await loadedService();
    expect(service.update('project-a', { remove: ['t1'], add: [{ id: 't1', instruction: 'Name three rivers in Africa.' }] })).toBe(true);
    expect((await service.check('Translate the menu into French.')).novel).toBe(true);
    expect(await service.check('Name three rivers in Africa.')).toMatchObject({ novel: false, score: 1, nearest: { id: 't1', instruction: 'Name three rivers in Africa.' } });
    expect(service.size()).toBe(2);
  });

  test('a restored task comes back into the pool', async () => {
    const service = await loadedService();
    service.update('project-a', { remove: ['t1'], add: [] });
    service.update('project-a', { remove: [], add: [TASK] });
    expect(await service.check(TASK.instruction)).toMatchObject({ novel: false, nearest: TASK });
  });

  test('changes for another pool are not applied, and say so', async () => {
    const service = await loadedService();
    expect(service.update('project-b', { remove: ['t1'], add: [] })).toBe(false);
    expect((await service.check(TASK.instruction)).novel).toBe(false);
    expect(service.nearest('project-b', TASK.instruction, 't1')).toBe('not-loaded');
  });

  test('a pool loaded without an id takes no changes', async () => {
    const service = createFilterService();
    await service.loadPool([TASK], { threshold: 0.7, tokenizer: 'default' });
    expect(service.update('project-a', { remove: ['t1'], add: [] })).toBe(false);
    expect(service.nearest('project-a', TASK.instruction, 't1')).toBe('not-loaded');
  });

  test('nearest compares an edited instruction with every other one, never with itself', async () => {
    const service = await loadedService();
    expect(service.nearest('project-a', TASK.instruction, 't1')).toMatchObject({ novel: true });
    const verdict = service.nearest('project-a', 'Summarize the article in two short sentences.', 't1');
    expect(verdict).toMatchObject({ novel: false, nearest: SEED });
  });
});

test('the filter client carries update and nearest across the worker boundary', async () => {
  const { worker } = fakeWorker(createFilterService());
  const filter = new FilterClient(connectWorker<FilterApi>(worker, 'filter worker'));
  await filter.loadPool([SEED, TASK], { threshold: 0.7, tokenizer: 'default', poolId: 'project-a' });
  expect(await filter.nearest('project-a', 'Summarize the article in two short sentences.', 't1')).toMatchObject({ novel: false, nearest: SEED });
  expect(await filter.update('project-a', { remove: ['s1'], add: [] })).toBe(true);
  expect(await filter.nearest('project-a', 'Summarize the article in two short sentences.', 't1')).toMatchObject({ novel: true, nearest: null });
  expect(await filter.update('project-b', { remove: ['t1'], add: [] })).toBe(false);
  expect(await filter.size()).toBe(1);
});
