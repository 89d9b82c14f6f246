import type { ExportRow } from '../vocabulary';
import { distributionOf, type Distribution } from './summary';
import { wordCount } from './words';

/** Fig. 5 of the paper: lengths in words of the instructions, the non-empty inputs and the outputs. */
export interface Lengths {
  instructions: Distribution;
  inputs: Distribution;
  outputs: Distribution;
}

/** Instructions binned by 2 words up to 60, inputs and outputs by 5 up to 150 (the paper's axes). */
export const LENGTH_BINS: Readonly<Record<keyof Lengths, { width: number; bins: number }>> = {
  instructions: { width: 2, bins: 30 },
  inputs: { width: 5, bins: 30 },
  outputs: { width: 5, bins: 30 },
};

export function lengthsOf(rows: readonly ExportRow[]): Lengths {
  const inputs: number[] = [];
  const outputs: number[] = [];
  for (const { instances } of rows) {
    for (const { input, output } of instances) {
      if (input.trim() !== '') inputs.push(wordCount(input));
      outputs.push(wordCount(output));
    }
  }
  return {
    instructions: binned('instructions', rows.map((row) => wordCount(row.task.instruction))),
    inputs: binned('inputs', inputs),
    outputs: binned('outputs', outputs),
  };
}

function binned(part: keyof Lengths, values: readonly number[]): Distribution {
  return distributionOf(values, LENGTH_BINS[part].width, LENGTH_BINS[part].bins);
}
