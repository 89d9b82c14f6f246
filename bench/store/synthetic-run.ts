// A synthetic Self-Instruct run, step by step as src/lib/run/bootstrap-run.ts writes it: a
// generation step of about seven candidates (a fifth rejected, with reasons), then a classify
// and an instances step per accepted task. Requests come from the product's own builders, so the
// call records are the size the app's are.
import { classifyRequest, createRng, instancesRequest, instructionRequest, type Rng } from '../../src/lib/method';
import type { CallRecord, CompletionRequest, GenerationStep, HeuristicRule, PoolEntry, SeedTask, StoredInstance, Task, TaskStep } from '../../src/lib/vocabulary';
import { SELF_INSTRUCT_SETTINGS } from '../../test/fixtures/method/settings';
import { SyntheticText } from './synthetic-text';

const REJECTED_SHARE = 0.2;
const ROUGE_SHARE_OF_REJECTED = 0.55;
/** 11,584 of the paper's 52,445 instructions are classification tasks. */
const CLASSIFICATION_SHARE = 11_584 / 52_445;
const HEURISTICS: { rule: HeuristicRule; detail: string }[] = [
  { rule: 'too-short', detail: '3 words' },
  { rule: 'too-long', detail: '153 words' },
  { rule: 'blacklisted-word', detail: 'contains "image"' },
  { rule: 'write-a-program', detail: 'starts with "Write a program"' },
  { rule: 'starts-with-punctuation', detail: 'starts with "-"' },
];

export interface RunIds {
  projectId: string;
  runId: string;
  fingerprint: string;
  modelId: string;
}

/** One generation step and the task steps that finish its accepted candidates, in the loop's order. */
export interface SyntheticStep {
  generation: GenerationStep;
  classify: TaskStep[];
  instances: TaskStep[];
}

export class SyntheticRun {
  readonly #rng: Rng;
  readonly #text: SyntheticText;
  /** The latest accepted instructions: in-context examples and ROUGE-L neighbours. */
  readonly #recent: PoolEntry[] = [];
  #step = 0;

  constructor(
    private readonly ids: RunIds,
    private readonly seeds: readonly SeedTask[],
    private readonly newId: (prefix: string) => string,
    seed: number,
  ) {
    this.#rng = createRng(seed);
    this.#text = new SyntheticText(this.#rng);
  }

  /** The next step, accepting at most `room` candidates (the list ends early to stay within it). */
  next(room = Infinity): SyntheticStep {
    const step = this.#step++;
    const candidates = Array.from({ length: this.#rng.next() < 0.8 ? 7 : 4 + this.#rng.int(4) }, () => this.#text.instruction());
    const examples = [...this.#pickSeeds(6), ...this.#recent.slice(-2).map((entry) => entry.instruction)];
    const request = instructionRequest(examples, step, SELF_INSTRUCT_SETTINGS);
    const call = this.#call(request, candidates.map((text, i) => `${examples.length + i + 1}. ${text}`).join('\n'));
    const tasks: Task[] = [];
    const accepted: Task[] = [];
    for (const instruction of candidates) {
      if (accepted.length >= room) break;
      const task = this.#screen(instruction, call.id);
      tasks.push(task);
      if (task.stage !== 'rejected') accepted.push(task);
    }
    const classify = accepted.map((task) => this.#classify(task));
    const instances = classify.map(({ task }) => this.#instances(task));
    return { generation: { call, candidates: tasks, instances: [] }, classify, instances };
  }

  #screen(instruction: string, callId: string): Task {
    const base = { id: this.newId('task'), projectId: this.ids.projectId, runId: this.ids.runId, instruction, callId, fingerprint: this.ids.fingerprint, created: Date.now() };
    const neighbour = this.#recent[this.#rng.int(Math.max(1, this.#recent.length))] ?? { id: this.seeds[0]!.id, instruction: this.seeds[0]!.instruction };
    if (this.#rng.next() < REJECTED_SHARE) {
      if (this.#rng.next() < ROUGE_SHARE_OF_REJECTED) {
        const score = 0.71 + this.#rng.next() * 0.25;
        return { ...base, stage: 'rejected', reason: { rule: 'rouge', score, nearest: neighbour }, nearest: { entry: neighbour, score } };
      }
      return { ...base, stage: 'rejected', reason: HEURISTICS[this.#rng.int(HEURISTICS.length)]! };
    }
    this.#recent.push({ id: base.id, instruction });
    if (this.#recent.length > 256) this.#recent.splice(0, 128);
    return { ...base, stage: 'classify', nearest: { entry: neighbour, score: 0.15 + this.#rng.next() * 0.5 } };
  }

  #classify(task: Task): TaskStep {
    const isClassification = this.#rng.next() < CLASSIFICATION_SHARE;
    const call = this.#call(classifyRequest(task.instruction, this.seeds, SELF_INSTRUCT_SETTINGS), isClassification ? 'Yes' : 'No');
    return { call, task: { ...task, stage: 'instances', isClassification, classifyCallId: call.id }, instances: [] };
  }

  #instances(task: Task): TaskStep {
    const isClassification = task.isClassification ?? false;
    const labels = isClassification ? this.#text.labels() : undefined;
    const count = 1 + this.#rng.int(isClassification ? 3 : 2) + (this.#rng.next() < 0.08 ? 1 : 0);
    const pairs = Array.from({ length: count }, () => ({ input: this.#text.input(), output: this.#text.output(labels) }));
    const text = pairs.map(({ input, output }, i) => `Example ${i + 1}\nInput: ${input || 'Not applicable.'}\nOutput: ${output}`).join('\n\n');
    const call = this.#call(instancesRequest(task.instruction, isClassification, this.seeds, SELF_INSTRUCT_SETTINGS), text);
    const instances: StoredInstance[] = pairs.map((pair) => ({ ...pair, id: this.newId('inst'), projectId: this.ids.projectId, taskId: task.id, callId: call.id }));
    return { call, task: { ...task, stage: 'done', instanceCount: instances.length }, instances };
  }

  #call(request: CompletionRequest, text: string): CallRecord {
    const promptChars = request.mode === 'chat' ? request.messages.reduce((sum, message) => sum + message.content.length, 0) : request.prompt.length;
    const completionTokens = Math.ceil(text.length / 4);
    const durationMs = 300 + completionTokens * 40;
    return {
      id: this.newId('call'),
      projectId: this.ids.projectId,
      runId: this.ids.runId,
      purpose: request.purpose,
      request,
      modelId: this.ids.modelId,
      result: { text, finishReason: 'stop', promptTokens: Math.ceil(promptChars / 4), completionTokens, durationMs, tokensPerSecond: 25 },
      created: Date.now(),
    };
  }

  #pickSeeds(n: number): string[] {
    return Array.from({ length: n }, () => this.seeds[this.#rng.int(this.seeds.length)]!.instruction);
  }
}

/** What a step leaves in the store once all of it is done: the rows the batched path writes at once. */
export function finalRows({ generation, classify, instances }: SyntheticStep): { calls: CallRecord[]; tasks: Task[]; instances: StoredInstance[] } {
  return {
    calls: [generation.call, ...classify.map((step) => step.call), ...instances.map((step) => step.call)],
    tasks: [...generation.candidates.filter((task) => task.stage === 'rejected'), ...instances.map((step) => step.task)],
    instances: instances.flatMap((step) => step.instances),
  };
}
