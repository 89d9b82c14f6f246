// defaultSettings, hashSeedSet and settingsFingerprint: the paper's and Alpaca's
// numbers, independent copies, and fingerprints that are stable and change with what matters.
import { describe, expect, it } from 'vitest';
import { ALPACA_BLACKLIST, defaultSettings, hashSeedSet, SELF_INSTRUCT_BLACKLIST, settingsFingerprint } from '../../src/lib/method';
import type { MethodSettings, SeedTask } from '../../src/lib/vocabulary';
import { SEED_TASKS } from '../fixtures/method/seed-tasks';

describe('defaultSettings', () => {
  it("holds Self-Instruct's numbers, with chat prompts and free text", () => {
    const settings = defaultSettings('self-instruct');
    expect(settings).toMatchObject({
      strategy: 'self-instruct',
      promptStyle: 'chat',
      outputMode: 'text',
      rougeThreshold: 0.7,
      inContext: { total: 8, machine: 2, alpacaSeeds: 3 },
      maxNewPerPrompt: 7,
      maxInstances: 5,
      heuristics: { minWords: 3, maxWords: 150, blacklist: [...SELF_INSTRUCT_BLACKLIST] },
    });
    expect(settings.sampling.instructions).toEqual({ temperature: 0.7, topP: 0.5, maxTokens: 1024, presencePenalty: 2 });
    expect(settings.sampling.classify).toMatchObject({ temperature: 0 });
    expect(settings.sampling.instances).toMatchObject({ temperature: 0 });
    expect(Object.values(settings.heuristics.enabled).every(Boolean)).toBe(true);
  });

  it("holds Alpaca's numbers: 20 tasks a response, its blacklist and sampling", () => {
    const settings = defaultSettings('alpaca');
    expect(settings).toMatchObject({ strategy: 'alpaca', maxNewPerPrompt: 20, heuristics: { blacklist: [...ALPACA_BLACKLIST] } });
    expect(settings.sampling.instructions).toEqual({ temperature: 1, topP: 1, maxTokens: 3072 });
  });

  it('gives a fresh copy each time, so editing one leaves the others alone', () => {
    const a = defaultSettings('self-instruct');
    a.heuristics.blacklist.push('weather');
    a.templates.classify.chat.user = 'edited';
    a.sampling.instructions.temperature = 1.2;
    const b = defaultSettings('self-instruct');
    expect(b.heuristics.blacklist).toEqual([...SELF_INSTRUCT_BLACKLIST]);
    expect(b.templates.classify.chat.user).not.toBe('edited');
    expect(b.sampling.instructions.temperature).toBe(0.7);
  });
});

describe('hashSeedSet', () => {
  it('is 16 hex digits, the same for equal seed sets', () => {
    const hash = hashSeedSet(SEED_TASKS);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(hashSeedSet(structuredClone(SEED_TASKS))).toBe(hash);
  });

  it('changes when the seeds are reordered', () => {
    expect(hashSeedSet([...SEED_TASKS].reverse())).not.toBe(hashSeedSet(SEED_TASKS));
  });

  it.each<[string, (seed: SeedTask) => SeedTask]>([
    ['instruction', (seed) => ({ ...seed, instruction: `${seed.instruction} ` })],
    ['instance output', (seed) => ({ ...seed, instances: [{ input: seed.instances[0]!.input, output: 'changed' }] })],
    ['class', (seed) => ({ ...seed, isClassification: !seed.isClassification })],
    ['id', (seed) => ({ ...seed, id: 'other' })],
  ])('changes when one seed\'s %s changes', (_, change) => {
    expect(hashSeedSet([change(SEED_TASKS[0]!), ...SEED_TASKS.slice(1)])).not.toBe(hashSeedSet(SEED_TASKS));
  });

  it('tells an empty seed set from one empty seed', () => {
    const empty: SeedTask = { id: '', name: '', instruction: '', instances: [], isClassification: false };
    expect(hashSeedSet([])).not.toBe(hashSeedSet([empty]));
  });
});

describe('settingsFingerprint', () => {
  const seedHash = hashSeedSet(SEED_TASKS);

  it('is the same whatever order the keys were written in', () => {
    const settings = defaultSettings('self-instruct');
    const reordered = Object.fromEntries(Object.entries(structuredClone(settings)).reverse()) as unknown as MethodSettings;
    reordered.sampling = { instances: settings.sampling.instances, classify: settings.sampling.classify, instructions: settings.sampling.instructions };
    expect(settingsFingerprint(reordered, seedHash)).toBe(settingsFingerprint(settings, seedHash));
    expect(settingsFingerprint(settings, seedHash)).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each<[string, (settings: MethodSettings) => void]>([
    ['the strategy', (s) => (s.strategy = 'alpaca')],
    ['the output mode', (s) => (s.outputMode = 'json')],
    ['the prompt style', (s) => (s.promptStyle = 'completion')],
    ['a template text', (s) => (s.templates.classify.completion += ' ')],
    ['a switched-off rule', (s) => (s.heuristics.enabled['write-a-program'] = false)],
    ['the blacklist', (s) => s.heuristics.blacklist.pop()],
    ['the threshold', (s) => (s.rougeThreshold = 0.8)],
    ['a sampling value', (s) => (s.sampling.classify.maxTokens = 4)],
    ['an in-context size', (s) => (s.inContext.machine = 1)],
  ])('changes with %s', (_, change) => {
    const settings = defaultSettings('self-instruct');
    change(settings);
    expect(settingsFingerprint(settings, seedHash)).not.toBe(settingsFingerprint(defaultSettings('self-instruct'), seedHash));
  });

  it('changes with the seed set', () => {
    const settings = defaultSettings('self-instruct');
    expect(settingsFingerprint(settings, hashSeedSet(SEED_TASKS.slice(1)))).not.toBe(settingsFingerprint(settings, seedHash));
  });

  it('ignores keys set to undefined, as JSON storage would drop them', () => {
    const settings = defaultSettings('self-instruct');
    const withUndefined = { ...settings, sampling: { ...settings.sampling, classify: { ...settings.sampling.classify, frequencyPenalty: undefined } } };
    expect(settingsFingerprint(withUndefined, seedHash)).toBe(settingsFingerprint(settings, seedHash));
  });
});
