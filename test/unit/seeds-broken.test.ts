// Files that must not import: each is refused as a whole, with the problem in words and, where
// there is one, the line. Checks on the bytes (size, binary, encoding) come before any parsing;
// the limits on each seed (something visible, not too long) after it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { MAX_EXAMPLE_CHARS, MAX_INSTRUCTION_CHARS } from '../../src/lib/seeds';
import { MAX_IMPORT_BYTES } from '../../src/lib/seeds/decode-text';
import { importPastedText, importSeeds } from '../../src/lib/seeds/import-seeds';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url)));
const bytes = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const utf16le = (text: string) => Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((char) => [char.charCodeAt(0), 0])]);
const utf16be = (text: string) => Uint8Array.from([0xfe, 0xff, ...[...text].flatMap((char) => [0, char.charCodeAt(0)])]);
const utf32le = (text: string) => Uint8Array.from([0xff, 0xfe, 0, 0, ...[...text].flatMap((char) => [char.charCodeAt(0), 0, 0, 0])]);
const utf32be = (text: string) => Uint8Array.from([0, 0, 0xfe, 0xff, ...[...text].flatMap((char) => [0, 0, 0, char.charCodeAt(0)])]);
const jsonl = (...records: object[]) => bytes(records.map((record) => JSON.stringify(record)).join('\n'));
const task = (instruction: string, input = '', output = 'ok') => ({ instruction, instances: [{ input, output }] });
const chat = (role: string, content: string) => ({ role, content });
const PNG_START = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const prettyObject = JSON.stringify({ data: [{ instruction: 'Name a bird.' }] }, null, 2);

it.each<[string, Uint8Array, string, string, number | undefined]>([
  ['an empty file', new Uint8Array(0), 'seeds.jsonl', 'the file is empty', undefined],
  ['a file of blank lines', bytes('\n \r\n\n'), 'seeds.jsonl', 'the file holds no seed tasks', 1],
  ['binary data', PNG_START, 'seeds.jsonl', 'the file looks binary', undefined],
  ['UTF-16 text', utf16le('Name a bird.\n'), 'seeds.txt', 'saved as UTF-16; save it as UTF-8', undefined],
  ['big-endian UTF-16 text', utf16be('Name a bird.\n'), 'seeds.txt', 'the file is saved as UTF-16; save it as UTF-8', undefined],
  ['UTF-32 text', utf32le('Name a bird.\n'), 'seeds.txt', 'the file is saved as UTF-32; save it as UTF-8', undefined],
  ['big-endian UTF-32 text', utf32be('Name a bird.\n'), 'seeds.txt', 'the file is saved as UTF-32; save it as UTF-8', undefined],
  ['Latin-1 text', latin1('instruction,output\nTranslate "café" into English.,coffee\n'), 'seeds.csv', 'not UTF-8 text (perhaps Latin-1 or Windows-1252); save it as UTF-8', 2],
  ['a JSONL line that is not JSON', fixture('bad-json-line.jsonl'), 'bad-json-line.jsonl', 'not valid JSON', 2],
  ['a pretty-printed JSON object', bytes(prettyObject), 'data.json', 'a single JSON object; expected one JSON object per line, or a JSON array', 1],
  ['a JSON array with a syntax error', bytes('[\n  {"instruction": "Name a bird."},\n  {"instruction": "Name a fish.",}\n]'), 'data.json', 'not valid JSON', 3],
  ['an item without "instruction"', fixture('wrong-fields.json'), 'wrong-fields.json', 'item 2: "instruction" must be a non-empty string', 3],
  ['an item whose input is not text', bytes('{"instruction": "Add one.", "input": 5, "output": "6"}'), 'data.jsonl', '"input" must be text', 1],
  ['instances that are not {input, output}', bytes('{"instruction": "Add one.", "instances": [{"input": "5"}]}'), 'seeds.jsonl', '"instances" must be a list', 1],
  ['a repeated id', bytes('{"id": "a", "instruction": "Add one.", "instances": []}\n{"id": "a", "instruction": "Add two.", "instances": []}'), 'seeds.jsonl', 'the id "a" is already used on line 1', 2],
  ['CSV without an "instruction" column', bytes('prompt,completion\nName a bird.,robin\n'), 'seeds.csv', 'header naming an "instruction" column', 1],
  ['CSV with a stray quote', fixture('unclosed-quote.csv'), 'unclosed-quote.csv', 'a quoted field has text after its closing quote', 3],
  ['CSV with an unclosed quote', bytes('instruction,output\nName a bird.,robin\n"Name a fish.,trout\n'), 'seeds.csv', 'a quoted field is never closed', 3],
  ['CSV with an unquoted comma', fixture('extra-field.csv'), 'extra-field.csv', 'this row has 4 fields but the header has 3', 3],
  ['CSV with an empty instruction', bytes('instruction,output\nName a bird.,robin\n"a\nb",x\n ,trout\n'), 'seeds.csv', 'the "instruction" cell is empty', 5],
  ['CSV with a bad is_classification', bytes('instruction,output,is_classification\nName a bird.,robin,maybe\n'), 'seeds.csv', '"is_classification" must be true or false', 2],
  ['a text file of zero-width spaces only', bytes('\u200B\u200B\u200B\n'), 'blank.txt', 'the instruction holds only invisible characters', 1],
  ['a line of invisible characters among instructions', bytes('Name a bird.\n\u200D\u00AD\uFEFF\u2060 \u3164\nName a fish.\n'), 'list.txt', 'only invisible characters', 2],
  ['a JSONL instruction of zero-width spaces', jsonl(task('Name a bird.'), task('\u200B \u200C')), 'seeds.jsonl', 'only invisible characters', 2],
  ['a CSV instruction of soft hyphens', bytes('instruction,output\nName a bird.,robin\n\u00AD\u00AD,trout\n'), 'seeds.csv', 'only invisible characters', 3],
  ['a 10 MB instruction', jsonl(task('Name a bird.'), task(`Summarize: ${'word '.repeat(2_000_000)}`)), 'seeds.jsonl', 'the instruction is 10,000,010 characters long, over the limit of 2,000', 2],
  ['an instruction one character over the limit', jsonl(task('x'.repeat(MAX_INSTRUCTION_CHARS + 1))), 'seeds.jsonl', `is ${(MAX_INSTRUCTION_CHARS + 1).toLocaleString('en')} characters long`, 1],
  ['an input over the limit', bytes(JSON.stringify([{ instruction: 'Summarize the text.', input: 'x'.repeat(MAX_EXAMPLE_CHARS + 1), output: 'short' }])), 'data.json', 'the input of the example is 8,001 characters long, over the limit of 8,000', 1],
  ['an output over the limit in the second example', jsonl({ instruction: 'Write a poem.', instances: [{ input: '', output: 'A' }, { input: '', output: 'y'.repeat(MAX_EXAMPLE_CHARS + 1) }] }), 'seeds.jsonl', 'the output of example 2 is 8,001 characters long', 1],
  ['a Markdown file', bytes('# Seeds\n\n- Name a bird.\n- Name a fish.\n'), 'notes.md', 'not a kind of file that seed tasks are read from; import a .jsonl, .ndjson, .json, .csv, .tsv, .txt or .parquet file, or paste the instructions', undefined],
  ['plain text in a file without an extension', bytes('Name a bird.\n'), 'seeds', 'not a kind of file that seed tasks are read from', undefined],
  ['a chat of two exchanges', jsonl({ messages: [chat('user', 'Hi.'), chat('assistant', 'Hello.'), chat('user', 'Name a bird.'), chat('assistant', 'Robin.')] }), 'openai.jsonl', 'expected one "user" message and the "assistant" message that answers it', 1],
  ['a chat without the answer', jsonl({ messages: [chat('system', 'Be brief.'), chat('user', 'Name a bird.')] }), 'openai.jsonl', 'expected one "user" message and the "assistant" message', 1],
  ['a chat whose content is a list of parts', jsonl({ messages: [{ role: 'user', content: [{ type: 'text', text: 'Name a bird.' }] }, chat('assistant', 'Robin.')] }), 'openai.jsonl', '"messages" must be a list of {"role": string, "content": string}', 1],
  ['a chat file with a line that is not a chat', jsonl({ messages: [chat('user', 'Name a bird.'), chat('assistant', 'Robin.')] }, { instruction: 'Name a fish.' }), 'openai.jsonl', '"messages" must be a list', 2],
  ['a chat whose user message is empty', jsonl({ messages: [chat('user', ''), chat('assistant', 'Robin.')] }), 'openai.jsonl', 'the "user" message is empty', 1],
  ['a prompt without its completion', jsonl({ prompt: 'Name a bird.' }), 'prompt-completion.jsonl', '"completion" must be text', 1],
  ['a prompt that holds no instruction', jsonl({ prompt: 'Name a bird.', completion: 'Robin.' }, { prompt: '\n\nOutput:\n', completion: 'Trout.' }), 'prompt-completion.jsonl', 'the "prompt" holds no instruction', 2],
])('refuses %s, naming the problem and line', async (_, file, fileName, problem, line) => {
  const result = await importSeeds(file, fileName);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.problem).toContain(problem);
  // A clause: the page ends the sentence and adds "Nothing was changed."
  expect(result.problem).not.toMatch(/[.!?]$/);
  expect(result.line).toBe(line);
});

it('refuses a 50 MB file before reading it, and names the limit', async () => {
  const result = await importSeeds(new Uint8Array(50 * 1024 * 1024).fill(0x61), 'huge.txt');
  expect(result).toEqual({ ok: false, problem: 'the file is 52.4 MB, over the 25 MB limit; split it into smaller files' });
});

it('refuses a file one byte over the limit', async () => {
  const result = await importSeeds(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61), 'big.txt');
  expect(result).toMatchObject({ ok: false, problem: expect.stringContaining('over the 25 MB limit') });
});

it('refuses pasted text whose only line is invisible, naming the line', () => {
  expect(importPastedText('\n\u200B\u200B\n')).toMatchObject({ ok: false, line: 2, problem: expect.stringContaining('only invisible characters') });
});

it('accepts an instruction, input and output exactly at their limits', async () => {
  const atLimit = { instruction: `${'x'.repeat(MAX_INSTRUCTION_CHARS - 1)}.`, input: 'i'.repeat(MAX_EXAMPLE_CHARS), output: 'o'.repeat(MAX_EXAMPLE_CHARS) };
  expect(await importSeeds(bytes(JSON.stringify([atLimit])), 'data.json')).toMatchObject({ ok: true, seeds: [{ instruction: atLimit.instruction }] });
});
