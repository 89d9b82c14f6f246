/** Words as the paper counts lengths (Fig. 5): runs of characters between white space. */
export function wordCount(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/\S+/g)) count++;
  return count;
}

/** The words the diversity figures compare: lowercased runs of letters, marks and digits. */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}
