// Importing seed tasks from good files: the shared Self-Instruct seed file, Alpaca’s 52K release, our fixtures in each
// format, and pasted text. Broken files are in seeds-broken.test.ts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../src/lib/seeds/import-result';
import { importPastedText, importSeeds } from '../../src/lib/seeds/import-seeds';

const SHARED_SEEDS = fileURLToPath(new URL('../../../shared/data/seed_tasks.jsonl', import.meta.url));
const ALPACA_52K = fileURLToPath(new URL('../../../shared/data/corpus/alpaca_data.json', import.meta.url));
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url)));
const bytes = (text: string) => new TextEncoder().encode(text);

function imported(result: ImportResult) {
  if (!result.ok) throw new Error(`import failed at line ${result.line}: ${result.problem}`);
  return result;
}

// readFileSync throws ENOENT when the shared data is missing, so the test fails rather than skips.
const seedFile = imported(await importSeeds(readFileSync(SHARED_SEEDS), 'seed_tasks.jsonl'));

describe('the Self-Instruct seed file from ../shared/data', () => {
  it('gives 175 tasks, 26 of them classification, each with its one instance, and no notes', () => {
    expect(seedFile.format).toBe('self-instruct-jsonl');
    expect(seedFile.seeds).toHaveLength(175);
    expect(seedFile.seeds.filter((seed) => seed.isClassification)).toHaveLength(26);
    expect(seedFile.seeds.every((seed) => seed.instances.length === 1)).toBe(true);
    expect(seedFile.notes).toEqual([]);
  });

  it('keeps the file ids and names in file order', () => {
    expect(seedFile.seeds.map((seed) => seed.id)).toEqual(Array.from({ length: 175 }, (_, index) => `seed_task_${index}`));
    expect(seedFile.seeds[0]!.name).not.toBe('');
  });

  it('reads the same tasks from a CRLF copy with a byte order mark', async () => {
    const text = readFileSync(SHARED_SEEDS, 'utf8').replaceAll('\n', '\r\n');
    expect(imported(await importSeeds(bytes(`\uFEFF${text}`), 'seeds.jsonl')).seeds).toEqual(seedFile.seeds);
  });
});

describe('Alpaca’s 52K release from ../shared/data/corpus (22.8 MB, under the 25 MB limit)', () => {
  it('imports all 52,002 tasks and notes the 16 examples that have an input but no output', async () => {
    const result = imported(await importSeeds(readFileSync(ALPACA_52K), 'alpaca_data.json'));
    expect(result.format).toBe('alpaca-json');
    expect(result.seeds).toHaveLength(52_002);
    expect(result.notes[0]).toMatch(/^Left out 16 examples with an input but no output/);
  });
});

describe('instance-level files', () => {
  it('combines Alpaca JSON items that share an instruction into one task with both examples', async () => {
    const result = imported(await importSeeds(fixture('alpaca.json'), 'alpaca.json'));
    expect(result.format).toBe('alpaca-json');
    expect(result.seeds.map((seed) => [seed.instruction, seed.instances.length])).toEqual([
      ['Turn the sentence into the passive voice.', 2],
      ['Suggest a name for a bakery that sells only bread.', 1],
    ]);
    expect(result.notes[0]).toMatch(/^3 entries became 2 seed tasks/);
  });

  it('reads JSONL of examples, with is_classification and Dolly’s "context"/"response" names', async () => {
    const result = imported(await importSeeds(fixture('examples.jsonl'), 'examples.jsonl'));
    expect(result.format).toBe('jsonl');
    expect(result.seeds.map(({ instances, isClassification }) => [instances, isClassification])).toEqual([
      [[{ input: 'The soup was cold and bland.', output: 'negative' }], true],
      [[{ input: '', output: 'Holding papers, resetting a router, a makeshift zipper pull.' }], false],
      [[{ input: 'Kenya', output: 'Nairobi' }], false],
    ]);
  });

  it('reads CSV with quoted commas, doubled quotes and a multi-line field', async () => {
    const result = imported(await importSeeds(fixture('tasks.csv'), 'tasks.csv'));
    expect(result.format).toBe('csv');
    expect(result.seeds.map(({ instruction, instances, isClassification }) => ({ instruction, instances, isClassification }))).toEqual([
      { instruction: 'Write a haiku about "rain".', instances: [{ input: '', output: 'Soft rain on the roof,\nthe gutters hum a low song,\nsleep comes easily.' }], isClassification: false },
      { instruction: 'Sort the numbers in ascending order.', instances: [{ input: '5, 3, 9', output: '3 5 9' }], isClassification: false },
      { instruction: 'Is the statement a fact or an opinion?', instances: [{ input: 'Blue is the best colour.', output: 'opinion' }], isClassification: true },
    ]);
  });

  it('reads the same CSV saved with CRLF line ends, keeping CRLF inside the quoted field', async () => {
    const crlf = fixture('tasks.csv').toString('utf8').replaceAll('\n', '\r\n');
    const result = imported(await importSeeds(bytes(crlf), 'tasks.csv'));
    expect(result.seeds[0]!.instances[0]!.output).toBe('Soft rain on the roof,\r\nthe gutters hum a low song,\r\nsleep comes easily.');
    expect(result.seeds).toHaveLength(3);
  });

  it('reads CSV separated by semicolons, as spreadsheets in many locales save it', async () => {
    const result = imported(await importSeeds(fixture('semicolons.csv'), 'semicolons.csv'));
    expect(result.seeds[0]).toMatchObject({ instruction: 'Translate the word into French.', instances: [{ input: 'cheese', output: 'fromage' }] });
  });

  it('leaves out an example with an input but no output, keeps its instruction and says so', async () => {
    const text = JSON.stringify([{ instruction: 'Convert the date to ISO 8601.', input: 'July 4th, 1999', output: '' }]);
    const result = imported(await importSeeds(bytes(text), 'data.json'));
    expect(result.seeds[0]).toMatchObject({ instruction: 'Convert the date to ISO 8601.', instances: [] });
    expect(result.notes[0]).toBe('Left out 1 example with an input but no output (the first on line 1), as Self-Instruct drops examples with an empty output.');
  });
});

describe('format detection', () => {
  it.each([
    ['a JSON array without an extension', '[{"instruction": "Name a bird."}]', 'upload', 'alpaca-json'],
    ['JSONL named .json', '{"instruction": "Name a bird."}', 'data.json', 'jsonl'],
    ['Self-Instruct lines without an extension', '{"instruction": "Name a bird.", "instances": []}', 'seeds', 'self-instruct-jsonl'],
    ['a header naming "instruction" without an extension', 'Instruction,Output\nName a bird.,robin', 'export', 'csv'],
    ['a .txt file even when a line starts with "["', '[Draft] Name a bird.', 'list.txt', 'text'],
    ['OpenAI chat lines without an extension', '{"messages": [{"role": "user", "content": "Name a bird."}, {"role": "assistant", "content": "Robin."}]}', 'chats', 'openai-jsonl'],
    ['prompt/completion lines named .json', '{"prompt": "Name a bird.", "completion": "Robin."}', 'data.json', 'prompt-completion-jsonl'],
    ['lines with both "instruction" and "prompt" as examples', '{"instruction": "Name a bird.", "prompt": "x", "output": "Robin."}', 'data.jsonl', 'jsonl'],
    ['JSON lines named .md', '{"instruction": "Name a bird."}', 'notes.md', 'jsonl'],
  ])('reads %s as %s', async (_, text, fileName, format) => {
    expect(imported(await importSeeds(bytes(text), fileName)).format).toBe(format);
  });
});

describe('prompt/completion from another tool', () => {
  it('reads a prompt without our "Input:" and "Output:" headings as the instruction, and the completion as its output', async () => {
    const text = '{"prompt": "Translate to French: cheese ->", "completion": " fromage"}\n';
    const result = imported(await importSeeds(bytes(text), 'legacy.jsonl'));
    expect(result.seeds.map(({ instruction, instances }) => ({ instruction, instances }))).toEqual([
      { instruction: 'Translate to French: cheese ->', instances: [{ input: '', output: ' fromage' }] },
    ]);
  });
});

describe('pasted text', () => {
  it('takes one instruction per line, removes list markers, skips blanks and combines repeats', () => {
    const result = imported(importPastedText(fixture('pasted.txt').toString('utf8')));
    expect(result.format).toBe('text');
    expect(result.seeds).toEqual([
      { id: 'seed_task_0', name: '', instruction: 'Explain why the sky looks blue at noon.', instances: [], isClassification: false },
      { id: 'seed_task_1', name: '', instruction: 'Write a limerick about a forgetful cat.', instances: [], isClassification: false },
      { id: 'seed_task_2', name: '', instruction: 'Give a synonym for "happy".', instances: [], isClassification: false },
    ]);
  });

  it('notes that the tasks have no examples and none is marked as classification', () => {
    const { notes } = imported(importPastedText('Explain tides.\nName three rivers.'));
    expect(notes).toEqual([
      expect.stringMatching(/^2 of 2 seed tasks have no example input and output\. .*only seed tasks with examples are shown/),
      expect.stringMatching(/^No seed task is marked as a classification task/),
    ]);
  });

  it('refuses blank text', () => {
    expect(importPastedText(' \n\t\n')).toEqual({ ok: false, problem: 'there is no text; paste one instruction per line' });
  });
});

describe('long instructions', () => {
  const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');

  it('imports instructions over 150 words with a note naming the first line', () => {
    const { seeds, notes } = imported(importPastedText(`Name a bird.\n${words(151)}\n${words(200)}`));
    expect(seeds).toHaveLength(3);
    expect(notes[0]).toBe(
      "2 instructions (the first on line 2) are longer than 150 words. They are imported, but the method's filter rejects new instructions that long, " +
        'and every prompt that shows one as an example grows by it.',
    );
  });

  it('adds no note for an instruction of exactly 150 words', () => {
    const { notes } = imported(importPastedText(words(150)));
    expect(notes.some((note) => note.includes('longer than 150 words'))).toBe(false);
  });
});
