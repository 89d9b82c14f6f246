import { jsonArray } from './chunks';
import { instanceRows } from './instance-rows';
import type { ExportRow } from '../vocabulary';

/** Alpaca's shape (anchor §2.6): a JSON array of {instruction, input, output}, one per instance. */
export function* writeAlpacaJson(rows: Iterable<ExportRow>): Generator<string> {
  yield* jsonArray(records(rows));
}

function* records(rows: Iterable<ExportRow>): Generator<{ instruction: string; input: string; output: string }> {
  for (const { instruction, input, output } of instanceRows(rows)) yield { instruction, input, output };
}
