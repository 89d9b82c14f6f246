// screenInstruction: each of Self-Instruct's heuristic filters with a rejected and an accepted
// case, their order, the normalisation (anchor §1.1), every rule switched off, the editable
// limits and blacklist, the two blacklist presets (anchor §2.4), and the list of rules.
import { describe, expect, it } from 'vitest';
import { ALPACA_BLACKLIST, defaultSettings, REJECTION_RULES, screenInstruction, SELF_INSTRUCT_BLACKLIST, SWITCHABLE_RULES } from '../../src/lib/method';
import type { HeuristicRule, HeuristicSettings, SwitchableRule } from '../../src/lib/vocabulary';
import { SELF_INSTRUCT_SETTINGS } from '../fixtures/method/settings';

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
    expect(screenInstruction(candidate, SELF_INSTRUCT_SETTINGS.heuristics)).toEqual({ ok: false, reason: { rule, detail } });
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
    expect(screenInstruction(candidate, SELF_INSTRUCT_SETTINGS.heuristics).ok).toBe(true);
  });

  it('matches blacklisted words only where Python\'s Unicode \\b would', () => {
    expect(screenInstruction('Describe the mapé tradition in one paragraph.', SELF_INSTRUCT_SETTINGS.heuristics).ok).toBe(true);
    expect(screenInstruction('Describe the émap tradition in one paragraph.', SELF_INSTRUCT_SETTINGS.heuristics).ok).toBe(true);
    expect(screenInstruction('Describe the café map in one paragraph.', SELF_INSTRUCT_SETTINGS.heuristics).ok).toBe(false);
  });
});

describe('screenInstruction normalises', () => {
  it('collapses whitespace, including the separators Python splits on, and trims', () => {
    expect(screenInstruction('  Write\n a\t poem\x1cabout   cats  ', SELF_INSTRUCT_SETTINGS.heuristics)).toEqual({ ok: true, instruction: 'Write a poem about cats' });
  });

  it('uppercases the first letter but keeps the case of the rest, unlike str.capitalize()', () => {
    expect(screenInstruction('explain SQL joins to Python developers.', SELF_INSTRUCT_SETTINGS.heuristics)).toEqual({
      ok: true,
      instruction: 'Explain SQL joins to Python developers.',
    });
  });

});

describe('the blacklist presets', () => {
  it("holds Self-Instruct's 13 words and Alpaca's 18, the 13 and five more", () => {
    expect(SELF_INSTRUCT_BLACKLIST).toHaveLength(13);
    expect(ALPACA_BLACKLIST).toEqual([...SELF_INSTRUCT_BLACKLIST, 'video', 'audio', 'music', 'flowchart', 'diagram']);
  });

  it.each([...SELF_INSTRUCT_BLACKLIST])('rejects "%s" as a whole word by default', (word) => {
    expect(screenInstruction(`Please explain the ${word} in detail now.`, SELF_INSTRUCT_SETTINGS.heuristics)).toMatchObject({ ok: false, reason: { rule: 'blacklisted-word' } });
  });

  it.each(['video', 'audio', 'music', 'flowchart', 'diagram'])('rejects "%s" only with the Alpaca preset', (word) => {
    const candidate = `Please explain the ${word} in detail now.`;
    expect(screenInstruction(candidate, defaultSettings('self-instruct').heuristics).ok).toBe(true);
    expect(screenInstruction(candidate, defaultSettings('alpaca').heuristics)).toEqual({
      ok: false,
      reason: { rule: 'blacklisted-word', detail: `contains "${word}"` },
    });
  });
});

function heuristics(change: Partial<HeuristicSettings>, off: SwitchableRule[] = []): HeuristicSettings {
  const base = defaultSettings('self-instruct').heuristics;
  const enabled = { ...base.enabled, ...Object.fromEntries(off.map((rule) => [rule, false])) };
  return { ...base, ...change, enabled };
}

describe('screenInstruction with a rule switched off', () => {
  it.each<[SwitchableRule, string]>([
    ['too-short', 'Tell a joke.'],
    ['too-long', words(151)],
    ['blacklisted-word', 'Describe the image of a sunset over the sea.'],
    ['write-a-program', 'Write a program that prints the first ten primes.'],
    ['starts-with-punctuation', '(Optional) Describe a calm sunset.'],
    ['starts-with-non-ascii', 'Écris une phrase sur la mer.'],
  ])('accepts what %s alone rejected', (rule, candidate) => {
    expect(screenInstruction(candidate, SELF_INSTRUCT_SETTINGS.heuristics)).toMatchObject({ ok: false, reason: { rule } });
    expect(screenInstruction(candidate, heuristics({}, [rule]))).toMatchObject({ ok: true });
  });

  it('still applies the later rules', () => {
    expect(screenInstruction('(Draw) a cat.', heuristics({}, ['too-short', 'blacklisted-word']))).toMatchObject({
      ok: false,
      reason: { rule: 'starts-with-punctuation' },
    });
  });

  it('rejects an empty candidate with every rule off', () => {
    const allOff = heuristics({}, ['too-short', 'too-long', 'blacklisted-word', 'write-a-program', 'starts-with-punctuation', 'starts-with-non-ascii']);
    expect(screenInstruction('  ', allOff)).toEqual({ ok: false, reason: { rule: 'empty', detail: 'no text' } });
    expect(screenInstruction('?', allOff)).toEqual({ ok: true, instruction: '?' });
  });
});

describe('screenInstruction with edited limits and blacklist', () => {
  it('rejects at minWords or fewer words, and accepts one more', () => {
    expect(screenInstruction(words(5), heuristics({ minWords: 5 }))).toEqual({ ok: false, reason: { rule: 'too-short', detail: '5 words' } });
    expect(screenInstruction(words(6), heuristics({ minWords: 5 })).ok).toBe(true);
  });

  it('rejects above maxWords, and accepts exactly maxWords', () => {
    expect(screenInstruction(words(21), heuristics({ maxWords: 20 }))).toEqual({ ok: false, reason: { rule: 'too-long', detail: '21 words' } });
    expect(screenInstruction(words(20), heuristics({ maxWords: 20 })).ok).toBe(true);
  });

  it('uses only the words of the edited blacklist', () => {
    const custom = heuristics({ blacklist: ['weather', 'stock market'] });
    expect(screenInstruction('Describe the weather in Lisbon today.', custom)).toMatchObject({ reason: { detail: 'contains "weather"' } });
    expect(screenInstruction('Explain how the Stock Market works.', custom)).toMatchObject({ reason: { detail: 'contains "stock market"' } });
    expect(screenInstruction('Describe the image of a sunset over the sea.', custom).ok).toBe(true);
  });

  it('matches a word with regex characters literally, and ignores blank entries', () => {
    const custom = heuristics({ blacklist: ['', '  ', 'c++', 'a.b'] });
    expect(screenInstruction('Explain templates in C++ to a student.', custom)).toMatchObject({ reason: { detail: 'contains "c++"' } });
    expect(screenInstruction('Explain what axb means in this puzzle.', custom).ok).toBe(true);
  });

  it('matches a phrase written with extra spaces as single-spaced', () => {
    expect(screenInstruction('Tell me how to go to the station.', heuristics({ blacklist: ['go   to'] }))).toMatchObject({
      reason: { detail: 'contains "go to"' },
    });
  });
});

describe('the rule lists', () => {
  it('name every rejection, in the order a candidate meets them: empty, the heuristic filters, ROUGE-L', () => {
    expect(REJECTION_RULES).toEqual(['empty', ...SWITCHABLE_RULES, 'rouge']);
    expect(SWITCHABLE_RULES).toEqual(['too-short', 'too-long', 'blacklisted-word', 'write-a-program', 'starts-with-punctuation', 'starts-with-non-ascii']);
  });

  it.each(['(Draw) a cat.', `Write a program to plot ${words(150)}`, 'Éclair drawing.'])('follow the order in which screenInstruction reports the rules "%s" breaks', (candidate) => {
    const reported: SwitchableRule[] = [];
    for (let screening = screenInstruction(candidate, SELF_INSTRUCT_SETTINGS.heuristics); !screening.ok; screening = screenInstruction(candidate, heuristics({}, reported))) {
      reported.push(screening.reason.rule as SwitchableRule);
    }
    expect(reported.length).toBeGreaterThan(1);
    expect(reported).toEqual(SWITCHABLE_RULES.filter((rule) => reported.includes(rule)));
  });

  it('switch every heuristic rule on by default', () => {
    for (const strategy of ['self-instruct', 'alpaca'] as const) {
      expect(defaultSettings(strategy).heuristics.enabled).toEqual(Object.fromEntries(SWITCHABLE_RULES.map((rule) => [rule, true])));
    }
  });
});
