import type { HeuristicRule } from '../run/ports';
import { collapseWhitespace } from './whitespace';

export type Screening =
  | { ok: true; instruction: string }
  | { ok: false; reason: { rule: HeuristicRule; detail: string } };

/** Self-Instruct's keyword blacklist (anchor §1.1): tasks a text-only model cannot do. */
export const BLACKLIST = [
  'image',
  'images',
  'graph',
  'graphs',
  'picture',
  'pictures',
  'file',
  'files',
  'map',
  'maps',
  'draw',
  'plot',
  'go to',
] as const;

// Python's \b is Unicode-aware and JavaScript's is not (anchor §1.7): "fileé" must not match.
const BLACKLISTED = BLACKLIST.map((word) => ({ word, pattern: new RegExp(`(?<![\\p{L}\\p{N}_])${word}(?![\\p{L}\\p{N}_])`, 'iu') }));
// Python's string.punctuation: the 32 ASCII punctuation characters.
const ASCII_PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

/**
 * Self-Instruct's heuristic filters for a candidate instruction, in the original's order
 * (anchor §1.1): normalise, then reject if empty, if 3 words or fewer or over 150, if it holds a
 * blacklisted word, if it starts with "Write a program", or if it starts with ASCII punctuation or
 * a non-ASCII character.
 *
 * Normalising departs from the original on purpose: it collapses whitespace and uppercases the
 * first letter, but does not lowercase the rest as Python's str.capitalize() does. The original
 * did so for GPT-3 davinci's output; chat models write proper case, and lowercasing would turn
 * "Python", "USA" or "SQL" into "python", "usa", "sql". "Write a program" is therefore matched
 * case-insensitively, which rejects exactly what the original rejected after capitalize().
 */
export function screenInstruction(candidate: string): Screening {
  const instruction = upperFirst(collapseWhitespace(candidate));
  const reason = firstFailure(instruction);
  return reason ? { ok: false, reason } : { ok: true, instruction };
}

function firstFailure(instruction: string): { rule: HeuristicRule; detail: string } | undefined {
  if (instruction === '') return { rule: 'empty', detail: 'no text' };
  const words = instruction.split(' ').length;
  if (words <= 3) return { rule: 'too-short', detail: plural(words, 'word') };
  if (words > 150) return { rule: 'too-long', detail: plural(words, 'word') };
  const blacklisted = BLACKLISTED.find(({ pattern }) => pattern.test(instruction));
  if (blacklisted) return { rule: 'blacklisted-word', detail: `contains "${blacklisted.word}"` };
  if (instruction.toLowerCase().startsWith('write a program')) {
    return { rule: 'write-a-program', detail: 'starts with "Write a program"' };
  }
  const first = instruction[0]!;
  if (ASCII_PUNCTUATION.has(first)) return { rule: 'starts-with-punctuation', detail: `starts with "${first}"` };
  if (first.charCodeAt(0) > 0x7f) {
    return { rule: 'starts-with-non-ascii', detail: `starts with "${String.fromCodePoint(instruction.codePointAt(0)!)}"` };
  }
  return undefined;
}

// Only ASCII: a non-ASCII first letter is rejected anyway, and "ß" would uppercase to "SS".
function upperFirst(text: string): string {
  return /^[a-z]/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
