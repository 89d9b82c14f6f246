import Papa from 'papaparse';
import { exampleRow, INPUT_FIELDS, OUTPUT_FIELDS, type RowFields } from './example-row';
import type { ImportProblem, ParseProgress, RowsResult, SeedRow } from './import-result';
import { countNewlines, firstLine, lineAt } from './lines';

// Spreadsheets in many locales save with ";"; a ".tsv" or a copy from a sheet uses tabs.
const DELIMITERS = [',', '\t', ';'];
const DELIMITER_NAMES: Record<string, string> = { ',': 'a comma', '\t': 'a tab', ';': 'a semicolon' };

interface Columns {
  count: number;
  instruction: number;
  input: number;
  output: number;
  isClassification: number;
}

/**
 * The delimiter under which the header line names an "instruction" column, if any. Deciding it
 * from the header we require, not by papaparse's guessing, keeps a one-column file readable.
 */
export function csvDelimiter(headerLine: string): string | undefined {
  return DELIMITERS.find((delimiter) => headerLine.split(delimiter).map(columnName).includes('instruction'));
}

/**
 * CSV (RFC 4180, via papaparse) whose header names an "instruction" column and optionally
 * "input", "output" and "is_classification"; other columns are ignored. Quoted fields may span
 * lines, so each row's line is counted from papaparse's cursor; problems name the row's first line.
 */
export function parseCsv(text: string, onProgress: ParseProgress = () => {}): RowsResult {
  const delimiter = csvDelimiter(firstLine(text));
  if (delimiter === undefined) {
    return { ok: false, line: 1, problem: 'the first line must be a header naming an "instruction" column, and optionally "input" and "output"' };
  }
  const rows: SeedRow[] = [];
  let columns: Columns | undefined;
  let failure: ImportProblem | undefined;
  let rowStart = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    step: ({ data, errors, meta }, parser) => {
      const rowLine = line;
      line += countNewlines(text, rowStart, meta.cursor);
      rowStart = meta.cursor;
      onProgress(meta.cursor / text.length);
      const stop = (at: number, problem: string) => {
        failure = { ok: false, line: at, problem };
        parser.abort();
      };
      const error = errors[0];
      if (error) return stop(error.index === undefined ? rowLine : lineAt(text, error.index), quoteProblem(error.code));
      if (!columns) {
        columns = readHeader(data);
        return;
      }
      const fields = readRow(data, columns, delimiter);
      if (typeof fields === 'string') return stop(rowLine, fields);
      if (fields) rows.push({ line: rowLine, ...fields });
    },
  });
  return failure ?? { ok: true, rows, notes: [] };
}

function readHeader(cells: string[]): Columns {
  const names = cells.map(columnName);
  const find = (candidates: readonly string[]) => names.findIndex((name) => candidates.includes(name));
  return { count: cells.length, instruction: find(['instruction']), input: find(INPUT_FIELDS), output: find(OUTPUT_FIELDS), isClassification: find(['is_classification']) };
}

/** The row's task; null for a blank row; or what is wrong with it. */
function readRow(cells: string[], columns: Columns, delimiter: string): RowFields | string | null {
  if (cells.every((cell) => cell.trim() === '')) return null;
  if (cells.length !== columns.count) {
    return `this row has ${cells.length} fields but the header has ${columns.count}; text containing ${DELIMITER_NAMES[delimiter]} or a line break must be inside double quotes`;
  }
  const cell = (index: number) => (index === -1 ? '' : cells[index]!);
  if (cell(columns.instruction).trim() === '') return 'the "instruction" cell is empty';
  const isClassification = readBoolean(cell(columns.isClassification));
  if (isClassification === undefined) return '"is_classification" must be true or false (or left empty)';
  return exampleRow(cell(columns.instruction), cell(columns.input), cell(columns.output), isClassification);
}

function readBoolean(cell: string): boolean | undefined {
  const value = cell.trim().toLowerCase();
  if (['', 'false', 'no', '0'].includes(value)) return false;
  if (['true', 'yes', '1'].includes(value)) return true;
  return undefined;
}

function quoteProblem(code: string): string {
  if (code === 'MissingQuotes') return 'a quoted field is never closed; check the double quotes (a quote inside a field is written twice: "")';
  if (code === 'InvalidQuotes') return 'a quoted field has text after its closing quote; a quote inside a field is written twice: ""';
  return `the row cannot be read as CSV (${code})`;
}

function columnName(cell: string): string {
  return cell.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase();
}
