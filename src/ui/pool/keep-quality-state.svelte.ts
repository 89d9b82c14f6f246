import { DEFAULT_QUERY, type PoolQuery, type PoolViewApi, type ViewCounts } from '../../lib/pool-view';
import type { CurationAction, QualityScore } from '../../lib/vocabulary';
import { errorMessage } from '../handle-error';
import { tasks } from './row-text';

/** What the dialog needs of the pool view worker: the finished tasks, best first, and their counts. */
export type KeepQualityPort = Pick<PoolViewApi, 'query' | 'ids'>;

/** The one action applying takes (CurationState.perform: one undo step). */
export interface KeepCuration {
  perform(action: CurationAction): Promise<boolean>;
}

/** Keep the tasks judged `threshold` or more, or the `count` best. */
export type KeepRule = { kind: 'threshold'; threshold: QualityScore } | { kind: 'best'; count: number };

/** What a rule does: tasks kept and deleted among the judged, those left alone, and per score how many of each. */
export interface KeepPreview {
  keep: number;
  remove: number;
  /** Finished tasks without a current score (not judged, unreadable, stale): never deleted. */
  untouched: number;
  bars: { score: QualityScore; rows: number; kept: number }[];
}

export const SCORES_HIGH_FIRST: readonly QualityScore[] = [5, 4, 3, 2, 1];

/**
 * The finished tasks in the pool, best first: judged ones by score, equal scores the earlier-made
 * first (the pool view's score order), then the rest. The judged ones are the first `judged`.
 */
const FINISHED_BEST_FIRST: PoolQuery = { ...DEFAULT_QUERY, status: 'accepted', sort: 'score', order: 'desc' };

/** What `rule` keeps of tasks with these scores; the best k takes the higher scores first. */
export function previewOf(rule: KeepRule, scores: Record<QualityScore, number>, untouched: number): KeepPreview {
  let left = rule.kind === 'best' ? Math.max(0, Math.floor(rule.count)) : 0;
  const bars = SCORES_HIGH_FIRST.map((score) => {
    const rows = scores[score];
    let kept: number;
    if (rule.kind === 'threshold') kept = score >= rule.threshold ? rows : 0;
    else {
      kept = Math.min(rows, left);
      left -= kept;
    }
    return { score, rows, kept };
  });
  const keep = bars.reduce((sum, bar) => sum + bar.kept, 0);
  const judged = bars.reduce((sum, bar) => sum + bar.rows, 0);
  return { keep, remove: judged - keep, untouched, bars };
}

/** The undo step's words for a rule that kept `keep` tasks. */
export function keepLabel(rule: KeepRule, keep: number): string {
  return rule.kind === 'threshold' ? `Kept the ${tasks(keep)} judged ${rule.threshold} or more` : `Kept the best ${tasks(keep)} by the judge's score`;
}

/**
 * "Keep by quality" (AlpaGasus): keep the finished tasks the judge scored t or more, or the best k,
 * and delete the other judged ones as one undoable action. The histogram and the counts show what
 * a rule keeps and deletes before anything is applied; tasks without a current score are left alone.
 */
export class KeepQualityState {
  #scores = $state.raw<Record<QualityScore, number> | undefined>();
  #untouched = $state(0);
  #busy = $state(false);
  #error = $state<string | undefined>();
  kind = $state<KeepRule['kind']>('threshold');
  threshold = $state<QualityScore>(4);
  count = $state(100);
  readonly #rule = $derived<KeepRule>(this.kind === 'threshold' ? { kind: 'threshold', threshold: this.threshold } : { kind: 'best', count: this.count });
  readonly #preview = $derived(this.#scores ? previewOf(this.#rule, this.#scores, this.#untouched) : undefined);

  constructor(
    private readonly port: KeepQualityPort,
    private readonly curation: KeepCuration,
  ) {}

  get rule() { return this.#rule; }
  /** Undefined until the counts are read. */
  get preview() { return this.#preview; }
  get busy() { return this.#busy; }
  get error() { return this.#error; }
  /** How many finished tasks have a current score. */
  get judged() { return this.#scores ? Object.values(this.#scores).reduce((sum, n) => sum + n, 0) : 0; }

  /** What each threshold would keep and delete, for its choice. */
  thresholdChoices(): { threshold: QualityScore; keep: number; remove: number }[] {
    const scores = this.#scores;
    if (!scores) return [];
    return SCORES_HIGH_FIRST.map((threshold) => ({ threshold, ...previewOf({ kind: 'threshold', threshold }, scores, 0) }));
  }

  /** Reads the finished tasks' scores (the dialog opened, or the pool changed). */
  async load(): Promise<void> {
    this.#error = undefined;
    try {
      this.#read(await this.port.query(FINISHED_BEST_FIRST));
      // "The best k" starts where the threshold stands, so switching to it first shows the same rows.
      if (this.kind === 'threshold') this.count = this.#preview!.keep;
    } catch (error) {
      this.#error = errorMessage(error);
    }
  }

  /**
   * Deletes the judged tasks the rule does not keep, as one action named for the rule; the counts
   * are read again first, so what is deleted is what the pool holds now. False when it failed.
   */
  async apply(): Promise<boolean> {
    if (this.#busy) return false;
    this.#busy = true;
    this.#error = undefined;
    try {
      const { token, counts } = await this.port.query(FINISHED_BEST_FIRST);
      this.#read({ counts });
      const preview = this.#preview!;
      if (preview.remove === 0) return true;
      const best = await this.port.ids(token);
      const taskIds = best.slice(preview.keep, preview.keep + preview.remove);
      const done = await this.curation.perform({ kind: 'delete', taskIds, label: keepLabel(this.#rule, preview.keep) });
      await this.load();
      return done;
    } catch (error) {
      this.#error = `Nothing was deleted: ${errorMessage(error)}`;
      return false;
    } finally {
      this.#busy = false;
    }
  }

  #read({ counts }: { counts: ViewCounts }): void {
    this.#scores = counts.score;
    this.#untouched = counts.judged.none + counts.judged.unreadable + counts.judged.stale;
  }
}
