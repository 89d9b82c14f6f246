// Free-text answers: their lines without code fences, and in labelled fields ("Input: …",
// "Output: …") how an absent input is written and what of a small model's markup and chatter to
// strip when reading a field's value back.

/** How an input that a task does not need is written; the parsers read it back as "". */
export const NO_INPUT = 'none';

// The "none" the prompts ask for, Alpaca's "<noinput>", and other ways a model says there is no input.
const NO_INPUT_SPELLINGS = new Set([NO_INPUT, '(none)', '<none>', '[none]', '<noinput>', 'noinput', 'no input', '(no input)', 'n/a', '-', 'empty']);

// A closing remark about the examples, which would otherwise end up in the last output.
const CHATTER =
  /^(?:(?:i hope|hope) (?:these|this|that) (?:(?:examples?|tasks?) )?(?:help|are|is)|let me know|feel free to|(?:these|the above|all|each of these) (?:examples?|instances?|tasks?)\b|note:|i(?: have|'ve) (?:provided|written|created|included))/i;

const FENCE = /^\s*```/;

/** The answer's lines, without the code fences a chat model may wrap them in. */
export function answerLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => !FENCE.test(line));
}

/** An input as written, or "" when it only says that there is none. */
export function inputOrEmpty(text: string): string {
  const trimmed = text.trim();
  return NO_INPUT_SPELLINGS.has(trimmed.toLowerCase().replace(/\.$/, '')) ? '' : trimmed;
}

/** Bold markers, a heading's "#"s and a bullet, so "**Input:**" and "### Example 1" read as plain. */
export function withoutMarkup(line: string): string {
  return line.replace(/\*\*/g, '').replace(/^\s*(?:#{1,6}\s*)?(?:[-*•]\s+)?/, '').trim();
}

/** A field's lines as one trimmed value, without closing remarks at its end. */
export function fieldValue(lines: readonly string[] | undefined): string {
  const rows = (lines ?? []).join('\n').trim().split('\n');
  while (rows.length > 1 && CHATTER.test(rows.at(-1)!.trim())) {
    rows.pop();
    while (rows.at(-1)?.trim() === '') rows.pop();
  }
  return rows.join('\n').trim();
}
