// The call journal: a call's repeated prompt texts are stored once per project as parts, and
// every call reads back byte for byte as it was made, through PoolStore on fake-indexeddb.
import { createHash } from 'node:crypto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { classifyRequest, defaultSettings } from '../../src/lib/method';
import { openStudioDB, PoolStore, type StudioDatabase } from '../../src/lib/store';
import { joinCall, PART_MIN_CHARS, splitCall, type StoredCall } from '../../src/lib/store/call-pieces';
import { contentHash } from '../../src/lib/store/content-hash';
import type { CallRecord, CompletionRequest, MethodSettings, OutputMode, PromptStyle } from '../../src/lib/vocabulary';
import { SEED_TASKS } from '../fixtures/method/seed-tasks';
import { everyMethodRequest, journalCall, methodRequests, OUTPUT_MODES, PROMPT_STYLES } from '../fixtures/journal-calls';
import { callRow, taskRow } from '../fixtures/pool-rows';

const PROJECT = 'p1';

function call(request: CompletionRequest, id = 'call-1'): CallRecord {
  return journalCall(PROJECT, id, request);
}

function settingsFor(promptStyle: PromptStyle, outputMode: OutputMode): MethodSettings {
  return { ...defaultSettings('self-instruct'), promptStyle, outputMode };
}

function roundTrip(original: CallRecord): CallRecord {
  const { record, parts } = splitCall(original);
  return joinCall(record, (hash) => parts.get(hash) ?? expect.fail(`missing part ${hash}`));
}

describe('contentHash', () => {
  test.each([
    ['empty', ''],
    ['three letters', 'abc'],
    // 55 and 56 bytes are where the length stops fitting in the first 64-byte block.
    ['27 code units', 'x'.repeat(27)],
    ['28 code units', 'x'.repeat(28)],
    ['32 code units', 'y'.repeat(32)],
    ['accents, an emoji and a lone surrogate', 'Crème brûlée 🍮 \ud800 end'],
    ['several blocks', 'Name a prime number.\n'.repeat(400)],
  ])('is the SHA-256 of the UTF-16 code units (%s)', (_name, text) => {
    expect(contentHash(text)).toBe(createHash('sha256').update(Buffer.from(text, 'utf16le')).digest('base64url'));
  });

  test('tells a lone surrogate from the replacement character UTF-8 would turn it into', () => {
    expect(contentHash('a\ud800')).not.toBe(contentHash('a\ufffd'));
  });
});

describe('splitting and rebuilding a call', () => {
  describe.each(PROMPT_STYLES.flatMap((style) => OUTPUT_MODES.map((mode) => [style, mode] as const)))('%s prompts, %s answers', (style, mode) => {
    test.each(methodRequests(style, mode))('%s: the call rebuilds byte for byte', (_purpose, request) => {
      const original = call(request);
      const rebuilt = roundTrip(original);
      expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(original));
      expect(rebuilt).toStrictEqual(original);
    });
  });

  test.each([
    ['an empty prompt', { mode: 'text', purpose: 'classify', prompt: '', params: { temperature: 0, topP: 1, maxTokens: 1 } }],
    ['no messages at all', { mode: 'chat', purpose: 'classify', messages: [], params: { temperature: 0, topP: 1, maxTokens: 1 } }],
    ['an empty message', { mode: 'chat', purpose: 'classify', messages: [{ role: 'user', content: '' }], params: { temperature: 0, topP: 1, maxTokens: 1 } }],
    [
      'unicode, a lone surrogate and long texts on both sides of a paragraph break',
      { mode: 'text', purpose: 'instances', prompt: `${'Ünïcödé 🍮 \ud800 '.repeat(20)}\n\n${'末尾 '.repeat(80)}`, params: { temperature: 0, topP: 1, maxTokens: 1 } },
    ],
    [
      'keys in an unusual order, the response format last',
      { params: { maxTokens: 9, temperature: 1, topP: 1, seed: 4 }, mode: 'chat', messages: [{ content: 'x'.repeat(300), role: 'system' }, { role: 'user', content: 'y' }], purpose: 'instructions', responseFormat: { schema: `{"type":"object","description":"${'z'.repeat(200)}"}`, type: 'json_object' } },
    ],
  ] satisfies [string, CompletionRequest][])('a call with %s rebuilds byte for byte', (_name, request) => {
    const original = call(request);
    const rebuilt = roundTrip(original);
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(original));
    expect(rebuilt).toStrictEqual(original);
  });

  test('two classify calls name the same parts, and only the task at hand stays in each record', () => {
    const settings = settingsFor('chat', 'json');
    const original = call(classifyRequest('Say whether this review is positive.', SEED_TASKS, settings, 3));
    const first = splitCall(original);
    const second = splitCall(call(classifyRequest('Is the number prime?', SEED_TASKS, settings, 3)));
    expect(first.parts.size).toBe(1);
    expect([...second.parts.keys()]).toEqual([...first.parts.keys()]);
    // The system text and the twelve examples are one part, most of the call.
    expect(JSON.stringify(first.record).length).toBeLessThan(JSON.stringify(original).length / 4);
    expect(first.record.request.mode === 'chat' && first.record.request.messages.last?.content).toEqual(['Task: Say whether this review is positive.\nIs it a classification task?']);
  });

  test('a raw-completion prompt keeps its examples as a part and its open task inline', () => {
    const request = classifyRequest('Is the number prime?', SEED_TASKS, settingsFor('completion', 'text'), 3);
    const { record } = splitCall(call(request));
    expect(record.request.mode === 'text' && record.request.prompt).toEqual([{ part: expect.any(String) }, 'Task: Is the number prime?\nIs it a classification task?']);
  });

  test('short texts stay inline: a call without long texts names no part', () => {
    const request: CompletionRequest = { mode: 'text', purpose: 'classify', prompt: 'p'.repeat(PART_MIN_CHARS - 1), params: { temperature: 0, topP: 1, maxTokens: 1 } };
    const { record, parts } = splitCall(call(request));
    expect(parts.size).toBe(0);
    expect(record.request).toEqual({ ...request, prompt: [request.prompt] });
  });
});

describe('the journal in PoolStore', () => {
  async function fresh(): Promise<{ db: StudioDatabase; store: PoolStore }> {
    const db = await openStudioDB(new IDBFactory());
    return { db, store: new PoolStore(db) };
  }

  /** Journals each call with a task of its own, and returns the calls as taskDetail reads them. */
  async function saveAndRead(store: PoolStore, calls: CallRecord[]): Promise<CallRecord[]> {
    const read: CallRecord[] = [];
    for (const [i, row] of calls.entries()) {
      await store.saveGeneration({ call: row, candidates: [taskRow({ id: `t${i}`, projectId: PROJECT, callId: row.id, stage: 'classify' })], instances: [] });
      read.push(...((await store.taskDetail(`t${i}`))?.calls ?? []));
    }
    return read;
  }

  test('tokenUsage sums the tokens of every call of the project, whatever its purpose, and none of another project', async () => {
    const { store } = await fresh();
    const withTokens = (projectId: string, id: string, purpose: CallRecord['purpose'], promptTokens: number, completionTokens: number): CallRecord => {
      const row = callRow(projectId, id, purpose);
      return { ...row, result: { ...row.result, promptTokens, completionTokens } };
    };
    const rows = [withTokens(PROJECT, 'c1', 'instructions', 100, 40), withTokens(PROJECT, 'c2', 'classify', 30, 1), withTokens(PROJECT, 'c3', 'instances', 50, 60), withTokens('other', 'c4', 'instances', 999, 999)];
    for (const [i, row] of rows.entries()) {
      await store.saveGeneration({ call: row, candidates: [taskRow({ id: `t${i}`, projectId: row.projectId, callId: row.id })], instances: [] });
    }
    expect(await store.tokenUsage(PROJECT)).toEqual({ promptTokens: 180, completionTokens: 101 });
    expect(await store.tokenUsage('empty')).toEqual({ promptTokens: 0, completionTokens: 0 });
  });

  test('every call of every kind reads back byte for byte, and a text repeated across calls is stored once', async () => {
    const { db, store } = await fresh();
    const requests = everyMethodRequest();
    const calls = [...requests, ...requests].map((request, i) => call(request, `call-${String(i).padStart(3, '0')}`));
    const read = await saveAndRead(store, calls);
    expect(read.map((row) => JSON.stringify(row))).toEqual(calls.map((row) => JSON.stringify(row)));
    const parts = await db.getAll('parts');
    const once = new Set(calls.flatMap((row) => [...splitCall(row).parts.values()]));
    expect(parts.map((part) => part.text).sort()).toEqual([...once].sort());
    expect(parts.every((part) => part.hash === contentHash(part.text) && part.projectId === PROJECT)).toBe(true);
  });

  test('a part stored under the same hash with another text leaves the call whole, and rebuilds it right', async () => {
    const { db, store } = await fresh();
    const request = classifyRequest('Is the number prime?', SEED_TASKS, settingsFor('chat', 'text'), 3);
    const original = call(request);
    const [hash] = [...splitCall(original).parts.keys()];
    const foreign = { projectId: PROJECT, hash: hash!, text: 'another text that happens to share the hash' };
    await db.put('parts', foreign);
    expect(await saveAndRead(store, [original])).toStrictEqual([original]);
    const stored: StoredCall | undefined = await db.get('calls', original.id);
    expect(stored?.request).toStrictEqual(splitCall(original, Infinity).record.request);
    expect(await db.getAll('parts')).toEqual([foreign]);
  });

  test('a failed step leaves no part behind', async () => {
    const { db, store } = await fresh();
    await store.saveGeneration({ call: callRow(PROJECT, 'call-1'), candidates: [taskRow({ id: 't1', projectId: PROJECT })], instances: [] });
    const request = classifyRequest('Is the number prime?', SEED_TASKS, settingsFor('chat', 'text'), 3);
    // The candidate reuses a stored id, so its add fails after the call and its parts were written.
    const failing = store.saveGeneration({ call: call(request, 'call-2'), candidates: [taskRow({ id: 't1', projectId: PROJECT })], instances: [] });
    await expect(failing).rejects.toMatchObject({ name: 'StorageError', reason: 'storage-conflict' });
    expect(await db.count('parts')).toBe(0);
    expect(await db.count('calls')).toBe(1);
  });
});
