import type { HeuristicRule, HeuristicSettings } from '../vocabulary';
import { collapseWhitespace } from './whitespace';

export type Screening =
  | { ok: true; instruction: string }
  | { ok: false; reason: { rule: HeuristicRule; detail: string } };

type Failure = { rule: HeuristicRule; detail: string } | undefined;

// Python's string.punctuation: the 32 ASCII punctuation characters.
const ASCII_PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

/**
 * Self-Instruct's heuristic filters for a candidate instruction, in the original's order
 * (anchor §1.1): normalise, then reject if empty, if it has `minWords` words or fewer (3) or more
 * than `maxWords` (150), if it holds a blacklisted word, if it starts with "Write a program", or if
 * it starts with ASCII punctuation or a non-ASCII character. Every rule but the empty one can be
 * switched off; Alpaca applies the same rules with a longer blacklist (anchor §2.4).
 *
 * Normalising departs from the original on purpose: it collapses whitespace and uppercases the
 * first letter, but does not lowercase the rest as Python's str.capitalize() does. The original
 * did so for GPT-3 davinci's output; chat models write proper case, and lowercasing would turn
 * "Python", "USA" or "SQL" into "python", "usa", "sql". "Write a program" is therefore matched
 * case-insensitively, which rejects exactly what the original rejected after capitalize().
 */
export function screenInstruction(candidate: string, heuristics: HeuristicSettings): Screening {
  const instruction = upperFirst(collapseWhitespace(candidate));
  if (instruction === '') return { ok: false, reason: { rule: 'empty', detail: 'no text' } };
  for (const check of CHECKS) {
    const reason = check(instruction, heuristics);
    if (reason) return { ok: false, reason };
  }
  return { ok: true, instruction };
}

// Each check looks at its own on/off switch; the order is the original's.
const CHECKS: readonly ((instruction: string, heuristics: HeuristicSettings) => Failure)[] = [
  (instruction, { enabled, minWords, maxWords }) => {
    const words = instruction.split(' ').length;
    if (enabled['too-short'] && words <= minWords) return { rule: 'too-short', detail: plural(words, 'word') };
    if (enabled['too-long'] && words > maxWords) return { rule: 'too-long', detail: plural(words, 'word') };
    return undefined;
  },
  (instruction, { enabled, blacklist }) => {
    const word = enabled['blacklisted-word'] ? blacklist.map(collapseWhitespace).find((entry) => entry !== '' && containsWord(instruction, entry)) : undefined;
    return word === undefined ? undefined : { rule: 'blacklisted-word', detail: `contains "${word}"` };
  },
  (instruction, { enabled }) =>
    enabled['write-a-program'] && instruction.toLowerCase().startsWith('write a program')
      ? { rule: 'write-a-program', detail: 'starts with "Write a program"' }
      : undefined,
  (instruction, { enabled }) =>
    enabled['starts-with-punctuation'] && ASCII_PUNCTUATION.has(instruction[0]!)
      ? { rule: 'starts-with-punctuation', detail: `starts with "${instruction[0]}"` }
      : undefined,
  (instruction, { enabled }) =>
    enabled['starts-with-non-ascii'] && instruction.charCodeAt(0) > 0x7f
      ? { rule: 'starts-with-non-ascii', detail: `starts with "${String.fromCodePoint(instruction.codePointAt(0)!)}"` }
      : undefined,
];

// Python's \b is Unicode-aware and JavaScript's is not (anchor §1.7): "fileé" must not match.
// The original puts its words into the pattern unescaped; a user's "c++" must not act as a regex.
function containsWord(instruction: string, word: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(word)}(?![\\p{L}\\p{N}_])`, 'iu').test(instruction);
}

// Only ASCII: a non-ASCII first letter is rejected anyway, and "ß" would uppercase to "SS".
function upperFirst(text: string): string {
  return /^[a-z]/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
