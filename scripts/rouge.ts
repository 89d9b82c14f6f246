// ROUGE-L from the command line, over src/lib/rouge, with the reference script's input and output
// (../shared/reference/rouge_reference.py), so the two can be diffed.
//   rouge score [--tokenizer multilingual]  < pairs.jsonl   {"a": target, "b": prediction} per line
//   rouge dedup [--threshold 0.7] [--tokenizer multilingual] < instructions.txt   1 kept, 0 rejected
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { refilter, rougeL, type TokenizerName } from '../src/lib/rouge';

const USAGE = 'usage: rouge score|dedup [--threshold 0.7] [--tokenizer default|multilingual] < input';

function main(): void {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { threshold: { type: 'string', default: '0.7' }, tokenizer: { type: 'string', default: 'default' } },
  });
  const tokenizer = values.tokenizer;
  if (tokenizer !== 'default' && tokenizer !== 'multilingual') fail(`unknown tokenizer "${tokenizer}"`);
  const lines = readLines(readFileSync(0, 'utf8'));
  if (positionals[0] === 'score') write(lines.filter((line) => line.trim() !== '').map((line) => score(line, tokenizer)));
  else if (positionals[0] === 'dedup') write(dedup(lines, parseThreshold(values.threshold), tokenizer));
  else fail(`unknown command "${positionals[0] ?? ''}"`);
}

/** Lines as Python's text-mode stdin yields them: \n, \r\n and \r all end a line. */
function readLines(input: string): string[] {
  const lines = input.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function score(line: string, tokenizer: TokenizerName): string {
  const pair = JSON.parse(line) as { a: string; b: string };
  const { precision, recall, fmeasure } = rougeL(pair.a, pair.b, { tokenizer });
  return `{"p": ${pythonFloat(precision)}, "r": ${pythonFloat(recall)}, "f": ${pythonFloat(fmeasure)}}`;
}

function dedup(lines: string[], threshold: number, tokenizer: TokenizerName): string[] {
  return refilter(lines, { threshold, tokenizer }).map((kept) => (kept ? '1' : '0'));
}

function parseThreshold(text: string): number {
  const threshold = Number(text);
  if (text.trim() === '' || !(threshold >= 0 && threshold <= 1)) fail(`--threshold must be from 0 to 1, got "${text}"`);
  return threshold;
}

/** A float as Python's repr writes it ("1.0", "5e-05"), so output diffs clean against the reference. */
function pythonFloat(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return x.toFixed(1);
  const [digits, exponentText] = x.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  if (exponent >= -4 && exponent < 16) return String(x);
  return `${digits}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

function write(lines: string[]): void {
  process.stdout.write(lines.map((line) => `${line}\n`).join(''));
}

function fail(message: string): never {
  process.stderr.write(`rouge: ${message}\n${USAGE}\n`);
  process.exit(2);
}

main();
