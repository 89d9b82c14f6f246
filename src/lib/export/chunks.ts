/**
 * Rows per chunk. Writing 500 rows takes well under a frame, so a caller that yields to the
 * event loop between chunks keeps the page responsive at any size.
 */
const ROWS_PER_CHUNK = 500;

export function* batches<T>(items: Iterable<T>, size = ROWS_PER_CHUNK): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** JSON Lines: one record per line, each line ending in "\n". No records, no text. */
export function* jsonLines(records: Iterable<unknown>): Generator<string> {
  for (const batch of batches(records)) yield batch.map((record) => `${JSON.stringify(record)}\n`).join('');
}

/** A JSON array with one record per line, written as it goes; no records give "[]". */
export function* jsonArray(records: Iterable<unknown>): Generator<string> {
  let opened = false;
  for (const batch of batches(records)) {
    yield (opened ? ',\n' : '[\n') + batch.map((record) => JSON.stringify(record)).join(',\n');
    opened = true;
  }
  yield opened ? '\n]\n' : '[]\n';
}
