interface Range {
  min: number;
  max: number;
}

/**
 * What a run's configuration may hold. A target of a million accepted tasks is ten times what the
 * storage is benchmarked with (`npm run bench:store`) and weeks of a small model's time; the seed
 * is passed to the model as an unsigned 32-bit integer.
 */
export const RUN_LIMITS = {
  targetSize: { min: 1, max: 1_000_000 },
  rngSeed: { min: 0, max: 2 ** 32 - 1 },
} as const satisfies Record<string, Range>;

/**
 * A whole-number field's value, or what is wrong with it in words to show beside it. An emptied
 * number field reads as null, and a fraction or a value out of range is refused rather than quietly
 * changed into another number.
 */
export function checkWholeNumber(value: unknown, { min, max }: Range): { ok: true; value: number } | { ok: false; problem: string } {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return { ok: true, value };
  return { ok: false, problem: `Enter a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}.` };
}
