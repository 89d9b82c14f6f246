// The bundled default seed set (public/seeds/default.jsonl): 175 original tasks in the
// Self-Instruct seed format. These checks keep it well-formed, diverse, clean under the
// Self-Instruct instruction heuristics, and clearly distinct from the original Self-Instruct seeds.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rougeL, tokenize } from '../../src/lib/rouge';
import { parseSeedFile } from '../../src/lib/seeds';

const here = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_SEEDS_PATH = path.resolve(here, '../../public/seeds/default.jsonl');
// The original Self-Instruct seeds live beside the repository, in ../shared/data.
const ORIGINAL_SEEDS_PATH = path.resolve(here, '../../../shared/data/seed_tasks.jsonl');

const EXPECTED_COUNT = 175;
const MIN_CLASSIFICATION = 25;
const MAX_ROUGE_VS_ORIGINAL = 0.5; // every default seed must score strictly below this
const MAX_ROUGE_PAIRWISE = 0.7; // no two default seeds may score above this

// Self-Instruct's filter: these words (as whole words, any case) mark tasks a text model cannot do.
const BLACKLIST = ['image', 'images', 'graph', 'graphs', 'picture', 'pictures', 'file', 'files', 'map', 'maps', 'draw', 'plot', 'go to'];

interface SeedLine {
  id: string;
  name: string;
  instruction: string;
  instances: { input: string; output: string }[];
  is_classification: boolean;
}

function readText(file: string): string {
  // fatal: true makes invalid UTF-8 throw instead of turning into U+FFFD.
  return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
}

const raw = readText(DEFAULT_SEEDS_PATH);
const lines = raw.split('\n').slice(0, -1); // the text ends with exactly one newline
const seeds: SeedLine[] = lines.map((line) => JSON.parse(line) as SeedLine);

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

function blacklisted(instruction: string): string[] {
  return BLACKLIST.filter((word) => new RegExp(`\\b${word}\\b`, 'i').test(instruction));
}

describe('default seed set: format', () => {
  it('is UTF-8 text ending with a single newline, with 175 non-blank lines that parse as JSON', () => {
    expect(raw.endsWith('\n')).toBe(true);
    expect(raw.endsWith('\n\n')).toBe(false);
    expect(raw.includes('\r')).toBe(false);
    expect(lines).toHaveLength(EXPECTED_COUNT);
    for (const [index, line] of lines.entries()) {
      expect(line.trim(), `line ${index + 1} is blank`).not.toBe('');
      expect(() => JSON.parse(line), `line ${index + 1} is not JSON`).not.toThrow();
    }
  });

  it('has exactly the Self-Instruct seed fields, with the right types', () => {
    for (const seed of seeds) {
      expect(Object.keys(seed).sort(), seed.id).toEqual(['id', 'instances', 'instruction', 'is_classification', 'name']);
      expect(typeof seed.id).toBe('string');
      expect(typeof seed.name).toBe('string');
      expect(typeof seed.instruction).toBe('string');
      expect(typeof seed.is_classification).toBe('boolean');
      expect(Array.isArray(seed.instances)).toBe(true);
      for (const instance of seed.instances) {
        expect(Object.keys(instance).sort(), seed.id).toEqual(['input', 'output']);
        expect(typeof instance.input).toBe('string');
        expect(typeof instance.output).toBe('string');
        expect(instance.output.trim(), `${seed.id} has an empty output`).not.toBe('');
      }
    }
  });

  it('numbers the ids seed_task_0 … seed_task_174 in order, with unique snake_case names', () => {
    expect(seeds.map((seed) => seed.id)).toEqual(Array.from({ length: EXPECTED_COUNT }, (_, i) => `seed_task_${i}`));
    const names = seeds.map((seed) => seed.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
  });

  it('gives every task exactly one instance', () => {
    for (const seed of seeds) expect(seed.instances, seed.id).toHaveLength(1);
  });

  it('is accepted by the app’s own seed parser', () => {
    const result = parseSeedFile(raw);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.seeds).toHaveLength(EXPECTED_COUNT);
  });
});

describe('default seed set: balance', () => {
  it('has at least 25 classification tasks', () => {
    const classification = seeds.filter((seed) => seed.is_classification).length;
    expect(classification).toBeGreaterThanOrEqual(MIN_CLASSIFICATION);
  });

  it('has a non-empty input on 60% to 80% of the tasks', () => {
    const withInput = seeds.filter((seed) => seed.instances[0]!.input.trim() !== '').length;
    const ratio = withInput / seeds.length;
    expect(ratio).toBeGreaterThanOrEqual(0.6);
    expect(ratio).toBeLessThanOrEqual(0.8);
  });
});

describe('default seed set: Self-Instruct instruction heuristics', () => {
  it('uses none of the blacklisted words', () => {
    const offenders = seeds
      .map((seed) => ({ id: seed.id, words: blacklisted(seed.instruction) }))
      .filter(({ words }) => words.length > 0);
    expect(offenders).toEqual([]);
  });

  it('never starts with "Write a program"', () => {
    for (const seed of seeds) expect(seed.instruction.startsWith('Write a program'), seed.id).toBe(false);
  });

  it('starts every instruction with an ASCII letter (not punctuation, a digit or a non-ASCII character)', () => {
    for (const seed of seeds) expect(seed.instruction, seed.id).toMatch(/^[A-Za-z]/);
  });

  it('keeps every instruction between 4 and 150 words', () => {
    for (const seed of seeds) {
      const words = wordCount(seed.instruction);
      expect(words, seed.id).toBeGreaterThan(3);
      expect(words, seed.id).toBeLessThanOrEqual(150);
    }
  });
});

describe('default seed set: originality and diversity (ROUGE-L)', () => {
  it('scores below 0.5 against every instruction of the original Self-Instruct seeds', () => {
    if (!existsSync(ORIGINAL_SEEDS_PATH)) {
      throw new Error(
        `The original Self-Instruct seeds are missing at ${ORIGINAL_SEEDS_PATH}; ` +
          'this check cannot run without them (it must not be skipped).',
      );
    }
    const originals = readText(ORIGINAL_SEEDS_PATH)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { instruction: string }).instruction);
    expect(originals.length).toBeGreaterThan(0);
    expect(tokenize(originals[0]!).length).toBeGreaterThan(0);

    let worst = { score: 0, seed: '', original: '' };
    for (const seed of seeds) {
      for (const original of originals) {
        const score = rougeL(original, seed.instruction).fmeasure;
        if (score > worst.score) worst = { score, seed: seed.instruction, original };
      }
    }
    expect(worst.score, `"${worst.seed}" is too close to "${worst.original}"`).toBeLessThan(MAX_ROUGE_VS_ORIGINAL);
  });

  it('has no two seeds scoring above 0.7 against each other', () => {
    let worst = { score: 0, a: '', b: '' };
    for (const a of seeds) {
      for (const b of seeds) {
        if (a === b) continue;
        const score = rougeL(a.instruction, b.instruction).fmeasure;
        if (score > worst.score) worst = { score, a: a.id, b: b.id };
      }
    }
    expect(worst.score, `${worst.a} and ${worst.b} are near-duplicates`).toBeLessThanOrEqual(MAX_ROUGE_PAIRWISE);
  });
});
