// The audit's statistics against hand-computed values: the Wilson score interval (95%) and Cohen's
// kappa with its undefined cases, and how both are written.
import { describe, expect, it } from 'vitest';
import { cohensKappa, formatKappa, formatShare, wilsonInterval } from '../../src/lib/audit';

describe('wilsonInterval', () => {
  it('bounds 8 of 10 by 0.490 to 0.943', () => {
    // z = 1.96, z² = 3.8415, p = 0.8, n = 10:
    // centre = (0.8 + 3.8415/20) / (1 + 3.8415/10) = 0.992074 / 1.38415 = 0.716740
    // half = 1.96/1.38415 × √(0.8·0.2/10 + 3.8415/400) = 1.41602 × √0.0256037 = 0.226580
    const interval = wilsonInterval(8, 10)!;
    expect(interval.low).toBeCloseTo(0.49016, 4);
    expect(interval.high).toBeCloseTo(0.94332, 4);
  });

  it('gives 0 of 10 an upper end of 0.278, not a zero-width interval', () => {
    // centre = 0.192074 / 1.38415 = 0.138767; half = 1.41602 × √(3.8415/400) = 0.138768: low 0, high 0.27753.
    expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.27753, 4) });
    // And 10 of 10 mirrors it.
    expect(wilsonInterval(10, 10)).toEqual({ low: expect.closeTo(0.72247, 4), high: 1 });
  });

  it('bounds the paper’s 54% of 200 by 0.471 to 0.607', () => {
    // p = 0.54, n = 200: centre = (0.54 + 3.8415/400) / (1 + 3.8415/200) = 0.549604 / 1.019207 = 0.539246
    // half = 1.96/1.019207 × √(0.54·0.46/200 + 3.8415/160000) = 1.923065 × √0.00126601 = 0.068424
    const interval = wilsonInterval(108, 200)!;
    expect(interval.low).toBeCloseTo(0.47082, 3);
    expect(interval.high).toBeCloseTo(0.60767, 3);
  });

  it('has no interval for no items', () => {
    expect(wilsonInterval(0, 0)).toBeUndefined();
  });
});

describe('cohensKappa', () => {
  it('is 0.4 for 20 both-yes, 15 both-no, 5 person-only and 10 judge-only', () => {
    // n = 50; observed = 35/50 = 0.7; person yes 25/50 = 0.5, judge yes 30/50 = 0.6;
    // chance = 0.5·0.6 + 0.5·0.4 = 0.5; kappa = (0.7 − 0.5) / (1 − 0.5) = 0.4.
    const kappa = cohensKappa({ bothYes: 20, bothNo: 15, personOnly: 5, judgeOnly: 10 });
    expect(kappa.kind).toBe('value');
    expect(kappa.kind === 'value' && kappa.value).toBeCloseTo(0.4, 10);
  });

  it('is 1 for full agreement with both answers used', () => {
    // observed 1, chance 0.5·0.5 + 0.5·0.5 = 0.5: (1 − 0.5) / 0.5 = 1.
    expect(cohensKappa({ bothYes: 5, bothNo: 5, personOnly: 0, judgeOnly: 0 })).toEqual({ kind: 'value', value: 1 });
  });

  it('is 0 when the raters always disagree, each with one answer', () => {
    // Person always yes, judge always no: observed 0, chance 1·0 + 0·1 = 0, kappa 0.
    expect(cohensKappa({ bothYes: 0, bothNo: 0, personOnly: 7, judgeOnly: 0 })).toEqual({ kind: 'value', value: 0 });
  });

  it.each([
    ['all yes', { bothYes: 9, bothNo: 0, personOnly: 0, judgeOnly: 0 }],
    ['all no', { bothYes: 0, bothNo: 4, personOnly: 0, judgeOnly: 0 }],
  ])('is undefined, one class, when both raters answered %s (chance agreement 1, kappa 0/0)', (_, counts) => {
    expect(cohensKappa(counts)).toEqual({ kind: 'undefined', why: 'one-class' });
  });

  it('is undefined, no items, for an empty table', () => {
    expect(cohensKappa({ bothYes: 0, bothNo: 0, personOnly: 0, judgeOnly: 0 })).toEqual({ kind: 'undefined', why: 'no-items' });
  });
});

describe('formats', () => {
  it('writes a share with its interval in whole percents, and a dash for none', () => {
    expect(formatShare(0.8, { low: 0.49016, high: 0.94332 })).toBe('80% (49–94%)');
    expect(formatShare(0.54)).toBe('54%');
    expect(formatShare(undefined)).toBe('–');
  });

  it('writes kappa to two decimals or says why there is none', () => {
    expect(formatKappa({ kind: 'value', value: 0.4 })).toBe('0.40');
    expect(formatKappa({ kind: 'undefined', why: 'one-class' })).toBe('undefined (one answer throughout)');
    expect(formatKappa({ kind: 'undefined', why: 'no-items' })).toBe('none (no items)');
  });
});
