// How the benches print their figures: whole numbers with thousands separators, milliseconds with a
// decimal below 10, and a verdict against a target that a reader cannot miss.

export const n = (value: number): string => Math.round(value).toLocaleString('en');
export const ms = (value: number): string => (value < 10 ? value.toFixed(1) : n(value));
export const verdict = (ok: boolean): string => (ok ? 'PASS' : '** OVER TARGET **');
