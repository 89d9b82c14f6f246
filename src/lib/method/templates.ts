import type { PromptTemplates, TemplateStage } from '../vocabulary';

/** A part of a stage's templates: the chat system or user text, or the completion prompt. */
export type TemplatePart = 'system' | 'user' | 'completion';

export interface PlaceholderSpec {
  /** Must appear, or the app cannot put what the stage needs into the prompt. */
  required: readonly string[];
  optional: readonly string[];
}

const NONE: PlaceholderSpec = { required: [], optional: [] };
const TASK_TURN: PlaceholderSpec = { required: ['instruction'], optional: [] };
const FORMAT_ONLY: PlaceholderSpec = { required: ['format'], optional: [] };
const LIST_REQUEST: PlaceholderSpec = { required: ['examples', 'format'], optional: ['count', 'first', 'last'] };

/**
 * The placeholders each template may use. A completion prompt is the text above the examples:
 * the examples, and the open slot the model continues, follow it in the output mode's layout, so
 * it needs no placeholder.
 */
export const PLACEHOLDERS: Record<TemplateStage, Record<TemplatePart, PlaceholderSpec>> = {
  instructions: { system: NONE, user: LIST_REQUEST, completion: NONE },
  classify: { system: FORMAT_ONLY, user: TASK_TURN, completion: NONE },
  inputFirst: { system: FORMAT_ONLY, user: TASK_TURN, completion: NONE },
  outputFirst: { system: FORMAT_ONLY, user: TASK_TURN, completion: NONE },
  alpaca: { system: NONE, user: LIST_REQUEST, completion: { required: [], optional: ['count'] } },
};

/** What each placeholder stands for, for the template editor. */
export const PLACEHOLDER_HELP: Record<string, string> = {
  examples: 'the in-context examples, numbered from 1',
  format: 'how to write the answer (a numbered list, labelled fields or JSON), set by the output mode',
  count: 'how many new items to ask for',
  first: 'the number of the first new item',
  last: 'the number of the last new item',
  instruction: 'the task instruction of this turn',
};

const STAGE_NAMES: Record<TemplateStage, string> = {
  instructions: 'Instruction generation',
  classify: 'Classification',
  inputFirst: 'Instances (input first)',
  outputFirst: 'Instances (output first)',
  alpaca: 'Alpaca tasks',
};

const PART_NAMES: Record<TemplatePart, string> = {
  system: 'chat system prompt',
  user: 'chat user prompt',
  completion: 'completion prompt',
};

// `{name}` with a letter first; other braces, as in a JSON example, are plain text.
const PLACEHOLDER = /\{([A-Za-z]\w*)\}/g;

/** Thrown when a template is rendered with a placeholder it has no value for: validate first. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(placeholder: string) {
    super(`A prompt template uses {${placeholder}}, which this prompt has no value for. Check the templates with validateTemplates before a run.`);
  }
}

/** Fills each `{name}` in `template` from `vars`; an unknown name throws a TemplateError. */
export function renderTemplate(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new TemplateError(name);
    return String(value);
  });
}

/** One problem of one template: where it is, and a sentence that names the stage and part. */
export interface TemplateProblem {
  /** The text's place in PromptTemplates, e.g. `classify.chat.user`. */
  path: string;
  message: string;
}

/**
 * What is wrong with a set of templates, for the template editor: an empty or missing text, a
 * placeholder the template may not use, or a required one left out. Empty when every template
 * can be rendered.
 */
export function templateProblems(templates: PromptTemplates): TemplateProblem[] {
  return (Object.keys(PLACEHOLDERS) as TemplateStage[]).flatMap((stage) =>
    (Object.keys(PLACEHOLDERS[stage]) as TemplatePart[]).flatMap((part) => {
      const path = part === 'completion' ? `${stage}.completion` : `${stage}.chat.${part}`;
      return problemsOf(stage, part, textOf(templates, stage, part)).map((message) => ({ path, message }));
    }),
  );
}

/** The sentences of templateProblems, one per problem. */
export function validateTemplates(templates: PromptTemplates): string[] {
  return templateProblems(templates).map((problem) => problem.message);
}

// Projects saved by an older version may lack a stage: read defensively.
function textOf(templates: PromptTemplates, stage: TemplateStage, part: TemplatePart): unknown {
  const stageTemplates = templates[stage] as PromptTemplates[TemplateStage] | undefined;
  return part === 'completion' ? stageTemplates?.completion : stageTemplates?.chat?.[part];
}

function problemsOf(stage: TemplateStage, part: TemplatePart, text: unknown): string[] {
  return placeholderProblems(`${STAGE_NAMES[stage]}, ${PART_NAMES[part]}`, text, PLACEHOLDERS[stage][part]);
}

/**
 * What keeps one prompt text from being rendered: missing or empty, a placeholder `spec` does not
 * allow, a required one left out. Each sentence starts with `where`; `help` says what a required
 * placeholder stands for (the method's own by default).
 */
export function placeholderProblems(where: string, text: unknown, spec: PlaceholderSpec, help: Readonly<Record<string, string>> = PLACEHOLDER_HELP): string[] {
  if (typeof text !== 'string') return [`${where}: the text is missing.`];
  if (text.trim() === '') return [`${where}: the text is empty; write what the model should be told.`];
  const { required, optional } = spec;
  const used = new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!));
  const allowed = [...required, ...optional];
  const unknown = [...used].filter((name) => !allowed.includes(name));
  const missing = required.filter((name) => !used.has(name));
  return [
    ...unknown.map((name) => `${where}: unknown placeholder {${name}}; ${allowedText(allowed)}.`),
    ...missing.map((name) => `${where}: {${name}} is missing; it stands for ${help[name]}.`),
  ];
}

function allowedText(allowed: readonly string[]): string {
  return allowed.length === 0 ? 'this text takes no placeholders' : `it may use ${allowed.map((name) => `{${name}}`).join(', ')}`;
}
