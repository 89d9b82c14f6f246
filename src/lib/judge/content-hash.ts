import type { Instance } from '../vocabulary';

/**
 * A short hash of what a judge reads of a task (its instruction, then each input and output), so
 * a judgment made before a person's edit shows as stale. Not cryptographic: it only has to tell one
 * version of a task from the next, and the pool view hashes every row, so it is cheap (53-bit,
 * two multiplicative lanes over the UTF-16 code units; separators keep field boundaries apart).
 */
export function judgedContentHash(instruction: string, instances: readonly Instance[]): string {
  let a = 0xdeadbeef;
  let b = 0x41c6ce57;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      a = Math.imul(a ^ code, 2654435761);
      b = Math.imul(b ^ code, 1597334677);
    }
    // A code unit no text field holds between fields: "ab" + "c" differs from "a" + "bc".
    a = Math.imul(a ^ 0xffff, 2654435761);
    b = Math.imul(b ^ 0xffff, 1597334677);
  };
  feed(instruction);
  for (const { input, output } of instances) {
    feed(input);
    feed(output);
  }
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return (4294967296 * (2097151 & b) + (a >>> 0)).toString(36);
}
