import { describe, expect, test } from 'vitest';
import { readJudgment } from '../../src/lib/judge';

const stop = (text: string) => ({ text, finishReason: 'stop' as const });
const cut = (text: string) => ({ text, finishReason: 'length' as const });

describe('readJudgment reads JSON', () => {
  test('a whole verdict, in a code fence', () => {
    const text = '```json\n{"valid_instruction": true, "appropriate_input": false, "acceptable_outputs": [true, false], "score": 3, "reason": "The second output is wrong."}\n```';
    expect(readJudgment(stop(text), 2)).toEqual({
      status: 'judged',
      verdict: { validInstruction: true, appropriateInput: false, acceptableOutputs: [true, false], score: 3, reason: 'The second output is wrong.' },
    });
  });

  test('camelCase keys, yes/no strings and a score as text', () => {
    const text = '{"validInstruction": "yes", "appropriateInput": "no", "acceptableOutputs": ["yes"], "score": "4/5", "reason": "Fine."}';
    expect(readJudgment(stop(text), 3)).toEqual({
      status: 'judged',
      verdict: { validInstruction: true, appropriateInput: false, acceptableOutputs: [true, true, true], score: 4, reason: 'Fine.' },
    });
  });

  test('a score out of range, a wrong number of outputs, a missing reason: unreadable, saying what', () => {
    const base = { valid_instruction: true, appropriate_input: true, acceptable_outputs: [true], reason: 'x' };
    expect(readJudgment(stop(JSON.stringify({ ...base, score: 7 })), 1)).toEqual({ status: 'unreadable', problem: 'The answer did not give a score from 1 to 5.' });
    expect(readJudgment(stop(JSON.stringify({ ...base, score: 4.5 })), 1).status).toBe('unreadable');
    expect(readJudgment(stop(JSON.stringify({ ...base, score: 2, acceptable_outputs: [true, false] })), 3)).toEqual({
      status: 'unreadable',
      problem: 'The answer judged 2 outputs, but the task has 3.',
    });
    expect(readJudgment(stop(JSON.stringify({ ...base, score: 2, reason: ' ' })), 1)).toEqual({ status: 'unreadable', problem: 'The answer did not give a reason.' });
  });

  test('a JSON answer cut off at the token limit says so and what to do', () => {
    const judgment = readJudgment(cut('{"valid_instruction": true, "appropriate_input": true, "acceptable_outputs": [tr'), 2);
    expect(judgment).toEqual({
      status: 'unreadable',
      problem: "The answer was cut off at the token limit before it gave the valid-task answer, the appropriate-input answer, an answer for each output, a score from 1 to 5, a reason; raise the judge's max tokens.",
    });
  });
});

describe('readJudgment reads labelled free text', () => {
  test('the five lines, with markdown and list marks', () => {
    const text = 'Here is my review.\n1. **Valid task:** Yes\n2. **Appropriate input:** yes\n3. **Acceptable outputs:** yes, no, Yes\n- Score: 4 out of 5\nReason: The second\noutput misreads the question.';
    expect(readJudgment(stop(text), 3)).toEqual({
      status: 'judged',
      verdict: { validInstruction: true, appropriateInput: true, acceptableOutputs: [true, false, true], score: 4, reason: 'The second output misreads the question.' },
    });
  });

  test('"Valid instruction - no" and one answer for every output', () => {
    const text = 'Valid instruction - no\nAppropriate inputs: no\nAcceptable output: no\nScore: 1\nReason: Not a task.';
    expect(readJudgment(stop(text), 2)).toEqual({
      status: 'judged',
      verdict: { validInstruction: false, appropriateInput: false, acceptableOutputs: [false, false], score: 1, reason: 'Not a task.' },
    });
  });

  test('a text answer cut off before its score is unreadable, naming what is missing', () => {
    expect(readJudgment(cut('Valid task: yes\nAppropriate input: yes\nAcceptable outputs: yes'), 1)).toEqual({
      status: 'unreadable',
      problem: "The answer was cut off at the token limit before it gave a score from 1 to 5, a reason; raise the judge's max tokens.",
    });
  });

  test('a long reason is kept to one row', () => {
    const judgment = readJudgment(stop(`Valid task: yes\nAppropriate input: yes\nAcceptable outputs: yes\nScore: 5\nReason: ${'word '.repeat(300)}`), 1);
    expect(judgment.status === 'judged' && judgment.verdict.reason.length).toBe(500);
  });
});

describe('readJudgment on garbage', () => {
  test.each([
    ['an empty answer', '  \n', 'The answer was empty.'],
    ['random tokens', 'zq!! ▁▁ 3kf ▁the ▁▁', 'No verdict could be read from the answer.'],
    ['a JSON object of something else', '{"instructions": ["a", "b"]}', 'No verdict could be read from the answer.'],
    ['half the fields', 'Valid task: yes\nScore: 3', 'The answer did not give the appropriate-input answer, an answer for each output, a reason.'],
  ])('%s is unreadable', (_, text, problem) => {
    expect(readJudgment(stop(text), 2)).toEqual({ status: 'unreadable', problem });
  });
});
