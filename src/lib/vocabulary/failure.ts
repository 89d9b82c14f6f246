// Why something the user asked for did not happen: a reason from a closed list, which the page
// acts on (load the model again, free disk space), and a message that tells the user what to do.
// Types only.

/** Why a model did not load. */
export type LoadFailureReason =
  | 'no-webgpu'
  | 'needs-shader-f16'
  | 'out-of-memory'
  | 'network'
  // The model is not downloaded yet and the browser is offline: no download is tried.
  | 'offline'
  // The model's host sent no new bytes for a while (20 s): the download was given up.
  | 'stalled'
  | 'storage-full'
  | 'bad-model-file'
  // The model is not offered here: not on this device, or no engine of this build reads files.
  | 'not-offered'
  | 'cancelled';

/** Why a model call failed. */
export type CompletionFailureReason =
  // No model is loaded: none was, or it was dropped after it was lost.
  | 'model-not-loaded'
  // The model is gone (its runtime crashed, the GPU device was lost): load it again.
  | 'model-lost'
  // Only this request failed (e.g. a prompt longer than the context); the model is still loaded.
  | 'completion-failed';

/** Why the browser's storage refused a read or a write. */
export type StorageFailureReason =
  | 'storage-full'
  // A row with the same key exists: a bug, since ids are unique.
  | 'storage-conflict'
  // A tab of an older version keeps this one from opening the database.
  | 'storage-blocked'
  // A newer version of the app (another tab) upgraded the database: this page must be reloaded.
  | 'storage-outdated'
  | 'storage-failed';

/** Why the loop stopped before any model call, or gave up on the model's answers. */
export type RunFailureReason = 'no-seeds' | 'bad-template' | 'unusable-output';

export type FailureReason =
  | LoadFailureReason
  | CompletionFailureReason
  | StorageFailureReason
  | RunFailureReason
  // A worker died; its calls in flight are lost and the page must be reloaded.
  | 'worker-crashed'
  // Anything we did not expect: a bug. The message is the error's own.
  | 'unexpected';

/** An expected failure as a value: outcomes carry it, and the page decides from `reason` alone. */
export interface Failure {
  reason: FailureReason;
  /** What happened and what to do, in words for the user. */
  message: string;
}
