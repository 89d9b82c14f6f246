import type { PoolCounts } from '../vocabulary';
import { NewsChannel } from './news-channel';

/** What a tab running a project tells the others after every step. */
export interface RunNews {
  projectId: string;
  status: 'running' | 'paused' | 'finished' | 'failed';
  counts: PoolCounts;
}

/** The part of the Web Locks API this needs (navigator.locks in a browser). */
export interface LockManagerLike {
  request<T>(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

const CHANNEL = 'self-instruct-studio:runs';
const NOT_AVAILABLE = Symbol('not available');

const lockName = (projectId: string) => `self-instruct-studio:run:${projectId}`;

/**
 * One writer per project across tabs: a run holds the project's Web Lock while it works, so a
 * second tab cannot start a second loop on the same pool; its progress reaches the other tabs
 * over a BroadcastChannel, so they can show it live.
 */
export class TabCoordinator {
  readonly #news: NewsChannel<RunNews>;

  constructor(
    private readonly locks: LockManagerLike,
    channel: BroadcastChannel = new BroadcastChannel(CHANNEL),
  ) {
    this.#news = new NewsChannel<RunNews>(CHANNEL, channel);
  }

  /** Runs `work` holding the project's lock; undefined, at once, when another tab holds it. */
  async runExclusively<T>(projectId: string, work: () => Promise<T>): Promise<{ value: T } | undefined> {
    const result = await this.locks.request(lockName(projectId), { ifAvailable: true }, async (lock) =>
      lock ? { value: await work() } : NOT_AVAILABLE,
    );
    return result === NOT_AVAILABLE ? undefined : result;
  }

  /** Whether some tab (this one included) is running the project now. */
  async isRunning(projectId: string): Promise<boolean> {
    const { held = [] } = await this.locks.query();
    return held.some((lock) => lock.name === lockName(projectId));
  }

  publish(news: RunNews): void {
    this.#news.publish(news);
  }

  /** Calls `listener` with other tabs' news; returns the function that stops listening. */
  subscribe(listener: (news: RunNews) => void): () => void {
    return this.#news.subscribe(listener);
  }

  close(): void {
    this.#news.close();
  }
}
