import { jsonArray } from './chunks';
import { instanceRows, userTurn } from './instance-rows';
import type { ExportRow } from '../vocabulary';

interface ShareGptRecord {
  conversations: [{ from: 'human'; value: string }, { from: 'gpt'; value: string }];
}

/** ShareGPT: a JSON array of two-turn conversations, one per instance. */
export function* writeShareGptJson(rows: Iterable<ExportRow>): Generator<string> {
  yield* jsonArray(records(rows));
}

function* records(rows: Iterable<ExportRow>): Generator<ShareGptRecord> {
  for (const row of instanceRows(rows)) {
    yield { conversations: [{ from: 'human', value: userTurn(row) }, { from: 'gpt', value: row.output }] };
  }
}
