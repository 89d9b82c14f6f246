import { FailureError, failureOf } from '../failure';
import { createIdFactory } from '../ids';
import { checkJudgeSettings, judgeRequest, readJudgment, type JudgeableTask } from '../judge';
import type { CallRecord, Failure, Generator, JudgeSettings, Judgment, StoredJudgment, Task } from '../vocabulary';

/** What the judge reads and writes (QualityStore implements it). */
export interface JudgeStore {
  /** The tasks still to judge, oldest first: the run's whole position. */
  judgeQueue(projectId: string): Promise<readonly { taskId: string }[]>;
  /** The task as it is now, if it is still finished, in the pool and without a current judgment. */
  judgeableTask(projectId: string, taskId: string): Promise<JudgeableTask | undefined>;
  /** The judgment and its call, in one transaction. */
  saveJudgment(call: CallRecord, stored: StoredJudgment): Promise<void>;
}

export interface JudgePorts {
  generator: Generator;
  store: JudgeStore;
}

export interface JudgeConfig {
  modelId: string;
  settings: JudgeSettings;
  /** Passed to the model with every call, so a judgment can be repeated. */
  rngSeed?: number;
}

/** Where a judge run stands: `done` of `total` tasks looked at, and what became of them. */
export interface JudgeProgress {
  done: number;
  total: number;
  judged: number;
  unreadable: number;
  /** Deleted, edited back to waiting, or judged elsewhere since the queue was read. */
  skipped: number;
}

export type JudgeEvent =
  | { type: 'text'; taskId: string; text: string }
  | { type: 'judged'; taskId: string; judgment: Judgment; progress: JudgeProgress }
  | { type: 'skipped'; taskId: string; progress: JudgeProgress };

export type JudgeOutcome = { status: 'finished' | 'paused'; progress: JudgeProgress } | { status: 'failed'; failure: Failure; progress: JudgeProgress };

export interface JudgeOptions {
  signal: AbortSignal;
  onEvent?: (event: JudgeEvent) => void;
  now?: () => number;
}

/** Unreadable answers in a row that stop a judge run, as the bootstrap loop stops on empty answers. */
export const MAX_UNREADABLE_IN_A_ROW = 5;

/**
 * Judges the project's finished tasks that have no current judgment, oldest first, one model call
 * each. Its position is what is stored: the queue is read at the start, so a paused or reloaded
 * run continues where it stopped, and each task is read again just before it is judged. A pause
 * during a call writes nothing for it; every judgment is stored with its journaled call.
 */
export async function runJudge(ports: JudgePorts, projectId: string, config: JudgeConfig, options: JudgeOptions): Promise<JudgeOutcome> {
  const judge = new TaskJudge(ports, projectId, config, options);
  const progress: JudgeProgress = { done: 0, total: 0, judged: 0, unreadable: 0, skipped: 0 };
  try {
    judge.checkSettings();
    const queue = await ports.store.judgeQueue(projectId);
    progress.total = queue.length;
    let unreadableInARow = 0;
    for (const { taskId } of queue) {
      if (options.signal.aborted) return { status: 'paused', progress };
      const judged = await judge.judge(taskId);
      if (judged === 'interrupted') return { status: 'paused', progress };
      progress.done++;
      if (judged === 'skipped') {
        progress.skipped++;
        options.onEvent?.({ type: 'skipped', taskId, progress: { ...progress } });
        continue;
      }
      progress[judged.status]++;
      unreadableInARow = judged.status === 'unreadable' ? unreadableInARow + 1 : 0;
      options.onEvent?.({ type: 'judged', taskId, judgment: judged, progress: { ...progress } });
      if (unreadableInARow === MAX_UNREADABLE_IN_A_ROW) throw new UnreadableJudgmentsError(MAX_UNREADABLE_IN_A_ROW);
    }
    return { status: options.signal.aborted ? 'paused' : 'finished', progress };
  } catch (error) {
    return { status: 'failed', failure: failureOf(error), progress };
  }
}

/**
 * Judging during a generation run: a hook for the bootstrap loop's `afterFinished` that judges each
 * task as soon as it is finished, with the run's model and signal. Unreadable answers are stored
 * as such and never stop the generation run. `onJudged` hears of each judgment.
 */
export function judgeEachFinished(
  ports: JudgePorts,
  projectId: string,
  config: JudgeConfig,
  options: JudgeOptions & { onJudged?: (taskId: string, judgment: Judgment) => void },
): (task: Task) => Promise<void> {
  const judge = new TaskJudge(ports, projectId, config, options);
  judge.checkSettings();
  return async (task) => {
    const judged = await judge.judge(task.id);
    if (typeof judged === 'object') options.onJudged?.(task.id, judged);
  };
}

/** One task's judgment: re-read, asked, read, stored. */
class TaskJudge {
  readonly #now: () => number;
  readonly #newId: (prefix: string) => string;
  /** The journal's run id of this judge's calls. */
  readonly #runId: string;

  constructor(
    private readonly ports: JudgePorts,
    private readonly projectId: string,
    private readonly config: JudgeConfig,
    private readonly options: JudgeOptions,
  ) {
    this.#now = options.now ?? Date.now;
    this.#newId = createIdFactory(this.#now);
    this.#runId = this.#newId('judge');
  }

  checkSettings(): void {
    const checked = checkJudgeSettings(this.config.settings);
    if (!checked.ok) throw new FailureError('bad-template', `The judge's settings need fixing first: ${Object.values(checked.problems).join(' ')}`);
  }

  /** The stored judgment; 'skipped' when the task is no longer to judge; 'interrupted' when paused during the call (nothing written). */
  async judge(taskId: string): Promise<Judgment | 'skipped' | 'interrupted'> {
    const task = await this.ports.store.judgeableTask(this.projectId, taskId);
    if (!task) return 'skipped';
    const { signal, onEvent } = this.options;
    const request = judgeRequest(task, this.config.settings, this.config.rngSeed);
    const onText = onEvent && ((text: string) => onEvent({ type: 'text', taskId, text }));
    const result = await this.ports.generator.complete(request, { signal, ...(onText ? { onText } : {}) });
    if (result.finishReason === 'abort' || signal.aborted) return 'interrupted';
    const judgment = readJudgment(result, task.instances.length);
    const now = this.#now();
    const { modelId } = this.config;
    const call: CallRecord = { id: this.#newId('call'), projectId: this.projectId, runId: this.#runId, purpose: 'judge', request, modelId, result, created: now };
    await this.ports.store.saveJudgment(call, { projectId: this.projectId, taskId, callId: call.id, modelId, judged: now, contentHash: task.contentHash, judgment });
    return judgment;
  }
}

class UnreadableJudgmentsError extends FailureError {
  override readonly name = 'UnreadableJudgmentsError';
  constructor(answers: number) {
    super(
      'unusable-output',
      `The judge's last ${answers} answers could not be read, so judging stopped. ` +
        "Open an unreadable judgment's call in the pool to see what the model wrote; the JSON output mode, a larger max tokens, an instruct (chat) model or a plainer judge prompt usually help.",
    );
  }
}
