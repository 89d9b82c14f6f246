// Type contracts, checked by the type check in `npm test` (expectTypeOf does nothing at run time):
// what the page gets through comlink, and what each IndexedDB store holds.
import type { Remote } from 'comlink';
import type { IndexKey, StoreKey, StoreValue } from 'idb';
import { expectTypeOf, test } from 'vitest';
import type { GeneratorApi, LoadOutcome, ProbeResult } from '../../src/lib/engine';
import type { FilterApi } from '../../src/lib/novelty';
import type { CompletionResult, NoveltyVerdict, Task, TaskStage } from '../../src/lib/vocabulary';
import type { StoredCall } from '../../src/lib/store/call-pieces';
import type { StudioDB } from '../../src/lib/store/schema';

test('the worker APIs reach the page as promise-returning calls', () => {
  expectTypeOf<Remote<GeneratorApi>['probe']>().returns.toEqualTypeOf<Promise<ProbeResult>>();
  expectTypeOf<Awaited<ReturnType<Remote<GeneratorApi>['load']>>>().toEqualTypeOf<LoadOutcome>();
  expectTypeOf<Remote<GeneratorApi>['complete']>().returns.toEqualTypeOf<Promise<CompletionResult>>();
  expectTypeOf<Remote<FilterApi>['check']>().returns.toEqualTypeOf<Promise<NoveltyVerdict>>();
});

test('the schema ties each store to its value, key and indexes', () => {
  expectTypeOf<StoreValue<StudioDB, 'tasks'>>().toEqualTypeOf<Task>();
  expectTypeOf<StoreValue<StudioDB, 'calls'>>().toEqualTypeOf<StoredCall>();
  expectTypeOf<StoreKey<StudioDB, 'seeds'>>().toEqualTypeOf<[string, number]>();
  expectTypeOf<IndexKey<StudioDB, 'tasks', 'by-project-stage'>>().toEqualTypeOf<[string, TaskStage]>();
});
