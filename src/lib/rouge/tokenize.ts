/** Which tokenizer the novelty check uses: rouge_score's ASCII one, or a Unicode-aware one. */
export type TokenizerName = 'default' | 'multilingual';

const ASCII_WORD = /[a-z0-9]+/g;

/**
 * rouge_score's default tokenizer with use_stemmer=False: lowercase, then keep the runs of
 * [a-z0-9]. Everything else separates tokens and disappears, so text without Latin letters
 * or digits has no tokens (research/self_instruct_anchor.md §3.1–3.2).
 */
export function tokenize(text: string): string[] {
  // Lowercasing first matters: it turns U+212A KELVIN SIGN into "k", as Python's lower() does.
  return text.toLowerCase().match(ASCII_WORD) ?? [];
}

const LETTER_OR_DIGIT_RUN = /[\p{L}\p{M}\p{N}]+/gu;
// Made on first use, so importing this module works where Intl.Segmenter is missing (Firefox
// before 125). A fixed locale keeps tokens the same whatever the browser's language.
let wordSegmenter: Intl.Segmenter | undefined;

/**
 * A Unicode-aware tokenizer for instructions in other languages: NFKC, lowercase, Intl.Segmenter
 * words (so Chinese or Thai split into words, not whole sentences), then the runs of letters,
 * marks and digits in each word. On ASCII text it gives the same tokens as `tokenize`.
 */
export function tokenizeMultilingual(text: string): string[] {
  const tokens: string[] = [];
  wordSegmenter ??= new Intl.Segmenter('en', { granularity: 'word' });
  for (const { segment, isWordLike } of wordSegmenter.segment(text.normalize('NFKC').toLowerCase())) {
    if (isWordLike) tokens.push(...(segment.match(LETTER_OR_DIGIT_RUN) ?? []));
  }
  return tokens;
}

export function tokenizerFor(name: TokenizerName): (text: string) => string[] {
  return name === 'multilingual' ? tokenizeMultilingual : tokenize;
}
