// Reading a seed file in the Self-Instruct format: good files load, the first bad line is named.
import { expect, test } from 'vitest';
import { parseSeedFile } from '../../src/lib/seeds';

const line = (value: unknown) => JSON.stringify(value);
const GOOD = { id: 'seed_task_0', name: 'greet', instruction: 'Greet the user politely.', instances: [{ input: '', output: 'Hello!' }], is_classification: false };

test('reads tasks in order, maps is_classification and skips blank lines', () => {
  const second = { ...GOOD, id: 'seed_task_1', name: 'farewell', instruction: 'Say goodbye.', is_classification: true };
  const text = `\uFEFF${line(GOOD)}\r\n\n${line(second)}\n`;
  const result = parseSeedFile(text);
  expect(result).toEqual({
    ok: true,
    seeds: [
      { id: 'seed_task_0', name: 'greet', instruction: 'Greet the user politely.', instances: [{ input: '', output: 'Hello!' }], isClassification: false },
      { id: 'seed_task_1', name: 'farewell', instruction: 'Say goodbye.', instances: [{ input: '', output: 'Hello!' }], isClassification: true },
    ],
  });
});

test('combines lines that repeat an instruction into the first task, with both examples', () => {
  const text = `${line(GOOD)}\n${line({ ...GOOD, id: 'seed_task_1', instances: [{ input: 'Bob', output: 'Hello, Bob!' }] })}`;
  const result = parseSeedFile(text);
  const instances = [{ input: '', output: 'Hello!' }, { input: 'Bob', output: 'Hello, Bob!' }];
  expect(result.ok && result.seeds).toEqual([{ id: 'seed_task_0', name: 'greet', instruction: 'Greet the user politely.', instances, isClassification: false }]);
});

test('gives a task without an id one from its position', () => {
  const result = parseSeedFile(line({ instruction: 'Count the vowels.', instances: [] }));
  expect(result.ok && result.seeds[0]).toMatchObject({ id: 'seed_task_0', name: '', isClassification: false });
});

test.each([
  ['not valid JSON', `${line(GOOD)}\n{"instruction": `, 2],
  ['expected a JSON object', '[1, 2]', 1],
  ['"instruction" must be a non-empty string', line({ ...GOOD, instruction: '  ' }), 1],
  ['"instances" must be a list', line({ ...GOOD, instances: [{ input: 1, output: 'x' }] }), 1],
  ['"is_classification" must be true or false', line({ ...GOOD, is_classification: 'yes' }), 1],
  ['the file holds no seed tasks', '\n\n', 1],
  ['the id "seed_task_0" is already used on line 1', `${line(GOOD)}\n${line({ ...GOOD, instruction: 'Wave.' })}`, 2],
])('rejects the whole file when %s, naming the line', (problem, text, lineNumber) => {
  const result = parseSeedFile(text);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.problem).toContain(problem);
    expect(result.line).toBe(lineNumber);
  }
});
