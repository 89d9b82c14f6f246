export type ExportFormat =
  | 'self-instruct-jsonl'
  | 'alpaca-json'
  | 'sharegpt-json'
  | 'openai-jsonl'
  | 'csv'
  | 'parquet'
  | 'prompt-completion-jsonl';

export interface FormatInfo {
  label: string;
  fileName: string;
  extension: string;
  mimeType: string;
  /** One line for the dataset card's list of files. */
  about: string;
}

const JSONL = 'application/jsonl';

/** Every export format, in the order offered. */
export const EXPORT_FORMATS: Readonly<Record<ExportFormat, FormatInfo>> = {
  'self-instruct-jsonl': {
    label: 'Self-Instruct JSONL',
    fileName: 'self-instruct.jsonl',
    extension: 'jsonl',
    mimeType: JSONL,
    about: 'one task per line in the Self-Instruct seed-file shape (instruction, instances, is_classification) with provenance (model, run, time).',
  },
  'alpaca-json': {
    label: 'Alpaca JSON',
    fileName: 'alpaca.json',
    extension: 'json',
    mimeType: 'application/json',
    about: 'a JSON array of {instruction, input, output}, one per instance.',
  },
  'sharegpt-json': {
    label: 'ShareGPT JSON',
    fileName: 'sharegpt.json',
    extension: 'json',
    mimeType: 'application/json',
    about: 'a JSON array of {conversations: [human, gpt]}, one per instance; the input follows the instruction after a blank line.',
  },
  'openai-jsonl': {
    label: 'OpenAI chat fine-tuning JSONL',
    fileName: 'openai.jsonl',
    extension: 'jsonl',
    mimeType: JSONL,
    about: 'one {messages: [user, assistant]} line per instance, in the format of OpenAI chat fine-tuning.',
  },
  csv: {
    label: 'CSV',
    fileName: 'dataset.csv',
    extension: 'csv',
    mimeType: 'text/csv',
    about: "instruction, input, output, is_classification, task_id, one row per instance; for spreadsheets, so cells starting with = + - @ get a leading ' (use the JSON or Parquet files for exact text).",
  },
  parquet: {
    label: 'Parquet',
    fileName: 'dataset.parquet',
    extension: 'parquet',
    mimeType: 'application/vnd.apache.parquet',
    about: 'the same columns as the CSV, one row per instance, text kept exactly.',
  },
  'prompt-completion-jsonl': {
    label: 'Prompt/completion JSONL (the paper’s format)',
    fileName: 'prompt-completion.jsonl',
    extension: 'jsonl',
    mimeType: JSONL,
    about: 'one {prompt, completion} line per instance: the instruction, "Input:" and the input when there is one, then "Output:"; the completion is the output.',
  },
};
