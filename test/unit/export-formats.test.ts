// Each text format on its own: records parsed back from the chunks, untrusted model text kept
// (or, in CSV, defused), empty exports still valid, and chunks of at most 500 rows.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportFile, type ExportFormat } from '../../src/lib/export';
import type { ExportRow, Instance, Task } from '../../src/lib/vocabulary';
import { taskRow } from '../fixtures/pool-rows';

const UNTRUSTED = [
  'He said "stop", then left,\nand a second line',
  '=HYPERLINK("http://example.test","click")',
  '</script><script>alert(1)</script>',
  'naïve café — 日本語 🙂',
  '+1 and -2 and @SUM(A1)',
  'tab\there; semicolon',
];

function task(id: string, instruction: string, isClassification = false): Task {
  return taskRow({ id, instruction, isClassification });
}

function row(id: string, instruction: string, instances: Instance[], isClassification = false): ExportRow {
  return { task: task(id, instruction, isClassification), instances, modelId: 'model-a' };
}

/** Two tasks with instances (one with an input, one without) and one left with none. */
const ROWS: ExportRow[] = [
  row('t1', 'Sort the words.', [{ input: 'pear apple', output: 'apple pear' }, { input: 'b a', output: 'a b' }], true),
  row('t2', 'Write a motto.', [{ input: '', output: 'Measure twice.' }]),
  row('t3', 'Never finished.', []),
];

/** The judge's columns (src/lib/export/judge-columns.ts) of a task without a current verdict. */
const NOT_JUDGED_FIELDS = { judge_score: null, judge_valid_instruction: null, judge_appropriate_input: null, judge_acceptable_outputs: null, judge_reason: null, judge_model: null };
const NOT_JUDGED_CELLS = { judge_score: '', judge_valid_instruction: '', judge_appropriate_input: '', judge_acceptable_output: '', judge_reason: '', judge_model: '' };
const CSV_HEADER = 'instruction,input,output,is_classification,task_id,judge_score,judge_valid_instruction,judge_appropriate_input,judge_acceptable_output,judge_reason,judge_model';

const text = (format: ExportFormat, rows: ExportRow[], systemPrompt?: string) => [...exportFile(format, rows, { systemPrompt }).chunks].join('');
const lines = <T = unknown>(body: string) => body.trimEnd().split('\n').map((line) => JSON.parse(line) as T);

describe('records per format', () => {
  it('Self-Instruct JSONL has one line per task with instances, with provenance', () => {
    expect(lines(text('self-instruct-jsonl', ROWS))).toEqual([
      { id: 't1', instruction: 'Sort the words.', instances: ROWS[0]!.instances, is_classification: true, provenance: { model: 'model-a', run: 'run-1', created: '1970-01-01T00:00:00.000Z' }, ...NOT_JUDGED_FIELDS },
      { id: 't2', instruction: 'Write a motto.', instances: ROWS[1]!.instances, is_classification: false, provenance: { model: 'model-a', run: 'run-1', created: '1970-01-01T00:00:00.000Z' }, ...NOT_JUDGED_FIELDS },
    ]);
  });

  it('Alpaca JSON is one array item per instance', () => {
    expect(JSON.parse(text('alpaca-json', ROWS))).toEqual([
      { instruction: 'Sort the words.', input: 'pear apple', output: 'apple pear' },
      { instruction: 'Sort the words.', input: 'b a', output: 'a b' },
      { instruction: 'Write a motto.', input: '', output: 'Measure twice.' },
    ]);
  });

  it('ShareGPT puts the input after the instruction in the human turn', () => {
    const records = JSON.parse(text('sharegpt-json', ROWS)) as unknown[];
    expect(records).toHaveLength(3);
    expect(records[0]).toEqual({ conversations: [{ from: 'human', value: 'Sort the words.\n\npear apple' }, { from: 'gpt', value: 'apple pear' }] });
    expect(records[2]).toEqual({ conversations: [{ from: 'human', value: 'Write a motto.' }, { from: 'gpt', value: 'Measure twice.' }] });
  });

  it('OpenAI JSONL has user and assistant messages, after the system message when one is given', () => {
    const [first] = lines(text('openai-jsonl', ROWS, 'You are terse.'));
    expect(first).toEqual({
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Sort the words.\n\npear apple' },
        { role: 'assistant', content: 'apple pear' },
      ],
    });
    expect(lines(text('openai-jsonl', ROWS, '  '))[2]).toEqual({
      messages: [{ role: 'user', content: 'Write a motto.' }, { role: 'assistant', content: 'Measure twice.' }],
    });
  });

  it('prompt/completion labels the input and ends the prompt with "Output:"', () => {
    const records = lines(text('prompt-completion-jsonl', ROWS));
    expect(records[0]).toEqual({ prompt: 'Sort the words.\n\nInput:\npear apple\n\nOutput:\n', completion: 'apple pear' });
    expect(records[2]).toEqual({ prompt: 'Write a motto.\n\nOutput:\n', completion: 'Measure twice.' });
  });

  it('CSV starts with a byte order mark and a header, and has one CRLF row per instance', () => {
    const body = text('csv', ROWS);
    expect(body.startsWith(`\uFEFF${CSV_HEADER}\r\n`)).toBe(true);
    expect(Papa.parse(body.slice(1), { header: true, skipEmptyLines: true }).data).toEqual([
      { instruction: 'Sort the words.', input: 'pear apple', output: 'apple pear', is_classification: 'true', task_id: 't1', ...NOT_JUDGED_CELLS },
      { instruction: 'Sort the words.', input: 'b a', output: 'a b', is_classification: 'true', task_id: 't1', ...NOT_JUDGED_CELLS },
      { instruction: 'Write a motto.', input: '', output: 'Measure twice.', is_classification: 'false', task_id: 't2', ...NOT_JUDGED_CELLS },
    ]);
  });
});

describe('untrusted model text', () => {
  const rows = UNTRUSTED.map((value, index) => row(`u${index}`, `Echo ${value}`, [{ input: value, output: value }]));

  /** Where each format keeps the instance's output. */
  const outputs: [ExportFormat, (body: string) => string[]][] = [
    ['self-instruct-jsonl', (body) => lines<{ instances: Instance[] }>(body).map((record) => record.instances[0]!.output)],
    ['alpaca-json', (body) => (JSON.parse(body) as Instance[]).map((record) => record.output)],
    ['sharegpt-json', (body) => (JSON.parse(body) as { conversations: { value: string }[] }[]).map((record) => record.conversations[1]!.value)],
    ['openai-jsonl', (body) => lines<{ messages: { content: string }[] }>(body).map((record) => record.messages[1]!.content)],
    ['prompt-completion-jsonl', (body) => lines<{ completion: string }>(body).map((record) => record.completion)],
  ];

  it.each(outputs)('%s gives back the exact text', (format, outputsOf) => {
    expect(outputsOf(text(format, rows))).toEqual(UNTRUSTED);
  });

  it('CSV keeps quotes, commas and line breaks, and defuses cells that would start a formula', () => {
    const parsed = Papa.parse<string[]>(text('csv', rows).slice(1), { skipEmptyLines: true }).data.slice(1);
    const outputs = parsed.map((cells) => cells[2]);
    expect(outputs).toEqual(UNTRUSTED.map((value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)));
    expect(outputs[1]).toBe(`'=HYPERLINK("http://example.test","click")`);
    expect(outputs[4]).toBe(`'+1 and -2 and @SUM(A1)`);
  });

  it('CSV defuses a cell that would start a formula even when a line break follows', () => {
    const multiLine = ['+1+2\n-3', '=1\r\n=2', '-\nx', '@A1\n', '\t\nx', '\r\nx'];
    const body = text('csv', multiLine.map((value, index) => row(`m${index}`, value, [{ input: value, output: value }])));
    const parsed = Papa.parse<string[]>(body.slice(1), { skipEmptyLines: true }).data.slice(1);
    const defused = multiLine.map((value) => `'${value}`);
    expect(parsed.map((cells) => cells.slice(0, 3))).toEqual(defused.map((value) => [value, value, value]));
  });
});

describe('empty exports', () => {
  it.each<[ExportFormat, string]>([
    ['self-instruct-jsonl', ''],
    ['alpaca-json', '[]\n'],
    ['sharegpt-json', '[]\n'],
    ['openai-jsonl', ''],
    ['prompt-completion-jsonl', ''],
    ['csv', `\uFEFF${CSV_HEADER}\r\n`],
  ])('%s with no rows is %j', (format, expected) => {
    expect(text(format, [])).toBe(expected);
  });

  it('a task without instances alone exports nothing', () => {
    expect(JSON.parse(text('alpaca-json', [ROWS[2]!]))).toEqual([]);
  });
});

describe('chunks', () => {
  const many = Array.from({ length: 1_200 }, (_, index) => row(`m${index}`, `Task ${index}`, [{ input: '', output: String(index) }]));

  it('JSON Lines come in chunks of 500 rows', () => {
    const chunks = [...exportFile('openai-jsonl', many).chunks] as string[];
    expect(chunks.map((chunk) => chunk.trimEnd().split('\n').length)).toEqual([500, 500, 200]);
  });

  it('a JSON array split into chunks still parses whole, in order', () => {
    const chunks = [...exportFile('alpaca-json', many).chunks];
    expect(chunks).toHaveLength(4);
    expect((JSON.parse(chunks.join('')) as { output: string }[]).map((item) => item.output)).toEqual(many.map((_, index) => String(index)));
  });

  it('nothing is written before the chunks are read', () => {
    let read = 0;
    const counted = (function* () {
      for (const item of many) {
        read++;
        yield item;
      }
    })();
    const file = exportFile('csv', counted);
    expect(read).toBe(0);
    const iterator = file.chunks[Symbol.iterator]();
    iterator.next();
    iterator.next();
    expect(read).toBe(500);
  });
});
