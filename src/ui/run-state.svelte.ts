import type { RunNews, TabCoordinator } from '../lib/coordination';
import { REJECTION_RULES } from '../lib/method';
import { checkWholeNumber, measuredGenerator, RUN_LIMITS, runBootstrap, tokensPerFinishedTask, type RunPorts } from '../lib/run';
import type { CallPurpose, CompletionResult, FailureReason, MethodSettings, NoveltyChanges, PoolCounts, RejectionReason, Task, TokenUsage } from '../lib/vocabulary';
import type { PoolStore } from '../lib/store';
import { RunClock, type Ticker } from './run-clock.svelte';

export type RunStatus = 'idle' | 'running' | 'pausing' | 'paused' | 'finished' | 'failed';

/** A new project's target, and how far "raise the target" moves a reached one. */
const TARGET_STEP = 100;
// The reasons after which no model is loaded any more: it was lost, dropped, or its worker died.
const MODEL_GONE: ReadonlySet<FailureReason> = new Set(['model-lost', 'model-not-loaded', 'worker-crashed']);
const EMPTY_COUNTS: PoolCounts = { seeds: 0, accepted: 0, rejected: 0, pending: 0, instances: 0, generationCalls: 0 };

/** A run of the bootstrap loop as the page shows it: status, counts, the funnel, live text. */
export class RunState {
  #status = $state<RunStatus>('idle');
  #counts = $state.raw<PoolCounts>(EMPTY_COUNTS);
  #rejections = $state.raw<Partial<Record<RejectionReason['rule'], number>>>({});
  #live = $state.raw<{ purpose: CallPurpose; text: string } | undefined>();
  #error = $state<string | undefined>();
  /** Another tab holds this project's run: this one shows its progress and cannot start. */
  #otherTab = $state(false);
  #lostModel = $state(false);
  /** Every journaled call's tokens: read at restore and after a run, added to from each answer while it runs. */
  #tokens = $state.raw<TokenUsage>({ promptTokens: 0, completionTokens: 0 });
  /** Elapsed time, tasks per hour, tokens per second and time left of this page's latest run. */
  readonly clock: RunClock;
  /** Bound to a number field, which reads as null while it is empty. */
  targetSize = $state<number | null>(TARGET_STEP);
  /** Drives every sampling decision of the run; the same seed and settings repeat a run. */
  rngSeed = $state<number | null>(randomSeed());
  readonly #target = $derived(checkWholeNumber(this.targetSize, RUN_LIMITS.targetSize));
  readonly #seed = $derived(checkWholeNumber(this.rngSeed, RUN_LIMITS.rngSeed));
  #controller: AbortController | undefined;
  readonly #unsubscribe: () => void;
  /** The running loop's ear for a person's changes to the pool (RunOptions.watchPool). */
  readonly #poolListeners = new Set<(changes: NoveltyChanges) => void>();

  constructor(
    private readonly ports: RunPorts & { store: PoolStore },
    private readonly projectId: string,
    private readonly tabs: TabCoordinator,
    ticker?: Ticker,
  ) {
    this.clock = new RunClock(ticker);
    this.#unsubscribe = tabs.subscribe((news) => this.hear(news));
  }

  get status() { return this.#status; }
  get counts() { return this.#counts; }
  /** Rejected candidates per rule: the funnel from generated to accepted. */
  get rejections() { return this.#rejections; }
  get live() { return this.#live; }
  get error() { return this.#error; }
  get otherTab() { return this.#otherTab; }
  /** The last run stopped because the model is gone (a crash, a lost GPU); it must be loaded again. */
  get lostModel() { return this.#lostModel; }
  /** Prompt and completion tokens per finished task, over every call in the journal; unknown before a task is finished. */
  get tokenCost() { return tokensPerFinishedTask(this.#tokens, this.#counts.accepted - this.#counts.pending); }
  /** What is wrong with the target, in words beside the field; a run waits until it is fixed. */
  get targetProblem() { return problemOf(this.#target); }
  get seedProblem() { return problemOf(this.#seed); }
  /** The pool holds the target's accepted tasks, all finished: a run would end as soon as it began. */
  get targetReached() {
    return this.#target.ok && this.#counts.accepted >= this.#target.value && this.#counts.pending === 0;
  }

  /** A target a step beyond the accepted tasks, so that a run has new ones to write. */
  get raisedTarget() { return Math.min(RUN_LIMITS.targetSize.max, this.#counts.accepted + TARGET_STEP); }

  raiseTarget(): void {
    this.targetSize = this.raisedTarget;
  }

  /** Reads the pool and the last run back from storage, as after a reload. */
  async restore(): Promise<void> {
    const latest = await this.ports.store.latestRun(this.projectId);
    if (latest) {
      this.targetSize = latest.config.targetSize;
      // An unfinished run keeps its seed, so resuming it makes the same choices.
      if (latest.status !== 'finished') this.rngSeed = latest.config.rngSeed;
      this.#status = latest.status === 'running' ? 'paused' : latest.status;
      this.#error = latest.error;
    }
    this.#otherTab = this.#status !== 'running' && (await this.tabs.isRunning(this.projectId));
    await Promise.all([this.refresh(), this.readTokens()]);
  }

  /** A person changed the pool: a run in progress samples its next prompts from the pool as it now is. */
  poolChanged(changes: NoveltyChanges): void {
    for (const listener of this.#poolListeners) listener(changes);
  }

  /** Stops listening to other tabs; the page calls it when it shows another project. */
  dispose(): void {
    this.#unsubscribe();
  }

  /**
   * Runs the loop towards the target; nothing happens while a field is invalid or the target is
   * reached. `judgeFinished`, given the run's signal, makes the hook that judges each finished task.
   */
  async start(modelId: string, settings: MethodSettings, judgeFinished?: (signal: AbortSignal) => (task: Task) => Promise<void>): Promise<void> {
    if (this.#status === 'running' || this.#status === 'pausing') return;
    const [target, seed] = [this.#target, this.#seed];
    if (!target.ok || !seed.ok || this.targetReached) return;
    const controller = new AbortController();
    this.#controller = controller;
    this.#status = 'running';
    this.#error = undefined;
    const config = { modelId, targetSize: target.value, rngSeed: seed.value, settings };
    this.clock.start(this.#counts.accepted, target.value);
    const ports = { ...this.ports, generator: measuredGenerator(this.ports.generator, (result) => this.measured(result)) };
    const held = await this.tabs.runExclusively(this.projectId, () =>
      runBootstrap(ports, this.projectId, config, {
        signal: controller.signal,
        ...(judgeFinished ? { afterFinished: judgeFinished(controller.signal) } : {}),
        watchPool: (listener) => {
          this.#poolListeners.add(listener);
          return () => this.#poolListeners.delete(listener);
        },
        onEvent: (event) => {
          if (event.type === 'text') this.#live = { purpose: event.purpose, text: event.text };
          else
            void this.refresh().then(() => {
              this.clock.counted(this.#counts.accepted);
              this.tell('running');
            });
        },
      }),
    );
    this.clock.stop();
    this.#live = undefined;
    if (!held) {
      this.#otherTab = true;
      this.#status = 'paused';
      return;
    }
    const outcome = held.value;
    // The final counts first, so the page never shows "finished" beside the counts of a step before.
    await Promise.all([this.refresh(), this.readTokens()]);
    this.#status = outcome.status;
    this.#lostModel = outcome.status === 'failed' && MODEL_GONE.has(outcome.failure.reason);
    if (outcome.status === 'failed') this.#error = outcome.failure.message;
    this.tell(outcome.status);
  }

  pause(): void {
    if (this.#status !== 'running') return;
    this.#status = 'pausing';
    this.#controller?.abort();
  }

  private tell(status: RunNews['status']): void {
    this.tabs.publish({ projectId: this.projectId, status, counts: this.#counts });
  }

  /** Another tab's progress on this project: the pool it writes is the same IndexedDB. */
  private hear(news: RunNews): void {
    if (news.projectId !== this.projectId || this.#status === 'running' || this.#status === 'pausing') return;
    this.#otherTab = news.status === 'running';
    this.#status = news.status === 'running' ? 'paused' : news.status;
    this.#counts = news.counts;
    void this.refresh();
  }

  private measured(result: CompletionResult): void {
    this.clock.measured(result);
    // An aborted call is thrown away, never journaled.
    if (result.finishReason !== 'abort') {
      this.#tokens = { promptTokens: this.#tokens.promptTokens + result.promptTokens, completionTokens: this.#tokens.completionTokens + result.completionTokens };
    }
  }

  private async readTokens(): Promise<void> {
    this.#tokens = await this.ports.store.tokenUsage(this.projectId);
  }

  /** Re-reads the counts and the funnel from the store. */
  async refresh(): Promise<void> {
    const [counts, rejections] = await Promise.all([
      this.ports.store.counts(this.projectId),
      this.ports.store.rejectionsByRule(this.projectId, REJECTION_RULES),
    ]);
    this.#counts = counts;
    this.#rejections = rejections;
  }
}

function problemOf(field: ReturnType<typeof checkWholeNumber>): string | undefined {
  return field.ok ? undefined : field.problem;
}

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}
