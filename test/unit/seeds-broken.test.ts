// Files that must not import: each is refused as a whole, with the problem in words and, where
// there is one, the line. Checks on the bytes (size, binary, encoding) come before any parsing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { importSeeds, MAX_IMPORT_BYTES } from '../../src/lib/seeds';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url)));
const bytes = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const utf16le = (text: string) => Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((char) => [char.charCodeAt(0), 0])]);
const PNG_START = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const prettyObject = JSON.stringify({ data: [{ instruction: 'Name a bird.' }] }, null, 2);

it.each<[string, Uint8Array, string, string, number | undefined]>([
  ['an empty file', new Uint8Array(0), 'seeds.jsonl', 'the file is empty', undefined],
  ['a file of blank lines', bytes('\n \r\n\n'), 'seeds.jsonl', 'the file holds no seed tasks', 1],
  ['binary data', PNG_START, 'seeds.jsonl', 'the file looks binary', undefined],
  ['UTF-16 text', utf16le('Name a bird.\n'), 'seeds.txt', 'saved as UTF-16; save it as UTF-8', undefined],
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
])('refuses %s, naming the problem and line', (_, file, fileName, problem, line) => {
  const result = importSeeds(file, fileName);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.problem).toContain(problem);
  expect(result.line).toBe(line);
});

it('refuses a 50 MB file before reading it, and names the limit', () => {
  const result = importSeeds(new Uint8Array(50 * 1024 * 1024).fill(0x61), 'huge.txt');
  expect(result).toEqual({ ok: false, problem: 'the file is 52.4 MB, over the 25 MB limit; split it into smaller files' });
});

it('refuses a file one byte over the limit', () => {
  const result = importSeeds(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61), 'big.txt');
  expect(result).toMatchObject({ ok: false, problem: expect.stringContaining('over the 25 MB limit') });
});
