import type { FilterClient } from '../../lib/clients';
import type { RougeTokenizer } from '../../lib/vocabulary';
import type { PoolStore } from '../../lib/store';
import { errorMessage } from '../handle-error';

export interface ReplayAnswer {
  threshold: number;
  kept: number;
  candidates: number;
}

/** "What if the ROUGE-L threshold were…": the pool's candidates replayed through the filter worker. */
export class ReplayState {
  threshold = $state(0.6);
  #answer = $state.raw<ReplayAnswer | undefined>();
  #busy = $state(false);
  #error = $state<string | undefined>();

  constructor(
    private readonly store: PoolStore,
    private readonly filter: FilterClient,
    private readonly projectId: string,
  ) {}

  get answer() { return this.#answer; }
  get busy() { return this.#busy; }
  get error() { return this.#error; }

  async replay(tokenizer: RougeTokenizer): Promise<void> {
    const threshold = Math.min(1, Math.max(0, Number(this.threshold) || 0));
    this.#busy = true;
    this.#error = undefined;
    try {
      const [seeds, candidates] = await Promise.all([this.store.seeds(this.projectId), this.store.screenedCandidates(this.projectId)]);
      const kept = await this.filter.replay({ seeds: seeds.map((seed) => seed.instruction), candidates, options: { threshold, tokenizer } });
      this.#answer = { threshold, kept, candidates: candidates.length };
    } catch (error) {
      this.#error = errorMessage(error);
    } finally {
      this.#busy = false;
    }
  }
}
