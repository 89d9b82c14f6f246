// ROUGE-L near-duplicate filtering with rouge_score's numbers (use_stemmer=False), as
// Self-Instruct and Alpaca use it. Pure: no DOM, no I/O, none of the project's other code.
export { tokenize, type TokenizerName } from './tokenize';
export { rougeL, type RougeScore } from './rouge-l';
export { NoveltyIndex, type NoveltyIndexOptions, type NoveltyCheck } from './novelty-index';
export { bestScores } from './best-scores';
export { refilter, type RefilterOptions } from './refilter';
export { mostlyNonAscii } from './non-ascii';
