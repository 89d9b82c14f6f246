import type { CompletionResult, MethodSettings } from '../vocabulary';
import { answerLines } from './field-text';
import { listField, readJson } from './json-read';
import { collapseWhitespace } from './whitespace';

// "9. ", "9) ", "9 - ", "**9.** ", "**Task 9:** ", "Instruction 9: ", "### 9. " at a line's start.
const NUMBERED = /^\s*(?:#{1,6}\s*)?(?:\*\*)?(?:(?:task|instruction)\s*#?\s*)?\d{1,3}(?:\*\*)?\s*[.):\-–](?:\*\*)?\s+/i;
const BULLET = /^\s*[-*•+]\s+/;
// A bold label before the task, as in "**Sentiment Analysis**: Classify …". Only when a capital
// letter follows, so "**Summarize:** the article below" keeps its verb.
const BOLD_HEADING = /^\*\*[^*]+?\*\*\s*[:\-–—]\s+(?=[A-Z])|^\*\*[^*]+?[:\-–—]\*\*\s+(?=[A-Z])/;
const WRAPPING_QUOTES = /^"([^"]*)"$|^“([^“”]*)”$/;

/**
 * The new instructions in a generation response, at most `maxNewPerPrompt` (7 by default), as
 * whitespace-collapsed strings. Self-Instruct drops a response cut off by the token limit
 * (anchor §1.1); an interrupted one ('abort') is cut off too, so both give [], in either mode.
 *
 * Text: items are the lines that start with a list marker: numbered lines when there are any (so
 * bullets nested under them are ignored), else bullets. Preambles, closing remarks, code fences
 * and lines that continue an item are left out; a response with no list at all gives []. After a
 * completion prompt the response starts inside the item whose number ended the prompt.
 *
 * JSON: the "instructions" list of the first JSON object; entries that are not strings are
 * skipped, and anything else gives [].
 */
export function parseInstructions(result: CompletionResult, settings: MethodSettings): string[] {
  if (result.finishReason !== 'stop') return [];
  const items = settings.outputMode === 'json' ? fromJson(result.text) : fromText(continued(result.text, settings));
  return items
    .map(cleanItem)
    .filter((item) => item !== '')
    .slice(0, settings.maxNewPerPrompt);
}

function fromJson(text: string): string[] {
  const list = listField(readJson(text, { salvage: false }), 'instructions') ?? [];
  return list.filter((item): item is string => typeof item === 'string');
}

function fromText(text: string): string[] {
  const lines = answerLines(text);
  const numbered = lines.flatMap((line) => afterMarker(line, NUMBERED));
  return numbered.length > 0 ? numbered : lines.flatMap((line) => afterMarker(line, BULLET));
}

// The completion prompt ended with the next number, so give the first item a marker back; any
// number will do. A model that wrote the number again already has one.
function continued(text: string, settings: MethodSettings): string {
  if (settings.promptStyle !== 'completion') return text;
  const rest = text.trimStart();
  return NUMBERED.test(rest) ? rest : `0. ${rest}`;
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
