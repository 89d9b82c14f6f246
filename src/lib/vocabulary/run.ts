// A run of the method: its configuration, its record, and the pool's counts. Types only.

import type { MethodSettings } from './settings';

/** What a run is asked to do: the model, the target, the seed, and the method's settings. */
export interface RunConfig {
  modelId: string;
  /** Accepted machine-generated instructions to reach. */
  targetSize: number;
  /** Drives every sampling decision of the run, and is passed to the model. */
  rngSeed: number;
  settings: MethodSettings;
}

export interface Run {
  id: string;
  projectId: string;
  config: RunConfig;
  /** A hash of the seed set the run sampled from. */
  seedSetHash: string;
  /** Identifies the settings and seed set together; every task of the run carries it too. */
  fingerprint: string;
  started: number;
  /** Last time the run made progress or changed state. */
  updated: number;
  status: 'running' | 'paused' | 'finished' | 'failed';
  error?: string;
}

export interface PoolCounts {
  seeds: number;
  accepted: number;
  rejected: number;
  /** Accepted tasks still waiting for the classify or instances step. */
  pending: number;
  instances: number;
  /** Instruction-generation calls made so far: the loop's step number. */
  generationCalls: number;
}

