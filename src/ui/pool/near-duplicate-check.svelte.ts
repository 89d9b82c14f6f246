import type { NoveltyVerdict } from '../../lib/vocabulary';
import { errorMessage } from '../handle-error';

/** What the check needs of the filter worker. */
export interface NearestPort {
  /** 'not-loaded' when the worker holds no pool, or another project's. */
  nearest(poolId: string, instruction: string, exceptId: string): Promise<NoveltyVerdict | 'not-loaded'>;
}

export interface NearDuplicate {
  instruction: string;
  score: number;
}

/** How long the typing must pause before the instruction is checked. */
export const CHECK_PAUSE_MS = 400;

/**
 * An edited instruction checked again with ROUGE-L against the pool, as the filter checked the
 * model's: a warning that names the nearest instruction when it is a near-duplicate. It does not
 * block a save; a person may keep a near-duplicate on purpose.
 */
export class NearDuplicateCheck {
  #found = $state.raw<NearDuplicate | undefined>();
  #problem = $state<string | undefined>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #asked = 0;

  constructor(
    private readonly filter: NearestPort,
    private readonly projectId: string,
    /** Loads the project's seeds and accepted instructions into the worker, at the settings' threshold. */
    private readonly loadPool: () => Promise<void>,
    private readonly pauseMs = CHECK_PAUSE_MS,
  ) {}

  /** The near-duplicate the latest text has, if any. */
  get found() { return this.#found; }
  get problem() { return this.#problem; }

  /** The instruction changed: checks it once the typing pauses, and forgets the answer for the text before. */
  schedule(instruction: string, taskId: string): void {
    this.clear();
    this.#timer = setTimeout(() => void this.check(instruction, taskId), this.pauseMs);
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.#asked++;
    this.#found = undefined;
    this.#problem = undefined;
  }

  async check(instruction: string, taskId: string): Promise<void> {
    const asked = ++this.#asked;
    try {
      let verdict = await this.filter.nearest(this.projectId, instruction, taskId);
      if (verdict === 'not-loaded') {
        await this.loadPool();
        verdict = await this.filter.nearest(this.projectId, instruction, taskId);
      }
      if (asked !== this.#asked || verdict === 'not-loaded') return;
      this.#found = !verdict.novel && verdict.nearest ? { instruction: verdict.nearest.instruction, score: verdict.score } : undefined;
    } catch (error) {
      if (asked === this.#asked) this.#problem = `The near-duplicate check failed: ${errorMessage(error)}`;
    }
  }
}
