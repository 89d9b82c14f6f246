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
} from '../method';
import { createIdFactory } from './ids';
import type {
  CallPurpose,
  CallRecord,
  CompletionRequest,
  CompletionResult,
  Generator,
  Novelty,
  PoolCounts,
  PoolEntry,
  Run,
  RunConfig,
  SeedTask,
  StoredInstance,
  Task,
  TaskStore,
} from './ports';

export interface RunPorts {
  generator: Generator;
  novelty: Novelty;
  store: TaskStore;
}

export type RunEvent =
  | { type: 'text'; purpose: CallPurpose; text: string }
  | { type: 'step'; purpose: CallPurpose; counts: PoolCounts };

export type RunOutcome = { status: 'finished' | 'paused'; counts: PoolCounts } | { status: 'failed'; error: string };

export interface RunOptions {
  signal: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  now?: () => number;
}

/**
 * The Self-Instruct bootstrap loop as a resumable state machine. Everything it needs to continue
 * is read back from the store: which tasks still wait for their classify or instances step, how
 * many generation steps ran (which fixes each step's random seed), and the pool itself. A reload,
 * a pause or a crash therefore loses at most the model call in flight.
 */
export async function runBootstrap(
  ports: RunPorts,
  projectId: string,
  config: RunConfig,
  options: RunOptions,
): Promise<RunOutcome> {
  const loop = new BootstrapLoop(ports, projectId, config, options);
  try {
    return await loop.run();
  } catch (error) {
    return loop.fail(error);
  }
}

class BootstrapLoop {
  readonly #now: () => number;
  readonly #newId: (prefix: string) => string;
  #run!: Run;
  #seeds: SeedTask[] = [];
  #machine: string[] = [];

  constructor(
    private readonly ports: RunPorts,
    private readonly projectId: string,
    private readonly config: RunConfig,
    private readonly options: RunOptions,
  ) {
    this.#now = options.now ?? Date.now;
    this.#newId = createIdFactory(this.#now);
  }

  async run(): Promise<RunOutcome> {
    await this.prepare();
    const { signal } = this.options;
    while (!signal.aborted) {
      const pending = await this.ports.store.nextPending(this.projectId);
      const counts = pending ? undefined : await this.ports.store.counts(this.projectId);
      if (counts && counts.accepted >= this.config.targetSize) return this.finish('finished');
      const written = pending ? await this.completeTask(pending) : await this.generateInstructions(counts!.generationCalls);
      if (!written) break;
    }
    return this.finish('paused');
  }

  async fail(error: unknown): Promise<RunOutcome> {
    const message = error instanceof Error ? error.message : String(error);
    if (this.#run) await this.saveRun('failed', message).catch(() => {});
    // The index may hold candidates of a step that was never written: rebuild it from the store.
    await this.loadPool().catch(() => {});
    return { status: 'failed', error: message };
  }

  private async prepare(): Promise<void> {
    const { store } = this.ports;
    this.#seeds = await store.seeds(this.projectId);
    if (this.#seeds.length === 0) throw new Error('The project has no seed tasks. Add seed tasks, then start the run.');
    this.#run = await this.resumeOrStartRun();
    await this.loadPool();
    await this.saveRun('running');
  }

  private async loadPool(): Promise<void> {
    const accepted = await this.ports.store.acceptedTasks(this.projectId);
    this.#machine = accepted.map((task) => task.instruction);
    const entries: PoolEntry[] = [
      ...this.#seeds.map(({ id, instruction }) => ({ id, instruction })),
      ...accepted.map(({ id, instruction }) => ({ id, instruction })),
    ];
    await this.ports.novelty.loadPool(entries, this.config.rougeThreshold);
  }

  private async resumeOrStartRun(): Promise<Run> {
    const latest = await this.ports.store.latestRun(this.projectId);
    if (latest && latest.status !== 'finished' && sameMethod(latest.config, this.config)) {
      return { ...latest, config: this.config };
    }
    const now = this.#now();
    return { id: this.#newId('run'), projectId: this.projectId, config: this.config, started: now, updated: now, status: 'running' };
  }

  private async finish(status: 'finished' | 'paused'): Promise<RunOutcome> {
    await this.saveRun(status);
    return { status, counts: await this.ports.store.counts(this.projectId) };
  }

  private async saveRun(status: Run['status'], error?: string): Promise<void> {
    const { error: _previous, ...run } = this.#run;
    this.#run = { ...run, status, updated: this.#now(), ...(error ? { error } : {}) };
    await this.ports.store.saveRun(this.#run);
  }

  /** One instruction-generation step; false when the call was interrupted and nothing was written. */
  private async generateInstructions(step: number): Promise<boolean> {
    const seed = stepSeed(this.config.rngSeed, step);
    const examples = sampleInContext(
      this.#seeds.map((task) => task.instruction),
      this.#machine,
      createRng(seed),
    );
    const call = await this.call(instructionRequest(examples, seed));
    if (!call) return false;
    const candidates: Task[] = [];
    for (const text of parseInstructions(call.result)) candidates.push(await this.screen(text, call.id));
    await this.ports.store.saveGeneration({ call, candidates });
    for (const task of candidates) if (task.stage !== 'rejected') this.#machine.push(task.instruction);
    await this.emitStep('instructions');
    return true;
  }

  /** Heuristics first, then ROUGE-L against the whole pool, this step's earlier acceptances included. */
  private async screen(candidate: string, callId: string): Promise<Task> {
    const base = { projectId: this.projectId, runId: this.#run.id, callId, created: this.#now() };
    const screened = screenInstruction(candidate);
    if (!screened.ok) {
      return { ...base, id: this.#newId('task'), instruction: candidate.trim(), stage: 'rejected', reason: screened.reason };
    }
    const verdict = await this.ports.novelty.check(screened.instruction);
    const id = this.#newId('task');
    const nearest = verdict.nearest ? { nearest: { entry: verdict.nearest, score: verdict.score } } : {};
    if (!verdict.novel && verdict.nearest) {
      const reason = { rule: 'rouge' as const, score: verdict.score, nearest: verdict.nearest };
      return { ...base, ...nearest, id, instruction: screened.instruction, stage: 'rejected', reason };
    }
    await this.ports.novelty.add({ id, instruction: screened.instruction });
    return { ...base, ...nearest, id, instruction: screened.instruction, stage: 'classify' };
  }

  /** The classify step, or the instances step, of one accepted task. */
  private async completeTask(task: Task): Promise<boolean> {
    return task.stage === 'classify' ? this.classify(task) : this.makeInstances(task);
  }

  private async classify(task: Task): Promise<boolean> {
    const call = await this.call(classifyRequest(task.instruction, this.#seeds));
    if (!call) return false;
    const isClassification = parseClassification(call.result.text);
    await this.ports.store.saveTaskStep({ call, task: { ...task, stage: 'instances', isClassification }, instances: [] });
    await this.emitStep('classify');
    return true;
  }

  private async makeInstances(task: Task): Promise<boolean> {
    const isClassification = task.isClassification ?? false;
    const call = await this.call(instancesRequest(task.instruction, isClassification, this.#seeds));
    if (!call) return false;
    const rng = createRng(stepSeed(this.config.rngSeed, hashString(task.id)));
    const kept = filterInstances(parseInstances(call.result, isClassification), rng);
    const instances: StoredInstance[] = kept.map((instance) => ({
      ...instance,
      id: this.#newId('inst'),
      projectId: this.projectId,
      taskId: task.id,
      callId: call.id,
    }));
    await this.ports.store.saveTaskStep({ call, task: { ...task, stage: 'done', instanceCount: instances.length }, instances });
    await this.emitStep('instances');
    return true;
  }

  /** One model call, journaled; undefined when the run was paused during it. */
  private async call(request: CompletionRequest): Promise<CallRecord | undefined> {
    const { signal, onEvent } = this.options;
    const onText = (text: string) => onEvent?.({ type: 'text', purpose: request.purpose, text });
    const result: CompletionResult = await this.ports.generator.complete(request, { signal, onText });
    if (result.finishReason === 'abort' || signal.aborted) return undefined;
    return {
      id: this.#newId('call'),
      projectId: this.projectId,
      runId: this.#run.id,
      purpose: request.purpose,
      request,
      modelId: this.config.modelId,
      result,
      created: this.#now(),
    };
  }

  private async emitStep(purpose: CallPurpose): Promise<void> {
    this.#run = { ...this.#run, updated: this.#now() };
    if (!this.options.onEvent) return;
    this.options.onEvent({ type: 'step', purpose, counts: await this.ports.store.counts(this.projectId) });
  }
}

/** A run continues across pauses and reloads while the settings that shape its output stay the same. */
function sameMethod(a: RunConfig, b: RunConfig): boolean {
  return a.modelId === b.modelId && a.rougeThreshold === b.rougeThreshold && a.rngSeed === b.rngSeed;
}

/**
 * Each step's random seed comes from the run's seed and the step number alone, so a resumed run
 * makes the same choices it would have made without the interruption.
 */
function stepSeed(runSeed: number, step: number): number {
  return (runSeed ^ Math.imul(step + 1, 0x9e3779b1)) >>> 0;
}

/** FNV-1a: a stable number from a task id, to seed that task's instance sampling. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
