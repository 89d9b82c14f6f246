import { mostlyNonAscii } from '../rouge';
import type { SeedTask } from '../vocabulary';

/** A list of 100,000 items takes a page seconds to draw; the first ones show what the set holds. */
const FIRST_SHOWN = 200;

/**
 * What the page shows of a seed set. An import sends this instead of the seeds: receiving 100,000
 * of them and scanning them for non-ASCII text would hold the page for most of a second.
 */
export interface SeedSetSummary {
  count: number;
  classification: number;
  /** rouge_score's tokenizer drops non-ASCII text, so near-duplicates in other scripts go unseen. */
  mostlyNonAscii: boolean;
  /** The first seed tasks, in order. */
  first: SeedTask[];
}

export function summarizeSeeds(seeds: readonly SeedTask[]): SeedSetSummary {
  return {
    count: seeds.length,
    classification: seeds.filter((seed) => seed.isClassification).length,
    mostlyNonAscii: mostlyNonAscii(seeds.map((seed) => seed.instruction)),
    first: seeds.slice(0, FIRST_SHOWN),
  };
}
