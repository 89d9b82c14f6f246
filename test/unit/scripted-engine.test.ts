// ScriptedEngine: determinism, streaming, interrupt and load, and the Self-Instruct pipeline shape
// it must support with the real method functions and ROUGE-L novelty index.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  classifyRequest,
  createRng,
  filterInstances,
  instancesRequest,
  instructionRequest,
  parseClassification,
  parseInstances,
  parseInstructions,
  sampleInContext,
  screenInstruction,
} from '../../src/lib/method';
import { NoveltyIndex } from '../../src/lib/rouge';
import type { CompletionRequest, HeuristicRule } from '../../src/lib/run/ports';
import { SEED_TASKS } from '../fixtures/method/seed-tasks';
import { SCRIPTED_MODEL_ID, ScriptedEngine } from '../scripted-engine';

const SEED_INSTRUCTIONS = SEED_TASKS.map((task) => task.instruction);
const request = (seed: number): CompletionRequest => instructionRequest(SEED_INSTRUCTIONS.slice(0, 8), seed);

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

interface PipelineOutcome {
  accepted: string[];
  heuristicRejections: HeuristicRule[];
  rougeRejections: number;
  tasks: { instruction: string; isClassification: boolean; parsed: number; kept: number }[];
}

// ~15 generation steps, then the classify and instances steps of every accepted instruction.
async function runPipeline(engine: ScriptedEngine, steps: number): Promise<PipelineOutcome> {
  const index = new NoveltyIndex({ threshold: 0.7 });
  SEED_TASKS.forEach((task) => index.add(task.id, task.instruction));
  const outcome: PipelineOutcome = { accepted: [], heuristicRejections: [], rougeRejections: 0, tasks: [] };
  for (let step = 0; step < steps; step++) {
    const seed = 1000 + step;
    const examples = sampleInContext(SEED_INSTRUCTIONS, outcome.accepted, createRng(seed));
    for (const candidate of parseInstructions(await engine.complete(instructionRequest(examples, seed)))) {
      const screened = screenInstruction(candidate);
      if (!screened.ok) outcome.heuristicRejections.push(screened.reason.rule);
      else if (!index.check(screened.instruction).novel) outcome.rougeRejections++;
      else {
        index.add(`machine-${outcome.accepted.length}`, screened.instruction);
        outcome.accepted.push(screened.instruction);
      }
    }
  }
  for (const [i, instruction] of outcome.accepted.entries()) {
    const isClassification = parseClassification((await engine.complete(classifyRequest(instruction, SEED_TASKS))).text);
    const parsed = parseInstances(await engine.complete(instancesRequest(instruction, isClassification, SEED_TASKS)), isClassification);
    const kept = filterInstances(parsed, createRng(i));
    outcome.tasks.push({ instruction, isClassification, parsed: parsed.length, kept: kept.length });
  }
  return outcome;
}

describe('ScriptedEngine through the Self-Instruct pipeline', () => {
  let outcome: PipelineOutcome;
  beforeAll(async () => {
    outcome = await runPipeline(new ScriptedEngine(), 15);
  });

  it('reaches at least 60 accepted instructions in 15 generation steps', () => {
    expect(outcome.accepted.length).toBeGreaterThanOrEqual(60);
  });

  it('has candidates rejected by the too-short and blacklist heuristics', () => {
    expect(outcome.heuristicRejections).toEqual(expect.arrayContaining(['too-short', 'blacklisted-word']));
  });

  it('has candidates rejected as near-copies by ROUGE-L', () => {
    expect(outcome.rougeRejections).toBeGreaterThan(0);
  });

  it('classifies tasks as their wording says, with both answers present', () => {
    for (const task of outcome.tasks) {
      expect(task.isClassification, task.instruction).toBe(/^(Classify|Decide whether|Label|Determine whether|Categorize)/.test(task.instruction));
    }
    expect(new Set(outcome.tasks.map((task) => task.isClassification))).toEqual(new Set([true, false]));
  });

  it('leaves at least one instance for 90% of tasks, with the filters dropping some', () => {
    const withInstances = outcome.tasks.filter((task) => task.kept >= 1).length;
    expect(withInstances / outcome.tasks.length).toBeGreaterThanOrEqual(0.9);
    expect(outcome.tasks.some((task) => task.kept < task.parsed)).toBe(true);
  });
});
