const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The words of a text as the search compares them: accents dropped (NFKD, then the combining
 * marks removed), lower case, split on anything that is not a letter or a digit. "Café-Crème" →
 * ["cafe", "creme"]. Most of a pool is ASCII, which skips the normalisation: the index folds
 * every text of 100k tasks when a project opens.
 */
export function searchWords(text: string): string[] {
  const folded = NON_ASCII.test(text) ? text.normalize('NFKD').replace(MARKS, '') : text;
  return folded.toLowerCase().match(WORD) ?? [];
}
