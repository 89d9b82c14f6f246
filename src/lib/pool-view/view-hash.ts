import { REJECTION_RULES } from '../method';
import { DEFAULT_QUERY, type PoolQuery } from './pool-query';
import type { QualityScore } from '../vocabulary';

/** The view a URL hash holds: the query, and the row open in the detail panel. */
export interface HashView {
  query: PoolQuery;
  openId?: string;
}

const PREFIX = '#view';

// The values each closed field takes, keyed so that a value added to PoolQuery fails the type check here.
const CHOICES = {
  status: { kept: true, accepted: true, pending: true, rejected: true, deleted: true },
  kind: { any: true, classification: true, generation: true, 'with-input': true, 'without-input': true },
  edited: { any: true, yes: true, no: true },
  reviewed: { any: true, yes: true, no: true },
  sort: { created: true, nearest: true, length: true, score: true },
  order: { asc: true, desc: true },
  judged: { any: true, none: true, judged: true, unreadable: true, stale: true },
  validInstruction: { any: true, yes: true, no: true },
  appropriateInput: { any: true, yes: true, no: true },
  acceptableOutput: { any: true, yes: true, no: true },
} as const satisfies { [Field in ClosedField]: Record<PoolQuery[Field], true> };

type ClosedField = 'status' | 'kind' | 'edited' | 'reviewed' | 'sort' | 'order' | 'judged' | 'validInstruction' | 'appropriateInput' | 'acceptableOutput';

/** The URL's name of a field: its own, but `q` for the search, as search sites write it. */
const param = (field: keyof PoolQuery): string => (field === 'search' ? 'q' : field);

/** The view as a URL hash, `#view?q=…&status=…`: only the fields that differ from the default, and `open` for the open row. */
export function viewToHash(query: PoolQuery, openId?: string): string {
  const params = new URLSearchParams();
  for (const field of Object.keys(DEFAULT_QUERY) as (keyof PoolQuery)[]) {
    if (query[field] !== DEFAULT_QUERY[field]) params.set(param(field), String(query[field]));
  }
  if (openId !== undefined) params.set('open', openId);
  const text = params.toString();
  return text ? `${PREFIX}?${text}` : PREFIX;
}

/**
 * The view a hash holds; a field missing or of an unknown value is the default. Undefined for a
 * hash that is not a view (the skip links' `#pool`, `#run`).
 */
export function viewFromHash(hash: string): HashView | undefined {
  if (hash !== PREFIX && !hash.startsWith(`${PREFIX}?`)) return undefined;
  const params = new URLSearchParams(hash.slice(PREFIX.length + 1));
  const read = (field: keyof PoolQuery) => params.get(param(field)) ?? undefined;
  const choose = <Field extends keyof typeof CHOICES>(field: Field): PoolQuery[Field] => {
    const value = read(field);
    return value !== undefined && Object.hasOwn(CHOICES[field], value) ? (value as PoolQuery[Field]) : DEFAULT_QUERY[field];
  };
  const rule = read('rule');
  const query: PoolQuery = {
    search: read('search') ?? DEFAULT_QUERY.search,
    status: choose('status'),
    rule: rule !== undefined && (REJECTION_RULES as readonly string[]).includes(rule) ? (rule as PoolQuery['rule']) : DEFAULT_QUERY.rule,
    kind: choose('kind'),
    run: read('run') || DEFAULT_QUERY.run,
    edited: choose('edited'),
    reviewed: choose('reviewed'),
    judged: choose('judged'),
    scoreFrom: scoreOf(read('scoreFrom')) ?? DEFAULT_QUERY.scoreFrom,
    scoreTo: scoreOf(read('scoreTo')) ?? DEFAULT_QUERY.scoreTo,
    validInstruction: choose('validInstruction'),
    appropriateInput: choose('appropriateInput'),
    acceptableOutput: choose('acceptableOutput'),
    sort: choose('sort'),
    order: choose('order'),
  };
  const openId = params.get('open');
  return openId ? { query, openId } : { query };
}

/** A judge's score written in a hash: a whole number from 1 to 5, else undefined. */
function scoreOf(text: string | undefined): QualityScore | undefined {
  return text !== undefined && /^[1-5]$/.test(text) ? (Number(text) as QualityScore) : undefined;
}
