/** How far an import has got: its text parsed, then its seed tasks saved (each 0..1). */
export interface ImportProgress {
  stage: 'reading' | 'saving';
  fraction: number;
}

/** Told how far a stage has got. */
export type StageReport = (stage: ImportProgress['stage'], fraction: number) => void;

/** The smallest step worth a message to the page: at most about a hundred per stage. */
const STEP = 0.01;

/**
 * Passes progress on only when a stage starts or ends, or has moved by a hundredth: the parsers
 * report every line, and a message per line would flood the page that an import must not hold up.
 */
export function throttledProgress(onProgress: (progress: ImportProgress) => void): StageReport {
  let last: ImportProgress | undefined;
  return (stage, fraction) => {
    const moved = last?.stage !== stage || fraction - last.fraction >= STEP || (fraction === 1 && last.fraction < 1);
    if (!moved) return;
    last = { stage, fraction };
    onProgress(last);
  };
}
