// Our own downloads read back as seed tasks: each format we both write and read gives back the
// instructions, inputs and outputs of a small pool, as far as the format keeps them (the chat and
// prompt/completion and ShareGPT formats keep no classification mark and no task id).
import { describe, expect, it } from 'vitest';
import { exportFile, type ExportFormat } from '../../src/lib/export';
import type { ImportResult } from '../../src/lib/seeds/import-result';
import { importSeeds } from '../../src/lib/seeds/import-seeds';
import type { ExportRow, Instance } from '../../src/lib/vocabulary';
import { taskRow } from '../fixtures/pool-rows';

function row(id: string, instruction: string, instances: Instance[], isClassification = false): ExportRow {
  return { task: taskRow({ id, instruction, isClassification }), instances, modelId: 'model-a' };
}

/** Inputs and outputs that look like the formats' own joins: blank lines, "Input:" and "Output:" headings. */
const ROWS: ExportRow[] = [
  row('t1', 'Sort the words.', [{ input: 'pear apple', output: 'apple pear' }, { input: 'b a\n\nc', output: 'a b c' }], true),
  row('t2', 'Write a motto.', [{ input: '', output: 'Measure twice.\n\nCut once.' }]),
  row('t3', 'Rewrite the form as prose.', [{ input: 'Name:\nInput:\nBob\n\nOutput:\nx', output: 'Output:\nBob is named.' }]),
];

const FILE_NAMES: Partial<Record<ExportFormat, string>> = {
  'self-instruct-jsonl': 'self-instruct.jsonl',
  'alpaca-json': 'alpaca.json',
  csv: 'dataset.csv',
  'openai-jsonl': 'openai.jsonl',
  'prompt-completion-jsonl': 'prompt-completion.jsonl',
  'sharegpt-json': 'sharegpt.json',
  parquet: 'dataset.parquet',
};

async function readBack(format: ExportFormat, systemPrompt?: string, fileName = FILE_NAMES[format]!): Promise<Extract<ImportResult, { ok: true }>> {
  // Text chunks and Parquet's bytes alike, as the download's Blob joins them.
  const file = new Blob([...exportFile(format, ROWS, { systemPrompt }).chunks]);
  const result = await importSeeds(new Uint8Array(await file.arrayBuffer()), fileName);
  if (!result.ok) throw new Error(`line ${result.line}: ${result.problem}`);
  return result;
}

const tasksOf = (result: { seeds: { instruction: string; instances: Instance[] }[] }) => result.seeds.map(({ instruction, instances }) => ({ instruction, instances }));
const EXPECTED = ROWS.map(({ task, instances }) => ({ instruction: task.instruction, instances: [...instances] }));

describe('a download imported back as seed tasks', () => {
  it.each(Object.keys(FILE_NAMES) as ExportFormat[])('%s gives back every instruction with its inputs and outputs', async (format) => {
    expect(tasksOf(await readBack(format))).toEqual(EXPECTED);
  });

  it('OpenAI chat JSONL is detected as such, and its system message is left out', async () => {
    const result = await readBack('openai-jsonl', 'You are a careful assistant.');
    expect(result.format).toBe('openai-jsonl');
    expect(tasksOf(result)).toEqual(EXPECTED);
  });

  it('prompt/completion JSONL is detected as such', async () => {
    expect((await readBack('prompt-completion-jsonl')).format).toBe('prompt-completion-jsonl');
  });

  it('ShareGPT JSON is detected as such', async () => {
    expect((await readBack('sharegpt-json')).format).toBe('sharegpt-json');
  });

  it('Parquet is detected by its bytes, whatever the file is named', async () => {
    const result = await readBack('parquet', undefined, 'download');
    expect(result.format).toBe('parquet');
    expect(tasksOf(result)).toEqual(EXPECTED);
  });

  it('the formats with a classification mark keep it', async () => {
    for (const format of ['self-instruct-jsonl', 'csv', 'parquet'] as const) {
      expect((await readBack(format)).seeds.map((seed) => seed.isClassification), format).toEqual([true, false, false]);
    }
  });
});
