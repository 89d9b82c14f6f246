// Method settings are checked where they come in: the form, a stored project, a restored backup.
// valibot rather than zod: its functions are separate exports that tree-shake, so this check adds
// a few KB to the page where zod's schema classes would add tens.
import * as v from 'valibot';
import type { MethodSettings, OutputMode, PromptStyle, PromptTemplates, RougeTokenizer, SamplingSettings, Strategy } from '../vocabulary';
import { isRecord } from './json-read';
import { SWITCHABLE_RULES } from './rejection-rules';
import { PLACEHOLDERS, templateProblems } from './templates';

/** MethodSettings as a form edits them: a cleared number input reads as null. */
export type SettingsDraft = Cleared<MethodSettings>;
type Cleared<T> = T extends number ? number | null : T extends string | boolean ? T : { [K in keyof T]: Cleared<T[K]> };

/** What is wrong, in words, keyed by the field's path (`sampling.classify.topP`); arrays count as one field. */
export type SettingsProblems = Readonly<Record<string, string>>;

export type SettingsCheck = { ok: true; settings: MethodSettings } | { ok: false; problems: SettingsProblems };

/** The range of each number; the form's inputs take the same bounds. `topP` excludes its minimum. */
export const SETTINGS_LIMITS = {
  rougeThreshold: { min: 0, max: 1 },
  temperature: { min: 0, max: 2 },
  topP: { min: 0, max: 1 },
  maxTokens: { min: 1, max: 32768 },
  penalty: { min: -2, max: 2 },
  minWords: { min: 0, max: 100 },
  maxWords: { min: 1, max: 10000 },
  inContext: { min: 1, max: 20 },
  maxNewPerPrompt: { min: 1, max: 100 },
  maxInstances: { min: 1, max: 20 },
} as const;

type Range = { readonly min: number; readonly max: number };

function decimal({ min, max }: Range) {
  const message = `Enter a number from ${min} to ${max}.`;
  return v.pipe(v.number(message), v.minValue(min, message), v.maxValue(max, message));
}

function whole({ min, max }: Range) {
  const message = `Enter a whole number from ${min} to ${max}.`;
  return v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
}

// web-llm accepts top-p in (0, 1] only.
const TOP_P_MESSAGE = `Enter a number above ${SETTINGS_LIMITS.topP.min}, at most ${SETTINGS_LIMITS.topP.max}.`;
const topP = v.pipe(v.number(TOP_P_MESSAGE), v.gtValue(SETTINGS_LIMITS.topP.min, TOP_P_MESSAGE), v.maxValue(SETTINGS_LIMITS.topP.max, TOP_P_MESSAGE));

// A penalty is optional: an emptied field means none, never null.
const PENALTY_MESSAGE = `Enter a number from ${SETTINGS_LIMITS.penalty.min} to ${SETTINGS_LIMITS.penalty.max}, or leave it empty.`;
const penalty = v.nullish(v.pipe(v.number(PENALTY_MESSAGE), v.minValue(SETTINGS_LIMITS.penalty.min, PENALTY_MESSAGE), v.maxValue(SETTINGS_LIMITS.penalty.max, PENALTY_MESSAGE)));

const sampling = v.pipe(
  v.object({
    temperature: decimal(SETTINGS_LIMITS.temperature),
    topP,
    maxTokens: whole(SETTINGS_LIMITS.maxTokens),
    presencePenalty: penalty,
    frequencyPenalty: penalty,
  }),
  v.transform(({ presencePenalty, frequencyPenalty, ...rest }): SamplingSettings => ({
    ...rest,
    ...(presencePenalty == null ? {} : { presencePenalty }),
    ...(frequencyPenalty == null ? {} : { frequencyPenalty }),
  })),
);

/** Every member of a string union, listed as the keys of a record so that a new member must be added here. */
function members<T extends string>(record: Record<T, true>): [T, ...T[]] {
  return Object.keys(record) as [T, ...T[]];
}

/** An object with the same schema under each key. */
function each<K extends string, S extends v.GenericSchema>(keys: readonly K[], schema: S) {
  return v.object(Object.fromEntries(keys.map((key) => [key, schema])) as Record<K, S>);
}

const keysOf = <K extends string>(record: Record<K, unknown>) => Object.keys(record) as K[];

// A text's placeholders and emptiness are templateProblems' to judge, beside this schema.
const TEXT_MESSAGE = 'Write the prompt text.';
const stageTemplates = v.object({
  chat: v.object({ system: v.string(TEXT_MESSAGE), user: v.string(TEXT_MESSAGE) }),
  completion: v.string(TEXT_MESSAGE),
});

const BLACKLIST_MESSAGE = 'List the words, separated by commas.';
const heuristics = v.pipe(
  v.object({
    enabled: each(SWITCHABLE_RULES, v.boolean('Switch the filter on or off.')),
    minWords: whole(SETTINGS_LIMITS.minWords),
    maxWords: whole(SETTINGS_LIMITS.maxWords),
    blacklist: v.array(v.pipe(v.string(BLACKLIST_MESSAGE), v.trim(), v.nonEmpty(BLACKLIST_MESSAGE)), BLACKLIST_MESSAGE),
  }),
  v.forward(
    v.partialCheck([['minWords'], ['maxWords']], ({ minWords, maxWords }) => minWords < maxWords, 'Enter more than the minimum words, or every instruction is rejected.'),
    ['maxWords'],
  ),
);

// The form shows `total` but not `machine`, so a conflict between them is told beside `total`.
const inContext = v.pipe(
  v.object({ total: whole(SETTINGS_LIMITS.inContext), machine: whole(SETTINGS_LIMITS.inContext), alpacaSeeds: whole(SETTINGS_LIMITS.inContext) }),
  v.forward(
    v.partialCheck([['total'], ['machine']], ({ total, machine }) => machine <= total, 'Enter at least the number of machine-written examples per prompt.'),
    ['total'],
  ),
);

const methodSettings = v.object(
  {
    strategy: v.picklist(members<Strategy>({ 'self-instruct': true, alpaca: true }), 'Choose Self-Instruct or Alpaca.'),
    promptStyle: v.picklist(members<PromptStyle>({ chat: true, completion: true }), 'Choose chat messages or raw completion.'),
    outputMode: v.picklist(members<OutputMode>({ text: true, json: true }), 'Choose free text or JSON.'),
    templates: each(keysOf(PLACEHOLDERS), stageTemplates),
    heuristics,
    rougeThreshold: decimal(SETTINGS_LIMITS.rougeThreshold),
    rougeTokenizer: v.picklist(members<RougeTokenizer>({ default: true, multilingual: true }), 'Choose a tokenizer.'),
    sampling: each(members<keyof MethodSettings['sampling']>({ instructions: true, classify: true, instances: true }), sampling),
    inContext,
    maxNewPerPrompt: whole(SETTINGS_LIMITS.maxNewPerPrompt),
    maxInstances: whole(SETTINGS_LIMITS.maxInstances),
  },
  'These are not method settings.',
);

/**
 * Checks every field of `value` (the form's draft, or settings read back from storage or a
 * backup): numbers in range, choices among the known ones, templates with text and the right
 * placeholders, and the fields that must agree. Returns the settings as plain data, unknown keys
 * left out, or every problem by field.
 */
export function checkSettings(value: unknown): SettingsCheck {
  const parsed = v.safeParse(methodSettings, value, { abortPipeEarly: true });
  const problems: Record<string, string> = {};
  for (const issue of parsed.issues ?? []) problems[fieldOf(issue)] ??= issue.message;
  const templates = isRecord(value) ? value.templates : undefined;
  if (isRecord(templates)) for (const { path, message } of templateProblems(templates as PromptTemplates)) problems[`templates.${path}`] ??= message;
  if (parsed.success && Object.keys(problems).length === 0) {
    const settings: MethodSettings = parsed.output;
    return { ok: true, settings };
  }
  return { ok: false, problems };
}

/** The issue's path down to the field the form shows: an array's items are its one field. */
function fieldOf(issue: v.BaseIssue<unknown>): string {
  const keys: string[] = [];
  for (const item of issue.path ?? []) {
    if (typeof item.key !== 'string') break;
    keys.push(item.key);
  }
  return keys.join('.');
}
