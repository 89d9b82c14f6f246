import type { ImportProblem } from './import-result';
import { lineAt } from './lines';

/**
 * The largest file we read: 25 MB. A seed set is usually a few hundred tasks (the paper's file is
 * 111 kB); the limit still admits Alpaca's 52K release (22.8 MB) while keeping the decode and parse,
 * done at once in the import worker, to about a second.
 */
export const MAX_IMPORT_BYTES = 25_000_000;

/**
 * The file's text, or why it cannot be read as text. The checks come before any parsing, so a
 * binary, oversized or wrongly encoded file is refused with a reason instead of a parse error.
 * A UTF-8 byte order mark is dropped (TextDecoder does so by default).
 */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | ImportProblem {
  const size = sizeProblem(bytes.length);
  if (size) return size;
  // UTF-16 and UTF-32 text is full of zero bytes, so it is named before the binary check would misname it.
  const encoding = markedEncoding(bytes);
  if (encoding) return { ok: false, problem: `the file is saved as ${encoding}; save it as UTF-8 and import it again` };
  if (bytes.includes(0)) return { ok: false, problem: 'the file looks binary (it contains zero bytes); import a JSONL, JSON, CSV, Parquet or plain text file' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: 'the file is not UTF-8 text (perhaps Latin-1 or Windows-1252); save it as UTF-8 and import it again', line: firstBadLine(bytes) };
  }
}

/** Why a file of this many bytes is not read at all, if it is not; checked before reading it. */
export function sizeProblem(byteLength: number): ImportProblem | undefined {
  if (byteLength === 0) return { ok: false, problem: 'the file is empty' };
  if (byteLength > MAX_IMPORT_BYTES) {
    return { ok: false, problem: `the file is ${megabytes(byteLength)} MB, over the ${megabytes(MAX_IMPORT_BYTES)} MB limit; split it into smaller files` };
  }
  return undefined;
}

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(bytes % 1_000_000 === 0 ? 0 : 1);
}

// UTF-32 LE's mark starts with UTF-16 LE's, so the longer marks are tried first.
const BYTE_ORDER_MARKS: readonly { encoding: string; mark: readonly number[] }[] = [
  { encoding: 'UTF-32', mark: [0xff, 0xfe, 0x00, 0x00] },
  { encoding: 'UTF-32', mark: [0x00, 0x00, 0xfe, 0xff] },
  { encoding: 'UTF-16', mark: [0xff, 0xfe] },
  { encoding: 'UTF-16', mark: [0xfe, 0xff] },
];

/** The encoding a byte order mark other than UTF-8's names, if the file starts with one. */
function markedEncoding(bytes: Uint8Array): string | undefined {
  return BYTE_ORDER_MARKS.find(({ mark }) => mark.every((byte, index) => bytes[index] === byte))?.encoding;
}

/** The lenient decoder marks each bad byte with U+FFFD; the first one is the first bad byte. */
function firstBadLine(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  return lineAt(text, text.indexOf('\uFFFD'));
}
