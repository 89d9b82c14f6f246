// checkSettings and repairSettings: every field of MethodSettings checked with a problem in words
// by its path, and stored settings of any age or damage brought to valid ones.
import { describe, expect, it } from 'vitest';
import { checkSettings, defaultSettings, repairSettings, type SettingsDraft } from '../../src/lib/method';
import type { MethodSettings, Strategy } from '../../src/lib/vocabulary';

type Edit = (draft: SettingsDraft & Record<string, unknown>) => void;

function edited(change: Edit, strategy: Strategy = 'self-instruct'): SettingsDraft {
  const draft = defaultSettings(strategy) as SettingsDraft & Record<string, unknown>;
  change(draft);
  return draft;
}

function problemsOf(value: unknown): Record<string, string> {
  const checked = checkSettings(value);
  return checked.ok ? {} : { ...checked.problems };
}

describe('checkSettings', () => {
  it.each<Strategy>(['self-instruct', 'alpaca'])('accepts the %s defaults as they are', (strategy) => {
    expect(checkSettings(defaultSettings(strategy))).toEqual({ ok: true, settings: defaultSettings(strategy) });
  });

  it('returns plain settings without keys it does not know', () => {
    const checked = checkSettings(edited((draft) => (draft.colour = 'red')));
    expect(checked.ok && 'colour' in checked.settings).toBe(false);
  });

  it.each<[string, Edit, RegExp]>([
    ['rougeThreshold', (d) => (d.rougeThreshold = 1.5), /^Enter a number from 0 to 1\.$/],
    ['rougeThreshold', (d) => (d.rougeThreshold = null), /^Enter a number from 0 to 1\.$/],
    ['rougeThreshold', (d) => (d.rougeThreshold = Number.NaN), /from 0 to 1/],
    ['sampling.instructions.temperature', (d) => (d.sampling.instructions.temperature = -0.1), /from 0 to 2/],
    ['sampling.classify.topP', (d) => (d.sampling.classify.topP = 0), /above 0, at most 1/],
    ['sampling.instances.maxTokens', (d) => (d.sampling.instances.maxTokens = 10.5), /whole number from 1 to/],
    ['sampling.instances.maxTokens', (d) => (d.sampling.instances.maxTokens = null), /whole number from 1 to/],
    ['sampling.instructions.presencePenalty', (d) => (d.sampling.instructions.presencePenalty = 3), /from -2 to 2, or leave it empty/],
    ['heuristics.minWords', (d) => (d.heuristics.minWords = -1), /whole number from 0 to 100/],
    ['heuristics.maxWords', (d) => (d.heuristics.maxWords = 3), /more than the minimum words/],
    ['heuristics.blacklist', (d) => (d.heuristics.blacklist = ['image', ' ']), /separated by commas/],
    ['heuristics.enabled.too-short', (d) => ((d.heuristics.enabled as Record<string, unknown>)['too-short'] = 'yes'), /on or off/],
    ['inContext.total', (d) => (d.inContext.total = 1), /machine-written examples/],
    ['inContext.alpacaSeeds', (d) => (d.inContext.alpacaSeeds = 0), /whole number from 1 to 20/],
    ['maxNewPerPrompt', (d) => (d.maxNewPerPrompt = 0), /whole number/],
    ['maxInstances', (d) => ((d as Record<string, unknown>).maxInstances = 'five'), /whole number/],
    ['strategy', (d) => ((d as Record<string, unknown>).strategy = 'evol-instruct'), /Self-Instruct or Alpaca/],
    ['outputMode', (d) => ((d as Record<string, unknown>).outputMode = 'yaml'), /free text or JSON/],
    ['rougeTokenizer', (d) => ((d as Record<string, unknown>).rougeTokenizer = undefined), /tokenizer/],
    ['templates.classify.chat.user', (d) => (d.templates.classify.chat.user = 'Task: {instuction}'), /Classification, chat user prompt: unknown placeholder \{instuction\}/],
    ['templates.instructions.completion', (d) => (d.templates.instructions.completion = '  '), /Instruction generation, completion prompt: the text is empty/],
  ])('names %s, and only it, when it is wrong', (path, change, message) => {
    const problems = problemsOf(edited(change));
    expect(Object.keys(problems)).toEqual([path]);
    expect(problems[path]).toMatch(message);
  });

  it('reports every wrong field at once', () => {
    const problems = problemsOf(edited((d) => ((d.rougeThreshold = null), (d.sampling.classify.maxTokens = 0), (d.templates.alpaca.chat.user = ''))));
    expect(Object.keys(problems).sort()).toEqual(['rougeThreshold', 'sampling.classify.maxTokens', 'templates.alpaca.chat.user']);
  });

  it('reads a cleared penalty as none: the key is left out, never null', () => {
    const checked = checkSettings(edited((d) => (d.sampling.instructions.presencePenalty = null)));
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.settings.sampling.instructions).toEqual({ temperature: 0.7, topP: 0.5, maxTokens: 1024 });
  });

  it('keeps a penalty set on a call that has none by default', () => {
    const checked = checkSettings(edited((d) => (d.sampling.classify.frequencyPenalty = 0.5)));
    expect(checked.ok && checked.settings.sampling.classify).toEqual({ temperature: 0, topP: 1, maxTokens: 3, frequencyPenalty: 0.5 });
  });

  it('names a missing group, and each text of a missing stage', () => {
    expect(Object.keys(problemsOf(edited((d) => delete (d as Partial<MethodSettings>).templates)))).toEqual(['templates']);
    const problems = problemsOf(edited((d) => delete (d.templates as Partial<MethodSettings['templates']>).alpaca));
    expect(problems['templates.alpaca.completion']).toBe('Alpaca tasks, completion prompt: the text is missing.');
  });

  it('refuses what is not settings at all', () => {
    expect(problemsOf('threshold=0.5')).toEqual({ '': 'These are not method settings.' });
  });
});

describe('repairSettings', () => {
  it('keeps valid settings as they are', () => {
    const settings = { ...defaultSettings('alpaca'), rougeThreshold: 0.5 };
    expect(repairSettings(settings)).toEqual(settings);
  });

  it.each([[undefined], [null], ['nonsense'], [[1, 2]]])('gives the Self-Instruct defaults for %j', (stored) => {
    expect(repairSettings(stored)).toEqual(defaultSettings('self-instruct'));
  });

  it("fills what an older version did not store with the strategy's defaults, and keeps the rest", () => {
    const old = structuredClone(defaultSettings('alpaca')) as Partial<MethodSettings> & Record<string, unknown>;
    old.rougeThreshold = 0.5;
    old.heuristics!.blacklist = ['image'];
    delete old.rougeTokenizer;
    delete (old.templates as Partial<MethodSettings['templates']>).alpaca;
    delete (old.inContext as Partial<MethodSettings['inContext']>).alpacaSeeds;
    delete (old.heuristics!.enabled as Partial<MethodSettings['heuristics']['enabled']>)['starts-with-non-ascii'];
    delete old.sampling;
    old.retired = true;
    expect(repairSettings(old)).toEqual({ ...defaultSettings('alpaca'), rougeThreshold: 0.5, heuristics: { ...defaultSettings('alpaca').heuristics, blacklist: ['image'] } });
  });

  it('replaces a cleared field saved as null, and only that field, with its default', () => {
    const stored = edited((d) => ((d.rougeThreshold = 0.55), (d.sampling.instructions.temperature = null), (d.heuristics.maxWords = null), (d.inContext.total = 10)));
    const expected = defaultSettings('self-instruct');
    expected.rougeThreshold = 0.55;
    expected.inContext.total = 10;
    expect(repairSettings(stored)).toEqual(expected);
  });

  it('replaces a broken template with the default text, keeping the edited ones', () => {
    const stored = edited((d) => ((d.templates.classify.chat.user = 'Task: {task}'), (d.templates.classify.chat.system = 'Answer yes or no. {format}')));
    const repaired = repairSettings(stored);
    expect(repaired.templates.classify.chat).toEqual({ system: 'Answer yes or no. {format}', user: defaultSettings('self-instruct').templates.classify.chat.user });
  });

  it('gives a group its defaults when its fields disagree even after the wrong one is reset', () => {
    const stored = edited((d) => ((d.inContext.total = 4), (d.inContext.machine = 12), (d.heuristics.minWords = 40), (d.heuristics.maxWords = 30)));
    const repaired = repairSettings(stored);
    expect(repaired.inContext).toEqual(defaultSettings('self-instruct').inContext);
    expect(repaired.heuristics).toMatchObject({ minWords: 40, maxWords: 150 });
  });
});
