/** Time left at the pace so far; unknown until there is a pace worth extrapolating. */
export function remainingSeconds(elapsedSeconds: number, fraction: number): number | undefined {
  if (fraction < 0.02 || fraction >= 1 || elapsedSeconds < 2) return undefined;
  return (elapsedSeconds * (1 - fraction)) / fraction;
}

/** "about 40 s left", "about 3 min left", "about 1 h 5 min left". */
export function formatTimeLeft(seconds: number): string {
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds))} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  return `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

/**
 * MB/s from a progress line that says how many megabytes have arrived: web-llm writes "…: 412 MB
 * fetched…", the CPU engine "Downloading the model: 412 of 986 MB".
 */
export function downloadSpeed(progressText: string, elapsedSeconds: number): number | undefined {
  const fetched = /(\d+(?:\.\d+)?)\s*(?:of \S+ )?MB/.exec(progressText);
  if (!fetched || elapsedSeconds < 2) return undefined;
  return Number(fetched[1]) / elapsedSeconds;
}
