import {
  AUDIT_QUESTIONS,
  auditItemState,
  auditReport,
  DEFAULT_AUDIT_SIZE,
  newAuditSeed,
  sampleAudit,
  type AuditableTask,
  type AuditedTask,
  type AuditItemState,
  type AuditReport,
  type AuditSample,
} from '../../lib/audit';
import type { Audit, AuditAnswer, AuditItem, QualityQuestion, StoredJudgment } from '../../lib/vocabulary';
import { errorMessage } from '../handle-error';

/** What the audit reads and writes (QualityStore). */
export interface AuditPort {
  audit(projectId: string): Promise<Audit | undefined>;
  saveAudit(audit: Audit): Promise<void>;
  auditableTasks(projectId: string): Promise<AuditableTask[]>;
  auditedTasks(taskIds: readonly string[]): Promise<ReadonlyMap<string, AuditedTask>>;
  judgments(projectId: string): Promise<StoredJudgment[]>;
}

/**
 * A person's audit of one project: a seeded sample (seed and size shown and editable), the
 * paper's three questions answered item by item, saved after each answered item so the progress
 * survives a reload, and the result table beside the paper's. A task deleted since sampling (or
 * whose shown instance an edit removed) is skipped; an edited one is rated as it is now, with a note.
 * Restarting with a new seed can be undone until the next answer.
 */
export class AuditState {
  #audit = $state.raw<Audit | undefined>();
  #tasks = $state.raw<ReadonlyMap<string, AuditedTask>>(new Map());
  #judgments = $state.raw<readonly StoredJudgment[]>([]);
  #position = $state(0);
  /** The current item's answers so far, before all three are given. */
  #draft = $state.raw<Partial<AuditAnswer>>({});
  #question = $state<QualityQuestion>('instruction');
  #short = $state.raw<AuditSample['short']>();
  /** The audit a restart replaced, until the next answer. */
  #replaced = $state.raw<Audit | undefined>();
  #busy = $state(false);
  #error = $state<string | undefined>();
  /** Reads, answers, moves and restarts run one after another: keys typed faster than a save apply in order, and a restart never meets a save of the audit it replaces. */
  #queue: Promise<unknown> = Promise.resolve();

  /** The seed of the next sample; shown and editable. */
  seed = $state(newAuditSeed());
  size = $state(DEFAULT_AUDIT_SIZE);

  readonly #report = $derived(this.#audit ? auditReport(this.#audit, this.#tasks, this.#judgments) : undefined);

  constructor(
    private readonly port: AuditPort,
    private readonly projectId: string,
    private readonly now: () => number = Date.now,
  ) {}

  get audit() { return this.#audit; }
  get report(): AuditReport | undefined { return this.#report; }
  get position() { return this.#position; }
  get question() { return this.#question; }
  get draft() { return this.#draft; }
  get short() { return this.#short; }
  get canUndoRestart() { return this.#replaced !== undefined; }
  get busy() { return this.#busy; }
  get error() { return this.#error; }

  get item(): AuditItem | undefined {
    return this.#audit?.items[this.#position];
  }

  get itemState(): AuditItemState | undefined {
    const item = this.item;
    return item && this.#audit ? auditItemState(item, this.#tasks.get(item.taskId), this.#audit) : undefined;
  }

  /** The current item's answers: saved ones, else the draft. */
  get answers(): Partial<AuditAnswer> {
    const item = this.item;
    return (item && this.#audit?.answers[item.taskId]) ?? this.#draft;
  }

  /** "37 of 200": items answered, of the sample; `skipped` were deleted since sampling. */
  get progress(): { answered: number; total: number; skipped: number } {
    const report = this.#report;
    return { answered: report?.rated ?? 0, total: report?.sampled ?? 0, skipped: report?.gone ?? 0 };
  }

  /** Reads the project's audit, if any, and opens it at its first item still to answer. */
  load(): Promise<void> {
    return this.#inTurn(() =>
      this.#guard(async () => {
        const audit = await this.port.audit(this.projectId);
        if (!audit) return;
        this.seed = audit.seed;
        this.#short = audit.short;
        await this.#show(audit);
        this.#moveTo(this.#firstToDo());
      }),
    );
  }

  /** Reads the sampled tasks and the judgments again: the pool or the judge may have changed them. */
  refresh(): Promise<void> {
    return this.#inTurn(async () => {
      const audit = this.#audit;
      if (audit) await this.#guard(() => this.#show(audit));
    });
  }

  /** Draws a sample with the shown seed and size and starts answering it; an audit already begun can be put back with undoRestart. */
  start(): Promise<void> {
    return this.#inTurn(() => this.#start());
  }

  async #start(): Promise<void> {
    await this.#guard(async () => {
      const tasks = await this.port.auditableTasks(this.projectId);
      const seed = Math.trunc(this.seed) >>> 0;
      const sample = sampleAudit(tasks, seed, this.size);
      if (sample.items.length === 0) {
        this.#error = 'No finished task has an instance to rate yet. Run the method, or give a task an instance, then start the audit.';
        return;
      }
      const created = this.now();
      const previous = this.#audit;
      const audit: Audit = { projectId: this.projectId, seed, items: sample.items, answers: {}, ...(sample.short ? { short: sample.short } : {}), created, updated: created };
      await this.port.saveAudit(audit);
      this.#replaced = previous && Object.keys(previous.answers).length > 0 ? previous : undefined;
      this.#short = sample.short;
      this.seed = seed;
      await this.#show(audit);
      this.#moveTo(0);
    });
  }

  /** Puts back the audit the last restart replaced, answers and all. */
  undoRestart(): Promise<void> {
    return this.#inTurn(async () => {
      const replaced = this.#replaced;
      if (!replaced) return;
      await this.#guard(async () => {
        await this.port.saveAudit(replaced);
        this.#replaced = undefined;
        this.#short = replaced.short;
        this.seed = replaced.seed;
        await this.#show(replaced);
        this.#moveTo(this.#firstToDo());
      });
    });
  }

  /** Draws a new seed for the next sample. */
  newSeed(): void {
    this.seed = newAuditSeed();
  }

  /** Highlights a question: Y or N answers it. */
  choose(question: QualityQuestion): Promise<void> {
    return this.#inTurn(() => {
      this.#question = question;
    });
  }

  /**
   * Answers the highlighted question of the current item, then highlights the next one. The third
   * answer of a new item saves it and moves to the next item to rate; a change to an answered
   * item is saved at once.
   */
  answer(value: boolean, question?: QualityQuestion): Promise<void> {
    return this.#inTurn(() => this.#answer(value, question ?? this.#question));
  }

  async #answer(value: boolean, question: QualityQuestion): Promise<void> {
    const audit = this.#audit;
    const item = this.item;
    if (!audit || !item || this.itemState?.kind === 'gone') return;
    const saved = audit.answers[item.taskId];
    // The questions after this one, wrapping round: the next one still open, else simply the next.
    const after = AUDIT_QUESTIONS.map((_, i) => AUDIT_QUESTIONS[(AUDIT_QUESTIONS.indexOf(question) + 1 + i) % AUDIT_QUESTIONS.length]!);
    if (saved) {
      await this.#save(item, { ...saved, [question]: value });
      this.#question = after[0]!;
      return;
    }
    const draft = { ...this.#draft, [question]: value };
    const open = after.find((q) => draft[q] === undefined);
    if (open) {
      this.#draft = draft;
      this.#question = open;
      return;
    }
    if (await this.#save(item, draft as AuditAnswer)) this.#moveTo(this.#nextToRate(this.#position));
  }

  /** The next item; past the last comes the end, where the table is. */
  next(): Promise<void> {
    return this.#inTurn(() => {
      if (this.#audit) this.#moveTo(Math.min(this.#position + 1, this.#audit.items.length));
    });
  }

  back(): Promise<void> {
    return this.#inTurn(() => this.#moveTo(Math.max(this.#position - 1, 0)));
  }

  #inTurn(step: () => unknown): Promise<void> {
    const done = this.#queue.then(step).then(() => {});
    this.#queue = done.catch(() => {});
    return done;
  }

  /** Saves one item's answer; false when the store failed (the error is shown, the draft kept). */
  async #save(item: AuditItem, answer: AuditAnswer): Promise<boolean> {
    const audit = this.#audit!;
    const updated: Audit = { ...audit, answers: { ...audit.answers, [item.taskId]: answer }, updated: this.now() };
    return this.#guard(async () => {
      await this.port.saveAudit(updated);
      this.#audit = updated;
      this.#replaced = undefined;
    });
  }

  #moveTo(position: number): void {
    this.#position = position;
    this.#draft = {};
    this.#question = 'instruction';
  }

  /** The first unanswered, rateable item after `position`, or `position + 1` when none is left (the end shows the table). */
  #nextToRate(position: number): number {
    const items = this.#audit?.items ?? [];
    for (let i = position + 1; i < items.length; i++) if (this.#toDo(i)) return i;
    return Math.min(position + 1, items.length);
  }

  #firstToDo(): number {
    const items = this.#audit?.items ?? [];
    const index = items.findIndex((_, i) => this.#toDo(i));
    return index === -1 ? items.length : index;
  }

  #toDo(index: number): boolean {
    const audit = this.#audit!;
    const item = audit.items[index]!;
    return !audit.answers[item.taskId] && auditItemState(item, this.#tasks.get(item.taskId), audit).kind !== 'gone';
  }

  async #show(audit: Audit): Promise<void> {
    const [tasks, judgments] = await Promise.all([this.port.auditedTasks(audit.items.map((item) => item.taskId)), this.port.judgments(this.projectId)]);
    this.#tasks = tasks;
    this.#judgments = judgments;
    this.#audit = audit;
  }

  async #guard(work: () => Promise<void>): Promise<boolean> {
    this.#busy = true;
    this.#error = undefined;
    try {
      await work();
      return true;
    } catch (error) {
      this.#error = `${errorMessage(error)} The answers saved before are kept; try again.`;
      return false;
    } finally {
      this.#busy = false;
    }
  }
}
