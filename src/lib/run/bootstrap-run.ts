import {
  classifyRequest,
  createRng,
  filterInstances,
  generationRequest,
  hashSeedSet,
  instancesRequest,
  parseClassification,
  parseInstances,
  parseProposals,
  settingsFingerprint,
  validateTemplates,
} from '../method';
import { FailureError, failureOf } from '../failure';
import { createIdFactory } from '../ids';
import type { CallPurpose, CallRecord, CompletionRequest, CompletionResult, Failure, Generator, Instance, MethodSettings, Novelty, NoveltyChanges, PoolCounts, Run, RunConfig, SeedTask, StoredInstance, Task, TaskOrigin, TaskStore } from '../vocabulary';
import { stepSeed, taskSeed } from './run-seeds';
import { MachineInstructions } from './machine-instructions';
import { loadScreeningPool, screenCandidate } from './screen-candidate';

export interface RunPorts {
  generator: Generator;
  novelty: Novelty;
  store: TaskStore;
}

export type RunEvent =
  | { type: 'text'; purpose: CallPurpose; text: string }
  | { type: 'step'; purpose: CallPurpose; counts: PoolCounts };

export type RunOutcome =
  | { status: 'finished' | 'paused'; counts: PoolCounts }
  /** The page acts on `failure.reason`, e.g. 'model-lost': the model must be loaded again. */
  | { status: 'failed'; failure: Failure };

export interface RunOptions {
  signal: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  now?: () => number;
  /**
   * Tells the loop of a person's changes to the pool while it runs (returns the unsubscribe), so
   * the next prompt samples its examples from the pool as it now is.
   */
  watchPool?: (listener: (changes: NoveltyChanges) => void) => () => void;
  /**
   * Called with each task the loop finishes, after it is stored and before the next step (judging
   * during a run: `judgeEachFinished`). Its model calls change none of the loop's random choices,
   * which follow the step numbers and the tasks' origins, so the same seed gives the same dataset.
   */
  afterFinished?: (task: Task) => Promise<void>;
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
  #machine = new MachineInstructions([]);
  /** Generation steps in a row whose answer held no candidate at all. */
  #emptySteps = 0;

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
    const unwatch = this.options.watchPool?.((changes) => this.#machine.apply(changes));
    try {
      const { signal } = this.options;
      while (!signal.aborted) {
        const pending = await this.ports.store.nextPending(this.projectId);
        const counts = pending ? undefined : await this.ports.store.counts(this.projectId);
        if (counts && counts.accepted >= this.config.targetSize) return await this.finish('finished');
        const written = pending ? await this.completeTask(pending) : await this.generateInstructions(counts!.generationCalls);
        if (!written) break;
      }
      return await this.finish('paused');
    } finally {
      unwatch?.();
    }
  }

  async fail(error: unknown): Promise<RunOutcome> {
    const failure = failureOf(error);
    if (this.#run) await this.saveRun('failed', failure.message).catch(() => {});
    // The index may hold candidates of a step that was never written: rebuild it from the store.
    await this.loadPool().catch(() => {});
    return { status: 'failed', failure };
  }

  private async prepare(): Promise<void> {
    const problems = validateTemplates(this.settings.templates);
    if (problems.length > 0) throw new FailureError('bad-template', `The prompt templates need fixing before a run: ${problems.join(' ')}`);
    this.#seeds = await this.ports.store.seeds(this.projectId);
    if (this.#seeds.length === 0) throw new FailureError('no-seeds', 'The project has no seed tasks. Add seed tasks, then start the run.');
    this.#run = await this.resumeOrStartRun();
    await this.loadPool();
    await this.saveRun('running');
  }

  private async loadPool(): Promise<void> {
    const accepted = await this.ports.store.acceptedTasks(this.projectId);
    this.#machine = new MachineInstructions(accepted);
    await loadScreeningPool(this.ports.novelty, this.projectId, [...this.#seeds, ...accepted], this.settings);
  }

  /** The latest run continues if it is unfinished and would make the same choices; else a new one. */
  private async resumeOrStartRun(): Promise<Run> {
    const seedSetHash = hashSeedSet(this.#seeds);
    const fingerprint = settingsFingerprint(this.settings, seedSetHash);
    const latest = await this.ports.store.latestRun(this.projectId);
    const { modelId, rngSeed } = this.config;
    if (latest && latest.status !== 'finished' && latest.fingerprint === fingerprint && latest.config.modelId === modelId && latest.config.rngSeed === rngSeed) {
      return { ...latest, config: this.config };
    }
    const now = this.#now();
    const id = this.#newId('run');
    return { id, projectId: this.projectId, config: this.config, seedSetHash, fingerprint, started: now, updated: now, status: 'running' };
  }

  private get settings(): MethodSettings {
    return this.config.settings;
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

  /** One generation step; false when the call was interrupted and nothing was written. */
  private async generateInstructions(step: number): Promise<boolean> {
    const written = await this.generate(step);
    if (!written) return false;
    this.#emptySteps = written.length === 0 ? this.#emptySteps + 1 : 0;
    if (this.#emptySteps === MAX_EMPTY_STEPS) throw new UnusableOutputError(MAX_EMPTY_STEPS);
    for (const task of written) if (task.stage !== 'rejected') this.#machine.push(task);
    await this.emitStep('instructions');
    return true;
  }

  /**
   * Self-Instruct proposes instructions, each accepted one waiting for its classify step; Alpaca
   * proposes whole tasks with one instance each and no classify step (anchor §2).
   */
  private async generate(step: number): Promise<Task[] | undefined> {
    const call = await this.call(generationRequest(this.#seeds, this.#machine.texts(), stepSeed(this.config.rngSeed, step), this.settings));
    if (!call) return undefined;
    const candidates: Task[] = [];
    const instances: StoredInstance[] = [];
    for (const [candidate, proposal] of parseProposals(call.result, this.settings).entries()) {
      const task = await this.screen(proposal.instruction, call.id, { step, candidate }, proposal.instance ? 'done' : 'classify');
      if (proposal.instance && task.stage === 'done') {
        const kept = this.keptInstances([proposal.instance], task, call.id);
        instances.push(...kept);
        task.instanceCount = kept.length;
      }
      candidates.push(task);
    }
    await this.ports.store.saveGeneration({ call, candidates, instances });
    for (const task of candidates) if (task.stage === 'done') await this.options.afterFinished?.(task);
    return candidates;
  }

  /** Heuristics first, then ROUGE-L against the whole pool, this step's earlier acceptances included. */
  private async screen(candidate: string, callId: string, origin: TaskOrigin, acceptedStage: 'classify' | 'done'): Promise<Task> {
    const { instruction, nearest, reason } = await screenCandidate(candidate, this.ports.novelty, this.settings.heuristics);
    const task: Task = {
      id: this.#newId('task'),
      projectId: this.projectId,
      runId: this.#run.id,
      callId,
      origin,
      fingerprint: this.#run.fingerprint,
      created: this.#now(),
      instruction,
      stage: reason ? 'rejected' : acceptedStage,
      ...(nearest ? { nearest } : {}),
      ...(reason ? { reason } : {}),
    };
    if (!reason) await this.ports.novelty.add({ id: task.id, instruction });
    return task;
  }

  /** The classify step, or the instances step, of one accepted task. */
  private async completeTask(task: Task): Promise<boolean> {
    return task.stage === 'classify' ? this.classify(task) : this.makeInstances(task);
  }

  private async classify(task: Task): Promise<boolean> {
    const call = await this.call(classifyRequest(task.instruction, this.#seeds, this.settings, this.seedOf(task)));
    if (!call) return false;
    const isClassification = parseClassification(call.result.text, this.settings);
    await this.ports.store.saveTaskStep({ call, task: { ...task, stage: 'instances', isClassification, classifyCallId: call.id }, instances: [] });
    await this.emitStep('classify');
    return true;
  }

  private async makeInstances(task: Task): Promise<boolean> {
    const isClassification = task.isClassification ?? false;
    const call = await this.call(instancesRequest(task.instruction, isClassification, this.#seeds, this.settings, this.seedOf(task)));
    if (!call) return false;
    const instances = this.keptInstances(parseInstances(call.result, isClassification, this.settings), task, call.id);
    const finished: Task = { ...task, stage: 'done', instanceCount: instances.length };
    await this.ports.store.saveTaskStep({ call, task: finished, instances });
    await this.options.afterFinished?.(finished);
    await this.emitStep('instances');
    return true;
  }

  /** The instances that pass the instance filters, sampled with the task's own seed, as rows to store. */
  private keptInstances(instances: readonly Instance[], task: Task, callId: string): StoredInstance[] {
    const kept = filterInstances(instances, createRng(this.seedOf(task)), this.settings.maxInstances);
    return kept.map(({ input, output }) => ({ input, output, id: this.#newId('inst'), projectId: this.projectId, taskId: task.id, callId }));
  }

  private seedOf(task: Task): number {
    return taskSeed(this.config.rngSeed, task.origin);
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

/** A model that keeps answering with nothing the parsers can read would otherwise spin forever. */
const MAX_EMPTY_STEPS = 5;

class UnusableOutputError extends FailureError {
  override readonly name = 'UnusableOutputError';
  constructor(steps: number) {
    super(
      'unusable-output',
      `The model's last ${steps} answers held no instruction the parser could read, so the run stopped. ` +
        'Open a rejected or recent call in the pool to see what it wrote; an instruct (chat) model, the JSON output mode, or plainer prompt templates usually help.',
    );
  }
}
