// How fast a run goes, from what the page measured since it started: the figures the run panel
// shows while it runs. Pure: the page supplies the clock.

/** What the page counted since the run started. */
export interface RunProgress {
  elapsedMs: number;
  /** New instructions accepted since the start. */
  acceptedSinceStart: number;
  /** Accepted instructions still needed to reach the target. */
  acceptedToGo: number;
  /** Tokens the model wrote, and the time its calls took, since the start. */
  completionTokens: number;
  callMs: number;
}

export interface RunSpeed {
  elapsedSeconds: number;
  /** New instructions per hour; unknown until the run has been going a while and accepted one. */
  tasksPerHour?: number;
  /** The model's writing speed over its calls, waiting for the first token included. */
  tokensPerSecond?: number;
  /** At the pace so far; unknown with the pace. */
  secondsLeft?: number;
}

/** Below this the pace is noise: the first call's few seconds say little about the next hour. */
const SETTLED_MS = 10_000;

export function runSpeed(progress: RunProgress): RunSpeed {
  const elapsedSeconds = progress.elapsedMs / 1000;
  const speed: RunSpeed = { elapsedSeconds };
  if (progress.callMs > 0 && progress.completionTokens > 0) speed.tokensPerSecond = progress.completionTokens / (progress.callMs / 1000);
  if (progress.elapsedMs >= SETTLED_MS && progress.acceptedSinceStart > 0) {
    speed.tasksPerHour = (progress.acceptedSinceStart / elapsedSeconds) * 3600;
    speed.secondsLeft = (Math.max(0, progress.acceptedToGo) / progress.acceptedSinceStart) * elapsedSeconds;
  }
  return speed;
}

/** "42 s", "3 min 5 s", "1 h 12 min": elapsed time as a run panel shows it. */
export function formatElapsed(seconds: number): string {
  const whole = Math.floor(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${whole % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
