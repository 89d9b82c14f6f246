import type { ImportProblem } from './import-result';
import { lineAt } from './lines';

/**
 * The largest file we read: 25 MB. A seed set is usually a few hundred tasks (the paper's file is
 * 111 kB); the limit still admits Alpaca's 52K release (22.8 MB) while keeping the decode and parse,
 * done at once on the page, to about a second.
 */
export const MAX_IMPORT_BYTES = 25_000_000;

/**
 * The file's text, or why it cannot be read as text. The checks come before any parsing, so a
 * binary, oversized or wrongly encoded file is refused with a reason instead of a parse error.
 * A UTF-8 byte order mark is dropped (TextDecoder does so by default).
 */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | ImportProblem {
  if (bytes.length === 0) return { ok: false, problem: 'the file is empty' };
  if (bytes.length > MAX_IMPORT_BYTES) {
    return { ok: false, problem: `the file is ${megabytes(bytes.length)} MB, over the ${megabytes(MAX_IMPORT_BYTES)} MB limit; split it into smaller files` };
  }
  // UTF-16 text is full of zero bytes, so it is named before the binary check would misname it.
  if (startsWithUtf16Mark(bytes)) return { ok: false, problem: 'the file is saved as UTF-16; save it as UTF-8 and import it again' };
  if (bytes.includes(0)) return { ok: false, problem: 'the file looks binary (it contains zero bytes); import a text file: JSONL, JSON, CSV or plain text' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: 'the file is not UTF-8 text (perhaps Latin-1 or Windows-1252); save it as UTF-8 and import it again', line: firstBadLine(bytes) };
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(bytes % 1_000_000 === 0 ? 0 : 1);
}

function startsWithUtf16Mark(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The lenient decoder marks each bad byte with U+FFFD; the first one is the first bad byte. */
function firstBadLine(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  return lineAt(text, text.indexOf('\uFFFD'));
}
