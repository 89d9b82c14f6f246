import type { ChatMessage, CompletionRequest, SeedTask } from '../run/ports';
import { collapseWhitespace } from './whitespace';

// Examples of each class in the prompt; the original used 12 "Yes" and 19 "No" (anchor §1.2).
const EXAMPLES_PER_CLASS = 6;

const SYSTEM = [
  'You decide whether a task is a classification task: one whose answer is chosen from a small,',
  'fixed set of labels, such as positive/negative, true/false, or one of a few named categories.',
  'Tasks whose answers are free text, lists, numbers or code are not classification tasks.',
  'Answer with Yes or No only.',
].join(' ');

/**
 * The classification-detection prompt (anchor §1.2): a few-shot Yes/No question, greedy, a few
 * tokens. The examples are seed tasks of both classes, up to 6 of each in the order given, posed
 * as earlier turns of the chat so that a small model answers in the same one-word form.
 */
export function classifyRequest(instruction: string, examples: readonly SeedTask[]): CompletionRequest {
  const shots = alternate(
    examples.filter((task) => task.isClassification).slice(0, EXAMPLES_PER_CLASS),
    examples.filter((task) => !task.isClassification).slice(0, EXAMPLES_PER_CLASS),
  ).flatMap((task): ChatMessage[] => [
    { role: 'user', content: question(task.instruction) },
    { role: 'assistant', content: task.isClassification ? 'Yes' : 'No' },
  ]);
  return {
    purpose: 'classify',
    mode: 'chat',
    messages: [{ role: 'system', content: SYSTEM }, ...shots, { role: 'user', content: question(instruction) }],
    params: { temperature: 0, topP: 1, maxTokens: 3, stop: ['\n'] },
  };
}

/**
 * Whether a classify answer says "yes". As strict as the original, which accepts only the whole
 * answer "Yes", "yes" or "YES" (anchor §1.2), with two allowances for chat models: any letter case,
 * and whitespace, markdown emphasis, quotes or punctuation around the word ("**Yes.**"). Anything
 * else, "Yes, it is" and "I think yes" included, counts as not classification.
 */
export function parseClassification(text: string): boolean {
  return text.replace(/^[\s\p{P}*`]+|[\s\p{P}*`]+$/gu, '').toLowerCase() === 'yes';
}

function question(instruction: string): string {
  return `Task: ${collapseWhitespace(instruction)}\nIs it a classification task?`;
}

// Merges the two classes in Thue–Morse order (a b b a b a a b …): balanced, and with no period
// that would hint at the next answer the way strict alternation does.
function alternate<T>(a: readonly T[], b: readonly T[]): T[] {
  const merged: T[] = [];
  let [i, j] = [0, 0];
  for (let n = 0; i < a.length || j < b.length; n++) {
    const takeA = j >= b.length || (i < a.length && popcount(n) % 2 === 0);
    merged.push(takeA ? a[i++]! : b[j++]!);
  }
  return merged;
}

function popcount(n: number): number {
  let count = 0;
  for (let rest = n; rest > 0; rest >>>= 1) count += rest & 1;
  return count;
}
