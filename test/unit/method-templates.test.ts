// renderTemplate and validateTemplates: strict placeholders in user-edited prompt templates, the
// problems listed for the template editor, and edited templates reaching the requests.
import { describe, expect, it } from 'vitest';
import {
  classifyRequest,
  defaultSettings,
  instructionRequest,
  PLACEHOLDER_HELP,
  PLACEHOLDERS,
  TemplateError,
  validateTemplates,
} from '../../src/lib/method';
import { renderTemplate } from '../../src/lib/method/templates';
import type { MethodSettings, PromptTemplates } from '../../src/lib/vocabulary';
import { SEED_TASKS } from '../fixtures/method/seed-tasks';

function edited(edit: (templates: PromptTemplates) => void): PromptTemplates {
  const templates = defaultSettings('self-instruct').templates;
  edit(templates);
  return templates;
}

describe('renderTemplate', () => {
  it('fills every placeholder, numbers included', () => {
    expect(renderTemplate('Write {count} tasks from {first} to {last}.', { count: 7, first: 9, last: 15 })).toBe('Write 7 tasks from 9 to 15.');
  });

  it('leaves braces that are not placeholders as they are, such as a JSON example', () => {
    expect(renderTemplate('Answer {"ok": true} or { } for {name}.', { name: 'x' })).toBe('Answer {"ok": true} or { } for x.');
  });

  it('does not render placeholders inside a filled-in value', () => {
    expect(renderTemplate('Task: {instruction}', { instruction: 'Explain {format} strings.' })).toBe('Task: Explain {format} strings.');
  });

  it('throws a named TemplateError for a placeholder it has no value for', () => {
    expect(() => renderTemplate('Task: {instuction}', { instruction: 'x' })).toThrow(TemplateError);
    expect(() => renderTemplate('Task: {instuction}', {})).toThrow(expect.objectContaining({ name: 'TemplateError', message: expect.stringContaining('{instuction}') }));
  });
});

describe('validateTemplates', () => {
  it('finds nothing wrong with the default templates', () => {
    expect(validateTemplates(defaultSettings('self-instruct').templates)).toEqual([]);
  });

  it('names a misspelt placeholder, where it is, and what may be used instead', () => {
    const problems = validateTemplates(edited((t) => (t.classify.chat.user = 'Task: {instuction}\nIs it a classification task?')));
    expect(problems).toEqual([
      'Classification, chat user prompt: unknown placeholder {instuction}; it may use {instruction}.',
      'Classification, chat user prompt: {instruction} is missing; it stands for the task instruction of this turn.',
    ]);
  });

  it('reports a required placeholder that was deleted', () => {
    const problems = validateTemplates(edited((t) => (t.instructions.chat.user = t.instructions.chat.user.replace('{format}', ''))));
    expect(problems).toEqual([`Instruction generation, chat user prompt: {format} is missing; it stands for ${PLACEHOLDER_HELP.format}.`]);
  });

  it('rejects a placeholder that is known but not allowed in that part', () => {
    expect(validateTemplates(edited((t) => (t.classify.chat.system += ' {instruction}')))).toEqual([
      'Classification, chat system prompt: unknown placeholder {instruction}; it may use {format}.',
    ]);
    expect(validateTemplates(edited((t) => (t.instructions.completion += '\n{examples}')))).toEqual([
      'Instruction generation, completion prompt: unknown placeholder {examples}; this text takes no placeholders.',
    ]);
  });

  it('lets the Alpaca completion prompt use {count}', () => {
    expect(PLACEHOLDERS.alpaca.completion.optional).toContain('count');
    expect(validateTemplates(edited((t) => (t.alpaca.completion = 'A list of {count} tasks:')))).toEqual([]);
  });

  it('reports a stage missing from a project saved by an older version', () => {
    const old = edited(() => {}) as Partial<PromptTemplates>;
    delete old.alpaca;
    expect(validateTemplates(old as PromptTemplates)).toEqual([
      'Alpaca tasks, chat system prompt: the text is missing.',
      'Alpaca tasks, chat user prompt: the text is missing.',
      'Alpaca tasks, completion prompt: the text is missing.',
    ]);
  });

  it('documents every placeholder it allows', () => {
    const names = Object.values(PLACEHOLDERS).flatMap((parts) => Object.values(parts).flatMap(({ required, optional }) => [...required, ...optional]));
    for (const name of names) expect(PLACEHOLDER_HELP[name], name).toBeTruthy();
  });
});

describe('edited templates in requests', () => {
  it('uses the edited classify texts for the demonstrations and the question', () => {
    const settings: MethodSettings = {
      ...defaultSettings('self-instruct'),
      templates: edited((t) => {
        t.classify.chat.system = 'Label tasks. {format}';
        t.classify.chat.user = 'Is "{instruction}" a classification task?';
      }),
    };
    const request = classifyRequest('Sort these words.', SEED_TASKS, settings);
    if (request.mode !== 'chat') throw new Error('expected a chat request');
    expect(request.messages[0]).toEqual({ role: 'system', content: 'Label tasks. Answer with Yes or No only.' });
    expect(request.messages[1]!.content).toMatch(/^Is ".+" a classification task\?$/);
    expect(request.messages.at(-1)).toEqual({ role: 'user', content: 'Is "Sort these words." a classification task?' });
  });

  it('uses the edited completion header above the examples', () => {
    const settings: MethodSettings = {
      ...defaultSettings('self-instruct'),
      promptStyle: 'completion',
      templates: edited((t) => (t.instructions.completion = 'Tasks:')),
    };
    const request = instructionRequest(['Write a poem about tea.'], 1, settings);
    expect(request.mode === 'text' && request.prompt).toBe('Tasks:\n1. Write a poem about tea.\n2.');
  });

  it('throws a TemplateError when an invalid template is used without validating first', () => {
    const settings: MethodSettings = { ...defaultSettings('self-instruct'), templates: edited((t) => (t.instructions.chat.system = 'Hi {name}')) };
    expect(() => instructionRequest(['Write a poem about tea.'], 1, settings)).toThrow(TemplateError);
  });
});
