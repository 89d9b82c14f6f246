import type { JudgeNews, TabCoordinator } from '../../lib/coordination';
import { checkJudgeSettings, defaultJudgeSettings, repairJudgeSettings } from '../../lib/judge';
import { judgeEachFinished, runJudge, type JudgePorts, type JudgeProgress, type JudgeStore } from '../../lib/run';
import type { JudgeCounts } from '../../lib/store';
import type { FailureReason, Generator, JudgeSettings, Task } from '../../lib/vocabulary';
import { formatTimeLeft, remainingSeconds } from '../time-left';

export type JudgeStatus = 'idle' | 'running' | 'pausing' | 'paused' | 'finished' | 'failed';


/** Where the judge's settings live: on the project. */
export interface JudgeSettingsStore {
  get(projectId: string): Promise<{ judge?: JudgeSettings } | undefined>;
  saveJudgeSettings(projectId: string, judge: JudgeSettings): Promise<void>;
}

export interface JudgeStateOptions {
  /** Hears of each stored judgment, this tab's or another's, so the pool's rows show it. */
  onJudged?: (taskIds: string[]) => void;
  /** This tab's judgments and judge runs told to the other tabs, and theirs heard (NewsChannel). */
  news?: { publish(news: JudgeNews): void; subscribe(listener: (news: JudgeNews) => void): () => void };
  now?: () => number;
}

/** The counts re-read during a judge run at most this often: each read goes through every finished task (in the pool view worker). */
const COUNTS_EVERY_MS = 2000;
const NO_COUNTS: JudgeCounts = { finished: 0, judged: 0, unreadable: 0, stale: 0, none: 0 };
// The reasons after which no model is loaded any more, as the run reads them.
const MODEL_GONE: ReadonlySet<FailureReason> = new Set(['model-lost', 'model-not-loaded', 'worker-crashed']);

/**
 * The judge as the page shows it: its settings (edited as a draft, saved on the project while
 * valid), a judge run with progress and time left, the counts of judged, unreadable, stale and
 * not judged tasks, and the hook that judges each task a generation run finishes.
 */
export class JudgeState {
  #status = $state<JudgeStatus>('idle');
  #counts = $state.raw<JudgeCounts>(NO_COUNTS);
  #progress = $state.raw<JudgeProgress | undefined>();
  #timeLeft = $state<string | undefined>();
  #error = $state<{ message: string; unreadable: boolean } | undefined>();
  #otherTab = $state(false);
  #lostModel = $state(false);
  #live = $state<string | undefined>();
  /** The settings as the form edits them; saved whenever they are valid. */
  draft = $state<JudgeSettings>(defaultJudgeSettings());
  /** The settings before the last reset, so a reset can be undone. */
  #beforeReset = $state.raw<JudgeSettings | undefined>();
  readonly #check = $derived(checkJudgeSettings(this.draft));
  #countReads = 0;
  /** When the counts were last read during a run, so a judgment a second does not read them every time. */
  #lastCountsRead = 0;
  #controller: AbortController | undefined;
  #running: Promise<void> | undefined;
  readonly #now: () => number;
  readonly #unsubscribe: () => void;

  constructor(
    private readonly ports: {
      generator: Generator;
      store: JudgeStore;
      projects: JudgeSettingsStore;
      /** The counts the panel shows (the pool view worker's, from its rows). */
      counts: () => Promise<JudgeCounts>;
    },
    private readonly projectId: string,
    private readonly tabs: Pick<TabCoordinator, 'runExclusively'>,
    private readonly options: JudgeStateOptions = {},
  ) {
    this.#now = options.now ?? Date.now;
    this.#unsubscribe = options.news?.subscribe((news) => this.#hear(news)) ?? (() => {});
  }

  get status() { return this.#status; }
  get busy() { return this.#status === 'running' || this.#status === 'pausing'; }
  get counts() { return this.#counts; }
  /** Tasks a judge run would judge now: never judged, or judged before an edit. */
  get toJudge() { return this.#counts.none + this.#counts.stale; }
  get progress() { return this.#progress; }
  get timeLeft() { return this.#timeLeft; }
  /** Why the last run stopped; `unreadable` when it was the unreadable streak, whose message holds the advice. */
  get error() { return this.#error; }
  /** Another tab holds the project's lock (a run or a judge): the last start found it so, or another tab's judge run says it is judging. */
  get otherTab() { return this.#otherTab; }
  get lostModel() { return this.#lostModel; }
  /** The model's answer so far, for the task being judged. */
  get live() { return this.#live; }
  /** What is wrong with each field of the draft, in words. */
  get problems(): Readonly<Record<string, string>> { return this.#check.ok ? {} : this.#check.problems; }
  get canUndoReset() { return this.#beforeReset !== undefined; }

  /** Reads the project's judge settings and the counts. */
  async load(): Promise<void> {
    const project = await this.ports.projects.get(this.projectId);
    this.draft = repairJudgeSettings(project?.judge);
    await this.refresh();
  }

  /** Re-reads the counts; of reads that overlap, the last one asked for is shown. */
  async refresh(): Promise<void> {
    const read = ++this.#countReads;
    const counts = await this.ports.counts();
    if (read === this.#countReads) this.#counts = counts;
  }

  /** Saves the draft on the project if it is valid; the form calls it after each edit. */
  async save(): Promise<void> {
    if (this.#check.ok) await this.ports.projects.saveJudgeSettings(this.projectId, this.#check.settings);
  }

  async resetToDefaults(): Promise<void> {
    this.#beforeReset = $state.snapshot(this.draft);
    this.draft = defaultJudgeSettings();
    await this.save();
  }

  async undoReset(): Promise<void> {
    if (!this.#beforeReset) return;
    this.draft = this.#beforeReset;
    this.#beforeReset = undefined;
    await this.save();
  }

  /** Judges the tasks still to judge with the loaded model, holding the project's lock (the generation run's too). */
  async start(modelId: string): Promise<void> {
    if (this.busy || !this.#check.ok) return;
    const settings = this.#check.settings;
    const controller = new AbortController();
    this.#controller = controller;
    this.#status = 'running';
    this.#error = undefined;
    this.#lostModel = false;
    this.#progress = undefined;
    this.#timeLeft = undefined;
    const started = this.#now();
    this.#lastCountsRead = started;
    const ports: JudgePorts = { generator: this.ports.generator, store: this.ports.store };
    const work = this.tabs.runExclusively(this.projectId, () =>
      runJudge(ports, this.projectId, { modelId, settings }, {
        signal: controller.signal,
        now: this.#now,
        onEvent: (event) => {
          if (event.type === 'text') {
            this.#live = event.text;
            return;
          }
          this.#live = undefined;
          this.#progress = event.progress;
          const seconds = remainingSeconds((this.#now() - started) / 1000, event.progress.done / Math.max(1, event.progress.total));
          this.#timeLeft = seconds === undefined ? undefined : formatTimeLeft(seconds);
          if (event.type === 'judged') this.judged([event.taskId]);
          this.#tell({ taskIds: event.type === 'judged' ? [event.taskId] : [], run: { status: 'running', progress: event.progress } });
          this.refreshNowAndThen();
        },
      }),
    );
    this.#running = work.then(() => {});
    const held = await work;
    this.#live = undefined;
    this.#timeLeft = undefined;
    this.#otherTab = !held;
    await this.refresh();
    if (!held) {
      this.#status = 'idle';
      return;
    }
    const outcome = held.value;
    this.#tell({ taskIds: [], run: { status: outcome.status, progress: outcome.progress } });
    this.#progress = outcome.progress;
    this.#status = outcome.status;
    if (outcome.status === 'failed') {
      this.#error = { message: outcome.failure.message, unreadable: outcome.failure.reason === 'unusable-output' };
      this.#lostModel = MODEL_GONE.has(outcome.failure.reason);
    }
  }

  pause(): void {
    if (this.#status !== 'running') return;
    this.#status = 'pausing';
    this.#controller?.abort();
  }

  /** Pauses a judge run and waits until it has stopped: a generation run is about to take the model. */
  async stop(): Promise<void> {
    this.pause();
    await this.#running;
  }

  /**
   * For a generation run: the hook that judges each task it finishes, when "judge each task as a
   * run finishes it" is on and the settings are valid; else undefined.
   */
  judgeWhileGenerating(modelId: string): ((signal: AbortSignal) => (task: Task) => Promise<void>) | undefined {
    if (!this.#check.ok || !this.#check.settings.whileGenerating) return undefined;
    const settings = this.#check.settings;
    const ports: JudgePorts = { generator: this.ports.generator, store: this.ports.store };
    return (signal) =>
      judgeEachFinished(ports, this.projectId, { modelId, settings }, {
        signal,
        now: this.#now,
        onJudged: (taskId) => {
          this.judged([taskId]);
          this.#tell({ taskIds: [taskId] });
          this.refreshNowAndThen();
        },
      });
  }

  /** Re-reads the counts at most every COUNTS_EVERY_MS: each read goes through every finished task. */
  private refreshNowAndThen(): void {
    if (this.#now() - this.#lastCountsRead < COUNTS_EVERY_MS) return;
    this.#lastCountsRead = this.#now();
    void this.refresh();
  }

  private judged(taskIds: string[]): void {
    this.options.onJudged?.(taskIds);
  }

  /** Stops hearing other tabs; the page calls it when it shows another project. */
  dispose(): void {
    this.#unsubscribe();
  }

  #tell(news: Omit<JudgeNews, 'projectId'>): void {
    this.options.news?.publish({ projectId: this.projectId, ...news });
  }

  /**
   * Another tab judged: this tab's pool shows the judgments, its counts follow (at most every 2 s
   * while the other judges, at once when it stops), and while the other tab's judge run goes this
   * one says so. A tab judging itself hears nothing: only one judge holds the project's lock.
   */
  #hear(news: JudgeNews): void {
    if (news.projectId !== this.projectId || this.busy) return;
    if (news.taskIds.length > 0) this.judged(news.taskIds);
    if (news.run) this.#otherTab = news.run.status === 'running';
    if (news.run && news.run.status !== 'running') void this.refresh();
    else this.refreshNowAndThen();
  }
}
