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

/** Fig. 5's lengths of rows that may come in parts: each part's counted as it comes. */
export class LengthCounter {
  readonly #instructions: number[] = [];
  readonly #inputs: number[] = [];
  readonly #outputs: number[] = [];

  add(rows: readonly ExportRow[]): this {
    for (const { task, instances } of rows) {
      this.#instructions.push(wordCount(task.instruction));
      for (const { input, output } of instances) {
        // No words is an empty input: white space is what both trim() and the count skip.
        const inputWords = wordCount(input);
        if (inputWords > 0) this.#inputs.push(inputWords);
        this.#outputs.push(wordCount(output));
      }
    }
    return this;
  }

  lengths(): Lengths {
    return {
      instructions: binned('instructions', this.#instructions),
      inputs: binned('inputs', this.#inputs),
      outputs: binned('outputs', this.#outputs),
    };
  }
}

export function lengthsOf(rows: readonly ExportRow[]): Lengths {
  return new LengthCounter().add(rows).lengths();
}

function binned(part: keyof Lengths, values: readonly number[]): Distribution {
  return distributionOf(values, LENGTH_BINS[part].width, LENGTH_BINS[part].bins);
}
