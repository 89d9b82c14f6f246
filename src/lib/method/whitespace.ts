// Python's str.split() also splits on \x1c-\x1f and \x85, which JavaScript's \s leaves out
// (anchor §1.7); counting words the way the original does needs them.
const WHITESPACE_RUN = /[\s\x1c-\x1f\x85]+/g;

/** Runs of whitespace become one space, and the ends are trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').trim();
}

/** An instruction as the prompts show it: on one line, without trailing colons, as both originals do (anchor §1.1, §2.3). */
export function asPromptLine(instruction: string): string {
  return collapseWhitespace(instruction).replace(/\s*:+$/, '');
}
