// screenInstruction: each of Self-Instruct's heuristic filters with a rejected and an accepted
// case, their order, and the normalisation (anchor §1.1).
import { describe, expect, it } from 'vitest';
import { BLACKLIST, screenInstruction } from '../../src/lib/method';
import type { HeuristicRule } from '../../src/lib/run/ports';

function words(n: number): string {
  return ['Write', ...Array.from({ length: n - 1 }, () => 'word')].join(' ');
}

describe('screenInstruction rejects', () => {
  it.each<[string, string, HeuristicRule, string]>([
    ['whitespace only', ' \n\t ', 'empty', 'no text'],
    ['3 words', 'Tell a joke.', 'too-short', '3 words'],
    ['1 word', 'Summarize.', 'too-short', '1 word'],
    ['151 words', words(151), 'too-long', '151 words'],
    ['"image"', 'Describe the image of a sunset over the sea.', 'blacklisted-word', 'contains "image"'],
    ['"Files" in any case', 'Merge the two Files into one document.', 'blacklisted-word', 'contains "files"'],
    ['"go to"', 'Tell me how to go to the train station.', 'blacklisted-word', 'contains "go to"'],
    ['"plot" before other rules', '(Plot the sales numbers by month.)', 'blacklisted-word', 'contains "plot"'],
    ['a start with "Write a program"', 'Write a program that prints the first ten primes.', 'write-a-program', 'starts with "Write a program"'],
    ['"Write A Program" in other case', 'Write A Program that sorts a list of names.', 'write-a-program', 'starts with "Write a program"'],
    ['"Write a programming…", as the original', 'Write a programming tutorial for complete beginners.', 'write-a-program', 'starts with "Write a program"'],
    ['a start with a quote', '"Hello" means what in French?', 'starts-with-punctuation', 'starts with """'],
    ['a start with a parenthesis', '(Optional) Describe a calm sunset.', 'starts-with-punctuation', 'starts with "("'],
    ['a start with a non-ASCII letter', 'Écris une phrase sur la mer.', 'starts-with-non-ascii', 'starts with "É"'],
    ['a start with an emoji', '🎉 Plan a surprise birthday party.', 'starts-with-non-ascii', 'starts with "🎉"'],
  ])('%s', (_, candidate, rule, detail) => {
    expect(screenInstruction(candidate)).toEqual({ ok: false, reason: { rule, detail } });
  });
});

describe('screenInstruction accepts', () => {
  it.each([
    ['4 words, just above the minimum', 'Tell a funny joke.'],
    ['150 words, the maximum', words(150)],
    ['a blacklisted word inside a longer word', 'Update your profile with a new mapping of skills.'],
    ['"go" and "to" apart', 'Explain where birds go in winter and how they get to warmer places.'],
    ['"Write a program" not at the start', 'Explain how to write a program that sorts numbers.'],
    ['a start with a digit', '3 reasons to learn to cook: list them with examples.'],
    ['a non-ASCII letter after the first', 'Describe a café in Paris in three sentences.'],
  ])('%s', (_, candidate) => {
    expect(screenInstruction(candidate).ok).toBe(true);
  });

  it('matches blacklisted words only where Python\'s Unicode \\b would', () => {
    expect(screenInstruction('Describe the mapé tradition in one paragraph.').ok).toBe(true);
    expect(screenInstruction('Describe the émap tradition in one paragraph.').ok).toBe(true);
    expect(screenInstruction('Describe the café map in one paragraph.').ok).toBe(false);
  });
});

describe('screenInstruction normalises', () => {
  it('collapses whitespace, including the separators Python splits on, and trims', () => {
    expect(screenInstruction('  Write\n a\t poem\x1cabout   cats  ')).toEqual({ ok: true, instruction: 'Write a poem about cats' });
  });

  it('uppercases the first letter but keeps the case of the rest, unlike str.capitalize()', () => {
    expect(screenInstruction('explain SQL joins to Python developers.')).toEqual({
      ok: true,
      instruction: 'Explain SQL joins to Python developers.',
    });
  });

});

describe('the blacklist', () => {
  it('holds the 13 words of the original', () => {
    expect(BLACKLIST).toHaveLength(13);
  });

  it.each(BLACKLIST)('rejects "%s" as a whole word', (word) => {
    expect(screenInstruction(`Please explain the ${word} in detail now.`)).toMatchObject({ ok: false, reason: { rule: 'blacklisted-word' } });
  });
});
