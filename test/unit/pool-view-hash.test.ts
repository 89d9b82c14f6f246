// The pool view in the URL hash: only what differs from the default is written, every view reads
// back as it was, and a hash that is not a view, or a value that is not one, falls back.
import { describe, expect, test } from 'vitest';
import { DEFAULT_QUERY, viewFromHash, viewToHash, type PoolQuery } from '../../src/lib/pool-view';

const q = (fields: Partial<PoolQuery>): PoolQuery => ({ ...DEFAULT_QUERY, ...fields });

describe('viewToHash and viewFromHash', () => {
  test('the default view is a bare #view; only changed fields are written', () => {
    expect(viewToHash(DEFAULT_QUERY)).toBe('#view');
    expect(viewToHash(q({ search: 'café poem', status: 'rejected' }))).toBe('#view?q=caf%C3%A9+poem&status=rejected');
    expect(viewToHash(DEFAULT_QUERY, 'task-1')).toBe('#view?open=task-1');
  });

  test.each<[string, PoolQuery, string | undefined]>([
    ['the default', DEFAULT_QUERY, undefined],
    ['a search with symbols', q({ search: 'a&b=c #d %20 ?x+y' }), undefined],
    ['every field set', q({ search: 'x', status: 'deleted', rule: 'too-long', kind: 'with-input', run: 'run-00k1', edited: 'yes', reviewed: 'no', sort: 'nearest', order: 'asc' }), 'task-9'],
    ['kept rows of a run, ascending', q({ run: 'run-1', order: 'asc' }), 'task-2'],
  ])('round-trips %s', (_, query, openId) => {
    const back = viewFromHash(viewToHash(query, openId));
    expect(back).toEqual(openId === undefined ? { query } : { query, openId });
  });

  test('a hash that is not a view is undefined', () => {
    for (const hash of ['', '#', '#pool', '#run', '#viewer', '#view-2', 'view?q=x']) expect(viewFromHash(hash)).toBeUndefined();
  });

  test('unknown or bad values fall back to the default, field by field', () => {
    expect(viewFromHash('#view?status=gone&rule=nope&kind=&sort=random&order=up&edited=maybe&reviewed=1&run=&q=ok&extra=1')).toEqual({ query: q({ search: 'ok' }) });
    expect(viewFromHash('#view?status=__proto__&sort=toString')).toEqual({ query: DEFAULT_QUERY });
    expect(viewFromHash('#view?%E0%A4%A=bad&rule=rouge')).toEqual({ query: q({ rule: 'rouge' }) });
  });
});
