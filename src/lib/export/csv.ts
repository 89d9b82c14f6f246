import Papa from 'papaparse';
import { batches } from './chunks';
import { instanceRows } from './instance-rows';
import { TABLE_COLUMNS, tableRow } from './table-columns';
import type { ExportRow } from '../vocabulary';

/**
 * CSV (RFC 4180: CRLF, fields quoted when needed, quotes doubled, via papaparse), one row per
 * instance. CSV is the format for spreadsheets, so it is written for them: a UTF-8 byte order
 * mark, without which Excel misreads non-ASCII text, and a "'" before any cell starting with
 * = + - @, tab or CR, so that model text cannot run as a formula (OWASP "CSV injection"). That
 * changes such cells; the JSON and Parquet files keep every text exactly.
 */
export function* writeCsv(rows: Iterable<ExportRow>): Generator<string> {
  yield `\uFEFF${TABLE_COLUMNS.join(',')}\r\n`;
  for (const batch of batches(instanceRows(rows))) {
    yield `${Papa.unparse(batch.map(tableRow), { newline: '\r\n', escapeFormulae: FORMULA_START })}\r\n`;
  }
}

// papaparse's own `escapeFormulae: true` tests /^[=+\-@\t\r].*$/, which fails on a cell with a line
// break ("+1+2\n-3": `.` stops at the break, `$` wants the end), though a spreadsheet still reads
// such a cell as a formula. Its first character is all that matters.
const FORMULA_START = /^[=+\-@\t\r]/;
