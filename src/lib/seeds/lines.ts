// Lines are counted at "\n"; a "\r" before it belongs to the line break (CRLF files).

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** The 1-based line that the character at `offset` is on. */
export function lineAt(text: string, offset: number): number {
  return countNewlines(text, 0, offset) + 1;
}

export function countNewlines(text: string, start: number, end: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', start); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

/** The first line, read without splitting the whole text. */
export function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return (end === -1 ? text : text.slice(0, end)).replace(/\r$/, '');
}

/** The first line that is not blank, or '' when there is none. */
export function firstNonBlankLine(text: string): string {
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '') return line;
    start = end + 1;
  }
  return '';
}
