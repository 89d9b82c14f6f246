// createRng and sampleInContext: determinism, ranges, sampling without replacement, the paper's
// machine/seed split of the in-context examples, and Alpaca's seeds-only draw.
import { describe, expect, it } from 'vitest';
import { createRng, defaultSettings, sampleInContext } from '../../src/lib/method';
import { SELF_INSTRUCT_SETTINGS } from '../fixtures/method/settings';

const SEEDS = Array.from({ length: 20 }, (_, i) => `seed ${i}`);
const MACHINE = Array.from({ length: 10 }, (_, i) => `machine ${i}`);

describe('createRng', () => {
  it('gives the same pinned sequence for a seed on every platform', () => {
    const rng = createRng(42);
    expect([rng.next(), rng.next(), rng.next()]).toEqual(GOLDEN_42);
  });

  it('gives different sequences for different seeds', () => {
    const a = createRng(1);
    const b = createRng(2);
    expect(Array.from({ length: 5 }, () => a.next())).not.toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it('keeps next() in [0, 1) and int(n) in [0, n)', () => {
    const rng = createRng(7);
    for (let i = 0; i < 1000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      expect(rng.int(3)).toBeOneOf([0, 1, 2]);
    }
  });

  it('samples distinct items and leaves the input untouched', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const picked = createRng(3).sample(items, 3);
    expect(new Set(picked).size).toBe(3);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
    picked.forEach((item) => expect(items).toContain(item));
  });

  it('shuffles into a permutation of the input', () => {
    const items = Array.from({ length: 30 }, (_, i) => i);
    const shuffled = createRng(5).shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
  });

  it('throws when asked for more items than there are', () => {
    expect(() => createRng(1).sample(['a'], 2)).toThrow(RangeError);
  });
});

describe('sampleInContext', () => {
  it('uses 8 seed instructions while no machine instruction exists', () => {
    const examples = sampleInContext(SEEDS, [], createRng(1), SELF_INSTRUCT_SETTINGS);
    expect(examples).toHaveLength(8);
    examples.forEach((example) => expect(SEEDS).toContain(example));
  });

  it('uses 1 machine and 7 seed instructions after the first acceptance', () => {
    const examples = sampleInContext(SEEDS, MACHINE.slice(0, 1), createRng(1), SELF_INSTRUCT_SETTINGS);
    expect(examples.filter((e) => e.startsWith('machine'))).toHaveLength(1);
    expect(examples.filter((e) => e.startsWith('seed'))).toHaveLength(7);
  });

  it('uses 2 machine and 6 seed instructions once there are more, all distinct', () => {
    const examples = sampleInContext(SEEDS, MACHINE, createRng(1), SELF_INSTRUCT_SETTINGS);
    expect(examples.filter((e) => e.startsWith('machine'))).toHaveLength(2);
    expect(new Set(examples).size).toBe(8);
  });

  it('honours the settings\' total and machine sizes, and takes every seed when there are too few', () => {
    const settings = { ...defaultSettings('self-instruct'), inContext: { total: 5, machine: 3, alpacaSeeds: 3 } };
    const examples = sampleInContext(SEEDS, MACHINE, createRng(1), settings);
    expect(examples).toHaveLength(5);
    expect(examples.filter((e) => e.startsWith('machine'))).toHaveLength(3);
    expect(sampleInContext(SEEDS.slice(0, 3), MACHINE, createRng(1), SELF_INSTRUCT_SETTINGS)).toHaveLength(5);
  });

  it('draws only 3 seeds, never machine items, for Alpaca', () => {
    const examples = sampleInContext(SEEDS, MACHINE, createRng(1), defaultSettings('alpaca'));
    expect(examples).toHaveLength(3);
    examples.forEach((example) => expect(SEEDS).toContain(example));
    expect(sampleInContext(SEEDS.slice(0, 2), MACHINE, createRng(1), defaultSettings('alpaca'))).toHaveLength(2);
  });

  it('is deterministic for a seed and varies between seeds', () => {
    expect(sampleInContext(SEEDS, MACHINE, createRng(9), SELF_INSTRUCT_SETTINGS)).toEqual(sampleInContext(SEEDS, MACHINE, createRng(9), SELF_INSTRUCT_SETTINGS));
    expect(sampleInContext(SEEDS, MACHINE, createRng(9), SELF_INSTRUCT_SETTINGS)).not.toEqual(sampleInContext(SEEDS, MACHINE, createRng(10), SELF_INSTRUCT_SETTINGS));
  });

  it('shuffles machine instructions among the seeds rather than putting them first', () => {
    const positions = new Set(
      Array.from({ length: 40 }, (_, seed) => sampleInContext(SEEDS, MACHINE, createRng(seed), SELF_INSTRUCT_SETTINGS).findIndex((e) => e.startsWith('machine'))),
    );
    expect(positions.size).toBeGreaterThan(3);
  });
});

// mulberry32's output for seed 42, as other implementations of it also give.
const GOLDEN_42 = [0.6011037519201636, 0.44829055899754167, 0.8524657934904099];
