const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * The 1-based line on which each item of a top-level JSON array starts, so a problem with item
 * n can name its line. `text` must already have parsed as JSON; JSON strings hold no raw line
 * breaks, so skipping them (and their escapes) keeps the count right.
 */
export function arrayItemLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let awaitingItem = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE) inString = false;
      continue;
    }
    if (code === NEWLINE) line++;
    if (WHITESPACE.has(code)) continue;
    if (awaitingItem && depth === 1 && code !== CLOSE_BRACKET) lines.push(line);
    awaitingItem = false;
    if (OPENERS.has(code)) awaitingItem = ++depth === 1;
    else if (CLOSERS.has(code)) depth--;
    else if (code === COMMA) awaitingItem = depth === 1;
    else if (code === QUOTE) inString = true;
  }
  return lines;
}
