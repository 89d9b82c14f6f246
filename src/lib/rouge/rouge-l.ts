import { tokenizerFor, type TokenizerName } from './tokenize';

export interface RougeScore {
  precision: number;
  recall: number;
  fmeasure: number;
}

/**
 * ROUGE-L F from the LCS length and the two token counts, in rouge_score's operation order:
 * p = L/prediction, r = L/target, 2*p*r/(p+r). The algebraically equal 2L/(m+n) differs in the
 * last bit and flips decisions at 0.7, e.g. L=7, m=7, n=13 (research/self_instruct_anchor.md §3.4).
 * F is symmetric in the two lengths, bit for bit: doubling is exact.
 */
export function fmeasure(lcs: number, targetLength: number, predictionLength: number): number {
  if (targetLength === 0 || predictionLength === 0) return 0;
  const precision = lcs / predictionLength;
  const recall = lcs / targetLength;
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** LCS length by the textbook dynamic programme, one row at a time. */
function lcsLength<T>(a: readonly T[], b: readonly T[]): number {
  const row = new Int32Array(b.length + 1);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(up, row[j - 1]!);
      diagonal = up;
    }
  }
  return row[b.length]!;
}

/** ROUGE-L of two token lists; 0 everywhere when either is empty, as rouge_score's _score_lcs. */
function scoreTokens(target: readonly string[], prediction: readonly string[]): RougeScore {
  if (target.length === 0 || prediction.length === 0) return { precision: 0, recall: 0, fmeasure: 0 };
  const lcs = lcsLength(target, prediction);
  return {
    precision: lcs / prediction.length,
    recall: lcs / target.length,
    fmeasure: fmeasure(lcs, target.length, prediction.length),
  };
}

/**
 * rouge_score's `RougeScorer(['rougeL'], use_stemmer=False).score(target, prediction)['rougeL']`,
 * or the same score over multilingual tokens.
 */
export function rougeL(target: string, prediction: string, options: { tokenizer?: TokenizerName } = {}): RougeScore {
  const tokenize = tokenizerFor(options.tokenizer ?? 'default');
  return scoreTokens(tokenize(target), tokenize(prediction));
}
