import type { CompletionRequest, MethodSettings, SeedTask } from '../vocabulary';
import { isRecord, readJson } from './json-read';
import { classifySchema } from './json-schemas';
import { composeRequest, fewShotChat, type RequestBody } from './request';
import { renderTemplate } from './templates';
import { collapseWhitespace } from './whitespace';

// Examples of each class in the prompt; the original used 12 "Yes" and 19 "No" (anchor §1.2).
const EXAMPLES_PER_CLASS = 6;
const QUESTION = 'Is it a classification task?';
// `{"is_classification": false}` is about 8 tokens, where the original's bare "No" was 1.
const JSON_MIN_TOKENS = 16;

/**
 * The classification-detection prompt (anchor §1.2): a few-shot Yes/No question, greedy, a few
 * tokens. The examples are seed tasks of both classes, up to 6 of each in the order given. In chat
 * they are earlier turns, so that a small model answers in the same one-word form; in completion
 * style they are "Task:" blocks and the prompt ends at the answer. Both stop at the end of the
 * line. In JSON mode the answer is `{"is_classification": …}`, and maxTokens is raised to leave
 * room for it, so that a setting made for "Yes" does not cut every JSON answer short.
 */
export function classifyRequest(
  instruction: string,
  examples: readonly SeedTask[],
  settings: MethodSettings,
  seed?: number,
): CompletionRequest {
  const shots = alternate(
    examples.filter((task) => task.isClassification).slice(0, EXAMPLES_PER_CLASS),
    examples.filter((task) => !task.isClassification).slice(0, EXAMPLES_PER_CLASS),
  ).map((task): [string, string] => [collapseWhitespace(task.instruction), answer(task.isClassification, settings)]);
  const stop = settings.outputMode === 'json' && settings.promptStyle === 'chat' ? [] : ['\n'];
  return composeRequest(settings, 'classify', body(collapseWhitespace(instruction), shots, settings), {
    stop,
    seed,
    schema: classifySchema(),
    jsonMinTokens: JSON_MIN_TOKENS,
  });
}

/**
 * Whether a classify answer says "yes". Text: as strict as the original, which accepts only the
 * whole answer "Yes", "yes" or "YES" (anchor §1.2), with two allowances for chat models: any
 * letter case, and whitespace, markdown emphasis, quotes or punctuation around the word
 * ("**Yes.**"). Anything else, "Yes, it is" and "I think yes" included, counts as not
 * classification. JSON: only an `is_classification` of `true`; anything else, unparseable JSON
 * included, counts as not classification.
 */
export function parseClassification(text: string, settings: MethodSettings): boolean {
  if (settings.outputMode === 'json') {
    const answer = readJson(text, { salvage: false });
    return isRecord(answer) && answer.is_classification === true;
  }
  return text.replace(/^[\s\p{P}*`]+|[\s\p{P}*`]+$/gu, '').toLowerCase() === 'yes';
}

function body(instruction: string, shots: [string, string][], settings: MethodSettings): RequestBody {
  const { chat, completion } = settings.templates.classify;
  if (settings.promptStyle === 'completion') {
    const blocks = shots.map(([task, said]) => `Task: ${task}\n${QUESTION} ${said}`);
    return { mode: 'text', prompt: [renderTemplate(completion, {}), ...blocks, `Task: ${instruction}\n${QUESTION}`].join('\n\n') };
  }
  const format = settings.outputMode === 'json'
    ? 'Answer with one JSON object: {"is_classification": true} for a classification task, {"is_classification": false} otherwise.'
    : 'Answer with Yes or No only.';
  return fewShotChat(chat, format, shots, instruction);
}

function answer(isClassification: boolean, settings: MethodSettings): string {
  if (settings.outputMode === 'json') return JSON.stringify({ is_classification: isClassification });
  return isClassification ? 'Yes' : 'No';
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
