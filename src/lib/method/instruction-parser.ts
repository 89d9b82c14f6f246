import type { CompletionResult } from '../run/ports';
import { NEW_INSTRUCTIONS_PER_PROMPT } from './instruction-prompt';
import { collapseWhitespace } from './whitespace';

// "9. ", "9) ", "9 - ", "**9.** ", "**Task 9:** ", "Instruction 9: ", "### 9. " at a line's start.
const NUMBERED = /^\s*(?:#{1,6}\s*)?(?:\*\*)?(?:(?:task|instruction)\s*#?\s*)?\d{1,3}(?:\*\*)?\s*[.):\-–](?:\*\*)?\s+/i;
const BULLET = /^\s*[-*•+]\s+/;
const FENCE = /^\s*```/;
// A bold label before the task, as in "**Sentiment Analysis**: Classify …". Only when a capital
// letter follows, so "**Summarize:** the article below" keeps its verb.
const BOLD_HEADING = /^\*\*[^*]+?\*\*\s*[:\-–—]\s+(?=[A-Z])|^\*\*[^*]+?[:\-–—]\*\*\s+(?=[A-Z])/;
const WRAPPING_QUOTES = /^"([^"]*)"$|^“([^“”]*)”$/;

/**
 * The new instructions in a generation response, at most 7, as whitespace-collapsed strings.
 * Self-Instruct drops a response cut off by the token limit (anchor §1.1); an interrupted one
 * ('abort') is cut off too, so both give []. Items are the lines that start with a list marker:
 * numbered lines when there are any (so bullets nested under them are ignored), else bullets.
 * Preambles, closing remarks, code fences and lines that continue an item are left out; a
 * response with no list at all gives [].
 */
export function parseInstructions(result: CompletionResult): string[] {
  if (result.finishReason !== 'stop') return [];
  const lines = result.text.split(/\r?\n/).filter((line) => !FENCE.test(line));
  const numbered = lines.flatMap((line) => afterMarker(line, NUMBERED));
  const items = numbered.length > 0 ? numbered : lines.flatMap((line) => afterMarker(line, BULLET));
  return items
    .map(cleanItem)
    .filter((item) => item !== '')
    .slice(0, NEW_INSTRUCTIONS_PER_PROMPT);
}

function afterMarker(line: string, marker: RegExp): string[] {
  const match = marker.exec(line);
  return match ? [line.slice(match[0].length)] : [];
}

// Markdown bold, a bold heading and quotes around the whole item are the model's, not the task's.
function cleanItem(item: string): string {
  const text = collapseWhitespace(item.replace(BOLD_HEADING, '').replace(/\*\*/g, ''));
  const quoted = WRAPPING_QUOTES.exec(text);
  return quoted ? collapseWhitespace(quoted[1] ?? quoted[2] ?? '') : text;
}
