import { describe, expect, test } from 'vitest';
import { checkJudgeSettings, defaultJudgeSettings, judgeRequest, judgmentSchema, readJudgment, repairJudgeSettings } from '../../src/lib/judge';

const task = {
  instruction: 'Sort the numbers in ascending order.',
  instances: [
    { input: '3, 1, 2', output: '1, 2, 3' },
    { input: '', output: 'There are no numbers.' },
  ],
};

describe('judgeRequest', () => {
  test('JSON mode: a chat with the task filled in and the verdict schema for its instance count', () => {
    const request = judgeRequest(task, defaultJudgeSettings(), 7);
    expect(request).toMatchObject({ purpose: 'judge', mode: 'chat', params: { temperature: 0, topP: 1, maxTokens: 256, seed: 7 } });
    expect(request.responseFormat).toEqual({ type: 'json_object', schema: judgmentSchema(2) });
    expect(JSON.parse(request.responseFormat!.schema).properties.acceptable_outputs).toMatchObject({ minItems: 2, maxItems: 2 });
    if (request.mode !== 'chat') throw new Error('chat expected');
    const [system, user] = request.messages;
    expect(system).toEqual({ role: 'system', content: defaultJudgeSettings().system });
    expect(user!.content).toContain('Instruction:\nSort the numbers in ascending order.');
    expect(user!.content).toContain('Example 1\nInput: 3, 1, 2\nOutput: 1, 2, 3');
    expect(user!.content).toContain('Example 2\nInput: (empty)\nOutput: There are no numbers.');
    expect(user!.content).toContain('"acceptable_outputs": [true, true]');
    expect(user!.content).not.toMatch(/\{(instruction|instances|format)\}/);
  });

  test('text mode: no schema, the labelled lines asked for, and no seed key when none is given', () => {
    const request = judgeRequest(task, { ...defaultJudgeSettings(), outputMode: 'text', temperature: 0.3, maxTokens: 100 }, undefined);
    expect(request.responseFormat).toBeUndefined();
    expect(request.params).toEqual({ temperature: 0.3, topP: 1, maxTokens: 100 });
    if (request.mode !== 'chat') throw new Error('chat expected');
    expect(request.messages[1]!.content).toContain('Valid task: yes or no');
  });

  test('the format the text prompt asks for is the format the parser reads', () => {
    const answer = 'Valid task: yes\nAppropriate input: yes\nAcceptable outputs: yes, no\nScore: 3\nReason: One output is wrong.';
    expect(readJudgment({ text: answer, finishReason: 'stop' }, 2).status).toBe('judged');
  });
});

describe('checkJudgeSettings and repairJudgeSettings', () => {
  test('the defaults pass', () => {
    expect(checkJudgeSettings(defaultJudgeSettings())).toEqual({ ok: true, settings: defaultJudgeSettings() });
  });

  test('each bad field is named with what to do', () => {
    const check = checkJudgeSettings({ ...defaultJudgeSettings(), user: 'Judge {instruction} {task}', temperature: 3, maxTokens: 0.5, outputMode: 'xml', system: '' });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toEqual({
      user: 'Judge, user prompt: unknown placeholder {task}; it may use {instruction}, {instances}, {format}.',
      temperature: 'Enter a number from 0 to 2.',
      maxTokens: 'Enter a whole number from 1 to 32768.',
      outputMode: 'Choose JSON or free text.',
      system: 'Judge, system prompt: the text is empty; write what the model should be told.',
    });
  });

  test('a required placeholder left out is a problem that says what it stands for', () => {
    const check = checkJudgeSettings({ ...defaultJudgeSettings(), user: '{instruction}\n{format}' });
    expect(check).toEqual({ ok: false, problems: { user: "Judge, user prompt: {instances} is missing; it stands for the task's examples, numbered from 1, each with its input and output." } });
  });

  test('repair keeps what is valid and puts defaults where a field is missing or wrong', () => {
    expect(repairJudgeSettings(undefined)).toEqual(defaultJudgeSettings());
    expect(repairJudgeSettings({ temperature: 0.7, maxTokens: -1, user: 42, whileGenerating: true, extra: 'x' })).toEqual({
      ...defaultJudgeSettings(),
      temperature: 0.7,
      whileGenerating: true,
    });
  });
});
