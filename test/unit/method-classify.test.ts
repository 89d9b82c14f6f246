// classifyRequest and parseClassification: the few-shot Yes/No prompt built from seed tasks, and
// how strictly an answer counts as "yes" (anchor §1.2).
import { describe, expect, it } from 'vitest';
import { classifyRequest, parseClassification } from '../../src/lib/method';
import type { ChatMessage, SeedTask } from '../../src/lib/vocabulary';
import { SEED_TASKS } from '../fixtures/method/seed-tasks';
import { SELF_INSTRUCT_SETTINGS } from '../fixtures/method/settings';

function messages(instruction: string, seeds: readonly SeedTask[]): ChatMessage[] {
  const request = classifyRequest(instruction, seeds, SELF_INSTRUCT_SETTINGS);
  if (request.mode !== 'chat') throw new Error('expected a chat request');
  return request.messages;
}

function many(count: number, isClassification: boolean): SeedTask[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${isClassification}-${i}`,
    name: `task_${i}`,
    instruction: `${isClassification ? 'Label' : 'Describe'} item ${i}.`,
    instances: [],
    isClassification,
  }));
}

describe('classifyRequest', () => {
  it('is greedy, short and marked as the classify step', () => {
    const request = classifyRequest('Sort these words.', SEED_TASKS, SELF_INSTRUCT_SETTINGS);
    expect(request.purpose).toBe('classify');
    expect(request.params.temperature).toBe(0);
    expect(request.params.maxTokens).toBeLessThanOrEqual(5);
  });

  it('shows seed tasks of both classes as earlier turns, each answered by its class', () => {
    const turns = messages('Sort these words.', SEED_TASKS).slice(1, -1);
    for (let i = 0; i < turns.length; i += 2) {
      const seed = SEED_TASKS.find((task) => turns[i]!.content.includes(task.instruction))!;
      expect(turns[i]!.role).toBe('user');
      expect(turns[i + 1]).toEqual({ role: 'assistant', content: seed.isClassification ? 'Yes' : 'No' });
    }
    expect(turns.map((turn) => turn.content)).toEqual(expect.arrayContaining(['Yes', 'No']));
  });

  it('ends with the question about the given instruction', () => {
    const last = messages('Sort  these\nwords.', SEED_TASKS).at(-1)!;
    expect(last.role).toBe('user');
    expect(last.content).toContain('Task: Sort these words.');
  });

  it('takes at most 6 examples of each class, in Thue–Morse order', () => {
    const answers = messages('Sort these words.', [...many(9, true), ...many(9, false)])
      .filter((message) => message.role === 'assistant')
      .map((message) => message.content);
    expect(answers).toEqual(['Yes', 'No', 'No', 'Yes', 'No', 'Yes', 'Yes', 'No', 'No', 'Yes', 'Yes', 'No']);
  });

  it('still asks when the seeds hold only one class', () => {
    expect(messages('Sort these words.', many(2, false)).map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user']);
  });
});

describe('parseClassification', () => {
  it.each(['Yes', 'yes', 'YES', ' Yes\n', 'Yes.', '**Yes**', '"yes"', 'Yes!'])('reads %j as yes', (text) => {
    expect(parseClassification(text, SELF_INSTRUCT_SETTINGS)).toBe(true);
  });

  it.each(['No', 'no.', '', 'Yes, it is', 'I think yes', 'Yesterday', 'Maybe', 'Y'])('reads %j as not classification', (text) => {
    expect(parseClassification(text, SELF_INSTRUCT_SETTINGS)).toBe(false);
  });
});
