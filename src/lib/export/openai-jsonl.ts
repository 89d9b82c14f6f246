import type { ChatMessage, ExportRow } from '../vocabulary';
import { jsonLines } from './chunks';
import { instanceRows, userTurn } from './instance-rows';

/**
 * OpenAI's chat fine-tuning format: one {"messages": [...]} line per instance, a user turn and
 * the assistant's answer, after the system message when one is given.
 */
export function* writeOpenAiJsonl(rows: Iterable<ExportRow>, systemPrompt?: string): Generator<string> {
  yield* jsonLines(records(rows, systemPrompt?.trim() ? [{ role: 'system', content: systemPrompt }] : []));
}

function* records(rows: Iterable<ExportRow>, system: ChatMessage[]): Generator<{ messages: ChatMessage[] }> {
  for (const row of instanceRows(rows)) {
    yield { messages: [...system, { role: 'user', content: userTurn(row) }, { role: 'assistant', content: row.output }] };
  }
}
