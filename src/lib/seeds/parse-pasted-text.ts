import type { ParseProgress, RowsResult, SeedRow } from './import-result';
import { splitLines } from './lines';

// "1. ", "2) ", "- ", "* ", "• ": how a list copied from a document or a chat usually starts.
const LIST_MARKER = /^(?:\d{1,3}[.)]|[-*•])\s+/;

/** One instruction per line, without examples; blank lines are skipped, list markers removed. */
export function parsePastedText(text: string, onProgress: ParseProgress = () => {}): RowsResult {
  const rows: SeedRow[] = [];
  let unmarked = 0;
  const lines = splitLines(text);
  for (const [index, raw] of lines.entries()) {
    onProgress(index / lines.length);
    const line = raw.trim();
    if (line === '') continue;
    const instruction = line.replace(LIST_MARKER, '');
    if (instruction !== line) unmarked++;
    rows.push({ line: index + 1, instruction, instances: [], isClassification: false });
  }
  const notes = unmarked > 0 ? [`Removed the list numbering or bullet at the start of ${plural(unmarked, 'line')}.`] : [];
  return { ok: true, rows, notes };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
