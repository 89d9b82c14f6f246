/** Two raters' yes/no answers to one question over the same items, as a 2×2 table. */
export interface AgreementCounts {
  bothYes: number;
  bothNo: number;
  /** The person said yes, the judge no. */
  personOnly: number;
  /** The judge said yes, the person no. */
  judgeOnly: number;
}

/**
 * Cohen's kappa, or why it has none: with no items there is nothing to compare, and when both
 * raters gave one and the same answer to every item the chance agreement is 1 and kappa is 0/0.
 */
export type Kappa = { kind: 'value'; value: number } | { kind: 'undefined'; why: 'no-items' | 'one-class' };

export function cohensKappa({ bothYes, bothNo, personOnly, judgeOnly }: AgreementCounts): Kappa {
  const n = bothYes + bothNo + personOnly + judgeOnly;
  if (n === 0) return { kind: 'undefined', why: 'no-items' };
  const observed = (bothYes + bothNo) / n;
  const personYes = (bothYes + personOnly) / n;
  const judgeYes = (bothYes + judgeOnly) / n;
  const chance = personYes * judgeYes + (1 - personYes) * (1 - judgeYes);
  if (chance === 1) return { kind: 'undefined', why: 'one-class' };
  return { kind: 'value', value: (observed - chance) / (1 - chance) };
}

/** Adds one item's pair of answers to the counts. */
export function countAgreement(counts: AgreementCounts, person: boolean, judge: boolean): AgreementCounts {
  if (person && judge) return { ...counts, bothYes: counts.bothYes + 1 };
  if (!person && !judge) return { ...counts, bothNo: counts.bothNo + 1 };
  return person ? { ...counts, personOnly: counts.personOnly + 1 } : { ...counts, judgeOnly: counts.judgeOnly + 1 };
}

export const NO_AGREEMENT: AgreementCounts = { bothYes: 0, bothNo: 0, personOnly: 0, judgeOnly: 0 };
