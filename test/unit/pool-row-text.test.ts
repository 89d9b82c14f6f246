// The pool table's short texts: the date column and the kind column.
import { expect, test } from 'vitest';
import { kindText, shortDate } from '../../src/ui/pool/row-text';

test('a date shows its time today, its day and month this year, and its year before', () => {
  const now = new Date(2026, 10, 30, 15, 0).getTime();
  const today = new Date(2026, 10, 30, 9, 5).getTime();
  expect(shortDate(today, now)).toBe(new Date(today).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }));
  expect(shortDate(new Date(2026, 2, 4).getTime(), now)).toBe(new Date(2026, 2, 4).toLocaleDateString(undefined, { day: 'numeric', month: 'short' }));
  const lastYear = new Date(2025, 2, 4).getTime();
  expect(shortDate(lastYear, now)).toBe(new Date(lastYear).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: '2-digit' }));
  expect(shortDate(lastYear, now)).not.toBe(shortDate(new Date(2026, 2, 4).getTime(), now));
});

test('the kind is unknown until classified, and says whether the task has an input', () => {
  expect(kindText({ status: 'pending', withInput: false })).toBe('—');
  expect(kindText({ status: 'accepted', isClassification: true, withInput: true })).toBe('class., input');
  expect(kindText({ status: 'accepted', isClassification: false, withInput: false })).toBe('gen.');
});
