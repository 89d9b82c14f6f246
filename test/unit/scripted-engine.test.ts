// ScriptedEngine: determinism, streaming, interrupt and load, stop sequences and the token limit,
// answers that parse in every prompt style and output mode, and the Self-Instruct and Alpaca
// pipelines it must support with the real method functions and ROUGE-L novelty index.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  alpacaRequest,
  classifyRequest,
  createRng,
  defaultSettings,
  filterInstances,
  instancesRequest,
  instructionRequest,
  parseAlpacaTasks,
  parseClassification,
  parseInstances,
  parseInstructions,
  sampleInContext,
  screenInstruction,
} from '../../src/lib/method';
import { NoveltyIndex } from '../../src/lib/rouge';
import type { CompletionRequest, HeuristicRule, MethodSettings } from '../../src/lib/vocabulary';
import { SEED_TASKS } from '../fixtures/method/seed-tasks';
import { SELF_INSTRUCT_SETTINGS } from '../fixtures/method/settings';
import { SCRIPTED_MODEL_ID, ScriptedEngine } from '../scripted-engine';

const SEED_INSTRUCTIONS = SEED_TASKS.map((task) => task.instruction);
const request = (seed: number): CompletionRequest => instructionRequest(SEED_INSTRUCTIONS.slice(0, 8), seed, SELF_INSTRUCT_SETTINGS);

describe('ScriptedEngine', () => {
  it('offers one recommended model whatever the device', () => {
    expect(new ScriptedEngine().catalog({ webgpu: false, shaderF16: false })).toEqual([
      { id: SCRIPTED_MODEL_ID, label: 'Scripted test engine (deterministic)', recommended: true },
    ]);
  });

  it('reports load progress from 0 to 1', async () => {
    const fractions: number[] = [];
    await new ScriptedEngine().load(SCRIPTED_MODEL_ID, ({ fraction }) => fractions.push(fraction));
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort()).toEqual(fractions);
  });

  it('rejects an unknown model id with a named error', async () => {
    await expect(new ScriptedEngine().load('Qwen2.5-1.5B-Instruct', () => {})).rejects.toMatchObject({ name: 'UnknownModelError' });
  });

  it('answers the same request with the same text and figures, on any instance', async () => {
    const [a, b] = await Promise.all([new ScriptedEngine().complete(request(1)), new ScriptedEngine().complete(request(1))]);
    expect(a).toEqual(b);
    expect(a.finishReason).toBe('stop');
  });

  it('answers differently when only the seed changes', async () => {
    const engine = new ScriptedEngine();
    expect((await engine.complete(request(1))).text).not.toBe((await engine.complete(request(2))).text);
  });

  it('streams growing prefixes that end in the full text', async () => {
    const seen: string[] = [];
    const result = await new ScriptedEngine().complete(request(3), (text) => seen.push(text));
    expect(seen.length).toBeGreaterThan(1);
    seen.forEach((text, i) => expect(result.text.startsWith(text) && (i === 0 || text.length > seen[i - 1]!.length)).toBe(true));
    expect(seen.at(-1)).toBe(result.text);
  });

  it('counts prompt and completion words as tokens', async () => {
    const result = await new ScriptedEngine().complete(request(4));
    expect(result.promptTokens).toBeGreaterThan(100);
    expect(result.completionTokens).toBe(result.text.split(/\s+/).filter(Boolean).length);
  });

  it('ends with "abort" and the text so far when interrupted mid-stream', async () => {
    const engine = new ScriptedEngine();
    const full = await engine.complete(request(5));
    let first = '';
    const result = await engine.complete(request(5), (text) => {
      first ||= text;
      engine.interrupt();
    });
    expect(result.finishReason).toBe('abort');
    expect(result.text).toBe(first);
    expect(result.text.length).toBeLessThan(full.text.length);
  });

  it('lets an interrupt with nothing in flight leave the next call alone', async () => {
    const engine = new ScriptedEngine();
    engine.interrupt();
    expect((await engine.complete(request(6))).finishReason).toBe('stop');
  });

  it('pauses delayMs before each chunk, so a timer can interrupt it', async () => {
    const engine = new ScriptedEngine({ delayMs: 20 });
    setTimeout(() => engine.interrupt(), 30);
    const result = await engine.complete(request(7));
    expect(result.finishReason).toBe('abort');
    expect(result.text).not.toBe('');
  });
});

describe('ScriptedEngine as a real engine would limit it', () => {
  const completion: MethodSettings = { ...defaultSettings('self-instruct'), promptStyle: 'completion' };

  it('cuts its answer before the first stop sequence and finishes with "stop"', async () => {
    const request = classifyRequest('Classify the tone of the message as calm or angry.', SEED_TASKS, completion);
    const unstopped = await new ScriptedEngine().complete({ ...request, params: { ...request.params, stop: [] } });
    const stopped = await new ScriptedEngine().complete(request);
    expect(unstopped.text).toContain('\n');
    expect(stopped).toMatchObject({ text: unstopped.text.slice(0, unstopped.text.indexOf('\n')), finishReason: 'stop' });
  });

  it('writes at most maxTokens words, finishing with "length", which the parser then drops', async () => {
    const request = instructionRequest(SEED_INSTRUCTIONS.slice(0, 8), 1, SELF_INSTRUCT_SETTINGS);
    const result = await new ScriptedEngine().complete({ ...request, params: { ...request.params, maxTokens: 12 } });
    expect(result).toMatchObject({ finishReason: 'length', completionTokens: 12 });
    expect(parseInstructions(result, SELF_INSTRUCT_SETTINGS)).toEqual([]);
  });

  it.each(['chat', 'completion'] as const)('answers every purpose with JSON that parses when asked for it (%s style)', async (promptStyle) => {
    const engine = new ScriptedEngine();
    const json: MethodSettings = { ...defaultSettings('self-instruct'), promptStyle, outputMode: 'json' };
    const alpaca: MethodSettings = { ...defaultSettings('alpaca'), promptStyle, outputMode: 'json' };
    const requests = [
      instructionRequest(SEED_INSTRUCTIONS.slice(0, 8), 1, json),
      classifyRequest('Sort these words.', SEED_TASKS, json),
      instancesRequest('Sort these words.', false, SEED_TASKS, json),
      instancesRequest('Classify the tone as calm or angry.', true, SEED_TASKS, json),
      alpacaRequest(SEED_TASKS.slice(0, 3), 1, alpaca),
    ];
    for (const request of requests) {
      const result = await engine.complete(request);
      expect(() => JSON.parse(result.text), result.text).not.toThrow();
      expect(result.finishReason).toBe('stop');
    }
  });
});

interface PipelineOutcome {
  accepted: string[];
  heuristicRejections: { rule: HeuristicRule; detail: string }[];
  rougeRejections: number;
  tasks: { instruction: string; isClassification: boolean; parsed: number; kept: number }[];
}

/** A fresh outcome and ROUGE-L pool (the seeds), and how a candidate is judged against both. */
function judge(settings: MethodSettings) {
  const index = new NoveltyIndex({ threshold: settings.rougeThreshold });
  SEED_TASKS.forEach((task) => index.add(task.id, task.instruction));
  const outcome: PipelineOutcome = { accepted: [], heuristicRejections: [], rougeRejections: 0, tasks: [] };
  const screen = (candidate: string): string | undefined => {
    const screened = screenInstruction(candidate, settings.heuristics);
    if (!screened.ok) outcome.heuristicRejections.push(screened.reason);
    else if (!index.check(screened.instruction).novel) outcome.rougeRejections++;
    else {
      index.add(`machine-${outcome.accepted.length}`, screened.instruction);
      outcome.accepted.push(screened.instruction);
      return screened.instruction;
    }
    return undefined;
  };
  return { outcome, screen };
}

// Generation steps, then the classify and instances steps of every accepted instruction.
async function runSelfInstruct(engine: ScriptedEngine, settings: MethodSettings, steps: number): Promise<PipelineOutcome> {
  const { outcome, screen } = judge(settings);
  for (let step = 0; step < steps; step++) {
    const seed = 1000 + step;
    const examples = sampleInContext(SEED_INSTRUCTIONS, outcome.accepted, createRng(seed), settings);
    parseInstructions(await engine.complete(instructionRequest(examples, seed, settings)), settings).forEach(screen);
  }
  for (const [i, instruction] of outcome.accepted.entries()) {
    const isClassification = parseClassification((await engine.complete(classifyRequest(instruction, SEED_TASKS, settings))).text, settings);
    const answer = await engine.complete(instancesRequest(instruction, isClassification, SEED_TASKS, settings));
    const parsed = parseInstances(answer, isClassification, settings);
    const kept = filterInstances(parsed, createRng(i), settings.maxInstances);
    outcome.tasks.push({ instruction, isClassification, parsed: parsed.length, kept: kept.length });
  }
  return outcome;
}

// Alpaca's one-shot steps: whole tasks, screened like instructions, their one instance filtered.
async function runAlpaca(engine: ScriptedEngine, settings: MethodSettings, steps: number): Promise<PipelineOutcome> {
  const { outcome, screen } = judge(settings);
  for (let step = 0; step < steps; step++) {
    const seed = 2000 + step;
    const examples = sampleInContext(SEED_TASKS, [], createRng(seed), settings);
    for (const task of parseAlpacaTasks(await engine.complete(alpacaRequest(examples, seed, settings)), settings)) {
      const instruction = screen(task.instruction);
      if (instruction === undefined) continue;
      const kept = filterInstances([task], createRng(step), settings.maxInstances);
      outcome.tasks.push({ instruction, isClassification: false, parsed: 1, kept: kept.length });
    }
  }
  return outcome;
}

describe('ScriptedEngine through the Self-Instruct pipeline', () => {
  let outcome: PipelineOutcome;
  beforeAll(async () => {
    outcome = await runSelfInstruct(new ScriptedEngine(), SELF_INSTRUCT_SETTINGS, 15);
  });

  it('reaches at least 60 accepted instructions in 15 generation steps', () => {
    expect(outcome.accepted.length).toBeGreaterThanOrEqual(60);
  });

  it('has candidates rejected by the too-short and blacklist heuristics', () => {
    expect(outcome.heuristicRejections.map((reason) => reason.rule)).toEqual(expect.arrayContaining(['too-short', 'blacklisted-word']));
  });

  it('has candidates rejected as near-copies by ROUGE-L', () => {
    expect(outcome.rougeRejections).toBeGreaterThan(0);
  });

  it('classifies tasks as their wording says, with both answers present', () => {
    for (const task of outcome.tasks) {
      expect(task.isClassification, task.instruction).toBe(CLASSIFICATION_WORDING.test(task.instruction));
    }
    expect(new Set(outcome.tasks.map((task) => task.isClassification))).toEqual(new Set([true, false]));
  });

  it('leaves at least one instance for 90% of tasks, with the filters dropping some', () => {
    const withInstances = outcome.tasks.filter((task) => task.kept >= 1).length;
    expect(withInstances / outcome.tasks.length).toBeGreaterThanOrEqual(0.9);
    expect(outcome.tasks.some((task) => task.kept < task.parsed)).toBe(true);
  });
});

const CLASSIFICATION_WORDING = /^(Classify|Decide whether|Label|Determine whether|Categorize)/;
const COMBINATIONS = (['chat', 'completion'] as const).flatMap((promptStyle) => (['text', 'json'] as const).map((outputMode) => ({ promptStyle, outputMode })));

describe.each(COMBINATIONS)('ScriptedEngine through a short Self-Instruct run, $promptStyle style, $outputMode output', ({ promptStyle, outputMode }) => {
  let outcome: PipelineOutcome;
  beforeAll(async () => {
    outcome = await runSelfInstruct(new ScriptedEngine(), { ...defaultSettings('self-instruct'), promptStyle, outputMode }, 6);
  });

  it('accepts at least 20 instructions in 6 steps and rejects some by heuristics and by ROUGE-L', () => {
    expect(outcome.accepted.length).toBeGreaterThanOrEqual(20);
    expect(outcome.heuristicRejections.length).toBeGreaterThan(0);
    expect(outcome.rougeRejections).toBeGreaterThan(0);
  });

  it('classifies every task as its wording says', () => {
    for (const task of outcome.tasks) expect(task.isClassification, task.instruction).toBe(CLASSIFICATION_WORDING.test(task.instruction));
  });

  it('leaves instances for 90% of tasks', () => {
    expect(outcome.tasks.filter((task) => task.kept >= 1).length / outcome.tasks.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe.each(COMBINATIONS)('ScriptedEngine through a short Alpaca run, $promptStyle style, $outputMode output', ({ promptStyle, outputMode }) => {
  let outcome: PipelineOutcome;
  beforeAll(async () => {
    outcome = await runAlpaca(new ScriptedEngine(), { ...defaultSettings('alpaca'), promptStyle, outputMode }, 4);
  });

  it('accepts at least 20 whole tasks in 4 steps and rejects some by heuristics and by ROUGE-L', () => {
    expect(outcome.accepted.length).toBeGreaterThanOrEqual(20);
    expect(outcome.heuristicRejections.length).toBeGreaterThan(0);
    expect(outcome.rougeRejections).toBeGreaterThan(0);
  });

  it('gives every accepted task an instance that passes the instance filters', () => {
    expect(outcome.tasks.every((task) => task.kept === 1)).toBe(true);
  });

  it("rejects a word that only Alpaca's blacklist holds", () => {
    const details = outcome.heuristicRejections.map((reason) => reason.detail);
    expect(details.some((detail) => /"(video|audio|music|flowchart|diagram)"/.test(detail))).toBe(true);
  });
});
