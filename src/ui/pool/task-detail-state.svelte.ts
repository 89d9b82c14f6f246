import type { PoolStore, TaskDetail } from '../../lib/store';
import { errorMessage } from '../handle-error';

/** The one candidate opened for inspection: its instances and every model call behind it. */
export class TaskDetailState {
  #detail = $state.raw<TaskDetail | undefined>();
  #error = $state<string | undefined>();

  constructor(private readonly store: PoolStore) {}

  get detail() { return this.#detail; }
  get error() { return this.#error; }

  async open(taskId: string): Promise<void> {
    this.#error = undefined;
    try {
      this.#detail = await this.store.taskDetail(taskId);
      if (!this.#detail) this.#error = 'That candidate is no longer in the pool.';
    } catch (error) {
      this.#error = errorMessage(error);
    }
  }

  close(): void {
    this.#detail = undefined;
  }
}
