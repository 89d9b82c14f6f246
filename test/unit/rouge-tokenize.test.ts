// The rouge_score default tokenizer against the reference's tokens, the multilingual tokenizer,
// and the non-ASCII seed check.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mostlyNonAscii, tokenize } from '../../src/lib/rouge';
import { tokenizeMultilingual } from '../../src/lib/rouge/tokenize';

interface ScoreCase {
  a: string;
  b: string;
  tokensA: string[];
  tokensB: string[];
}

const cases: ScoreCase[] = readFileSync(fileURLToPath(new URL('../fixtures/rouge/score-cases.jsonl', import.meta.url)), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));

describe('tokenize', () => {
  it('gives the reference tokens for every fixture string', () => {
    for (const { a, b, tokensA, tokensB } of cases) {
      expect(tokenize(a)).toEqual(tokensA);
      expect(tokenize(b)).toEqual(tokensB);
    }
  });

  it.each([
    ['splits on apostrophes, plus signs, hyphens and underscores', "What's 2+2? e-mail foo_bar", ['what', 's', '2', '2', 'e', 'mail', 'foo', 'bar']],
    ['drops accented letters, leaving fragments', 'café naïve', ['caf', 'na', 've']],
    ['keeps digits and splits decimals', 'Convert 3.5 kg', ['convert', '3', '5', 'kg']],
    ['turns the Kelvin sign into k by lowercasing', '\u212aelvin', ['kelvin']],
    ['turns dotted capital I into i plus a dropped combining dot', '\u0130stanbul', ['i', 'stanbul']],
    ['finds no tokens in Chinese', '把这段话翻译成英文', []],
    ['finds no tokens in punctuation only', '?!... — «»', []],
    ['finds no tokens in the empty string', '', []],
  ])('%s', (_, text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });
});

describe('tokenizeMultilingual', () => {
  it('gives the default tokens for ASCII text', () => {
    const ascii = cases.flatMap(({ a, b }) => [a, b]).filter((text) => /^[\x00-\x7f]*$/.test(text));
    expect(ascii.length).toBeGreaterThan(50);
    for (const text of ascii) expect(tokenizeMultilingual(text)).toEqual(tokenize(text));
  });

  it.each([
    ['splits Chinese into words', '把这段中文翻译成英文', ['把', '这', '段', '中文', '翻译', '成', '英文']],
    ['keeps Cyrillic words, lowercased', 'Переведи ЭТОТ текст', ['переведи', 'этот', 'текст']],
    ['keeps accented letters whole', 'Café naïve', ['café', 'naïve']],
    ['folds full-width letters by NFKC', 'ＦＵＬＬ ｗｉｄｔｈ', ['full', 'width']],
    ['drops emoji and punctuation', 'emoji 😀 between… words!', ['emoji', 'between', 'words']],
  ])('%s', (_, text, tokens) => {
    expect(tokenizeMultilingual(text)).toEqual(tokens);
  });
});

describe('mostlyNonAscii', () => {
  it.each([
    [['Write a poem about the sea.', 'Give three tips.'], false],
    [['写一首关于大海的诗。', '给出三个保持健康的建议。', 'Sort the list.'], true],
    [['Напиши стихотворение о море.'], true],
    [['Résumé: café, naïve.'], false],
    [[], false],
    [['?!', '123'], false],
  ])('says %j is %s', (texts, expected) => {
    expect(mostlyNonAscii(texts)).toBe(expected);
  });
});
