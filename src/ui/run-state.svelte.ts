import { toSelfInstructJsonl } from '../lib/export';
import { runBootstrap, type CallPurpose, type PoolCounts, type RunPorts, type Task } from '../lib/run';
import type { PoolStore } from '../lib/store';
import { downloadFile } from './download-file';
import { errorMessage } from './handle-error';

export type RunStatus = 'idle' | 'running' | 'pausing' | 'paused' | 'finished' | 'failed';

const NEWEST_SHOWN = 40;
const EMPTY_COUNTS: PoolCounts = { seeds: 0, accepted: 0, rejected: 0, pending: 0, instances: 0, generationCalls: 0 };

/** A run of the bootstrap loop as the page shows it: status, counts, newest candidates, live text. */
export class RunState {
  #status = $state<RunStatus>('idle');
  #counts = $state.raw<PoolCounts>(EMPTY_COUNTS);
  #newest = $state.raw<Task[]>([]);
  #live = $state.raw<{ purpose: CallPurpose; text: string } | undefined>();
  #error = $state<string | undefined>();
  #exporting = $state(false);
  targetSize = $state(100);
  /** Drives every sampling decision of the run; the same seed and settings repeat a run. */
  rngSeed = $state(randomSeed());
  #controller: AbortController | undefined;

  constructor(
    private readonly ports: RunPorts & { store: PoolStore },
    private readonly projectId: string,
  ) {}

  get status() { return this.#status; }
  get counts() { return this.#counts; }
  get newest() { return this.#newest; }
  get live() { return this.#live; }
  get error() { return this.#error; }
  get exporting() { return this.#exporting; }

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
    await this.refresh();
  }

  async start(modelId: string): Promise<void> {
    if (this.#status === 'running' || this.#status === 'pausing') return;
    const controller = new AbortController();
    this.#controller = controller;
    this.#status = 'running';
    this.#error = undefined;
    // An emptied number field reads as null: fall back to sensible values rather than fail.
    this.targetSize = Math.max(1, Math.floor(Number(this.targetSize) || 1));
    if (!Number.isInteger(this.rngSeed) || this.rngSeed < 0) this.rngSeed = randomSeed();
    const config = { modelId, targetSize: this.targetSize, rougeThreshold: 0.7, rngSeed: this.rngSeed >>> 0 };
    const outcome = await runBootstrap(this.ports, this.projectId, config, {
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'text') this.#live = { purpose: event.purpose, text: event.text };
        else void this.refresh();
      },
    });
    this.#live = undefined;
    this.#status = outcome.status;
    if (outcome.status === 'failed') this.#error = outcome.error;
    await this.refresh();
  }

  pause(): void {
    if (this.#status !== 'running') return;
    this.#status = 'pausing';
    this.#controller?.abort();
  }

  async download(): Promise<void> {
    this.#exporting = true;
    try {
      const rows = await this.ports.store.finishedTasks(this.projectId);
      const date = new Date().toISOString().slice(0, 10);
      downloadFile(`self-instruct-${date}.jsonl`, toSelfInstructJsonl(rows), 'application/jsonl');
    } catch (error) {
      this.#error = errorMessage(error);
    } finally {
      this.#exporting = false;
    }
  }

  private async refresh(): Promise<void> {
    const [counts, newest] = await Promise.all([
      this.ports.store.counts(this.projectId),
      this.ports.store.newestTasks(this.projectId, NEWEST_SHOWN),
    ]);
    this.#counts = counts;
    this.#newest = newest;
  }
}

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}
