import type { QualityScore } from '../lib/vocabulary';

/** Which rows a download holds: one choice of the download panel's "Rows to download". */
export interface ScopeChoice {
  id: 'kept' | 'filter' | 'selection' | 'reviewed' | 'judged';
  /** Its name in the list and in the dataset card, e.g. "The current filter". */
  label: string;
  /** How many rows it holds, when known. */
  count?: number;
  /** The task ids, read when a download starts; undefined: every finished task. */
  resolve(): Promise<string[] | undefined>;
  /** Only tasks with a current verdict of this score or more (the download worker picks them). */
  judgedFrom?: QualityScore;
}

/** Each choice's name, so the list and the card say the same. */
export const SCOPE_LABELS: Readonly<Record<ScopeChoice['id'], string>> = {
  kept: 'Everything kept',
  filter: 'The current filter',
  selection: 'The selection',
  reviewed: 'Reviewed rows only',
  judged: 'Judged rows only',
};

/** Every finished task: the default, and the only choice where the page offers no other. */
export const EVERYTHING_KEPT: ScopeChoice = { id: 'kept', label: SCOPE_LABELS.kept, resolve: async () => undefined };

/** A choice as the list shows it: "The selection (12 rows)". */
export function scopeOption({ label, count }: ScopeChoice): string {
  return count === undefined ? label : `${label} (${count.toLocaleString('en-US')} row${count === 1 ? '' : 's'})`;
}
