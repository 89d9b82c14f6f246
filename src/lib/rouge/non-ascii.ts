const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;
const ASCII_LETTER_OR_DIGIT = /[A-Za-z0-9]/g;

/**
 * True when most letters and digits across `texts` are outside ASCII. The default tokenizer drops
 * those, so such seeds are barely de-duplicated (Chinese or Russian text has no tokens at all)
 * and the multilingual tokenizer should be on (research/self_instruct_anchor.md §3.2).
 */
export function mostlyNonAscii(texts: readonly string[]): boolean {
  let all = 0;
  let ascii = 0;
  for (const text of texts) {
    all += text.match(LETTER_OR_DIGIT)?.length ?? 0;
    ascii += text.match(ASCII_LETTER_OR_DIGIT)?.length ?? 0;
  }
  return all - ascii > ascii;
}
