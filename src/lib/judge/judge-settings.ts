import type { JudgeSettings } from '../vocabulary';

/**
 * The judge's default prompt, written for small instruct models: the paper's three questions in
 * plain words, one task per call, and the answer's layout spelled out by `{format}` (labelled lines
 * in text mode, one JSON object in JSON mode). Greedy, so a judgment can be repeated.
 */
export function defaultJudgeSettings(): JudgeSettings {
  return {
    system: [
      'You check examples written for a dataset that teaches an assistant to follow instructions.',
      'Each task has an instruction and one or more numbered examples; an example has an input, which may be empty, and an output.',
      'Be strict and brief. Decide:',
      '1. Is the instruction a real task that a person could ask for and that can be done as written?',
      '2. Do the inputs suit the instruction? An empty input suits an instruction that needs none.',
      '3. For each example, is the output a correct and acceptable response to the instruction and its input?',
      'Then give the task as a whole a score from 1 (unusable) to 5 (excellent) and the main reason in one sentence.',
    ].join('\n'),
    user: 'Instruction:\n{instruction}\n\n{instances}\n\n{format}',
    outputMode: 'json',
    temperature: 0,
    maxTokens: 256,
    whileGenerating: false,
  };
}
