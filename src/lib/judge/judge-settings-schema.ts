// The judge's settings are checked where they come in (the prompt editor, a stored project, a
// restored backup), with valibot as the method's settings are.
import * as v from 'valibot';
import { isRecord, SETTINGS_LIMITS } from '../method';
import type { JudgeSettings } from '../vocabulary';
import { judgePromptProblems } from './judge-prompt';
import { defaultJudgeSettings } from './judge-settings';

/** What is wrong, in words, by field (`system`, `user`, `temperature`, …). */
export type JudgeSettingsCheck = { ok: true; settings: JudgeSettings } | { ok: false; problems: Readonly<Record<string, string>> };

const { temperature, maxTokens } = SETTINGS_LIMITS;
const TEMPERATURE_MESSAGE = `Enter a number from ${temperature.min} to ${temperature.max}.`;
const MAX_TOKENS_MESSAGE = `Enter a whole number from ${maxTokens.min} to ${maxTokens.max}.`;
const TEXT_MESSAGE = 'Write the prompt text.';

const judgeSettings = v.object(
  {
    system: v.string(TEXT_MESSAGE),
    user: v.string(TEXT_MESSAGE),
    outputMode: v.picklist(['json', 'text'], 'Choose JSON or free text.'),
    temperature: v.pipe(v.number(TEMPERATURE_MESSAGE), v.minValue(temperature.min, TEMPERATURE_MESSAGE), v.maxValue(temperature.max, TEMPERATURE_MESSAGE)),
    maxTokens: v.pipe(v.number(MAX_TOKENS_MESSAGE), v.integer(MAX_TOKENS_MESSAGE), v.minValue(maxTokens.min, MAX_TOKENS_MESSAGE), v.maxValue(maxTokens.max, MAX_TOKENS_MESSAGE)),
    whileGenerating: v.boolean('Switch it on or off.'),
  },
  'These are not judge settings.',
);

/** Checks every field: numbers in range, a known output mode, prompt texts with the right placeholders. Unknown keys are left out. */
export function checkJudgeSettings(value: unknown): JudgeSettingsCheck {
  const parsed = v.safeParse(judgeSettings, value, { abortPipeEarly: true });
  const problems: Record<string, string> = {};
  for (const issue of parsed.issues ?? []) problems[String(issue.path?.[0]?.key ?? '')] ??= issue.message;
  if (isRecord(value)) for (const [field, message] of Object.entries(judgePromptProblems(value as Partial<JudgeSettings> as JudgeSettings))) problems[field] ??= message;
  if (parsed.success && Object.keys(problems).length === 0) return { ok: true, settings: parsed.output };
  return { ok: false, problems };
}

/**
 * Valid judge settings from whatever was stored: nothing (the defaults), a project saved before a
 * field existed, a hand-edited backup. Each field the check rejects, or that is missing, gets its
 * default; the fields are independent, so one pass is enough.
 */
export function repairJudgeSettings(stored: unknown): JudgeSettings {
  const defaults = defaultJudgeSettings();
  if (!isRecord(stored)) return defaults;
  const repaired: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(defaults)) if (stored[key] !== undefined) repaired[key] = stored[key];
  const checked = checkJudgeSettings(repaired);
  if (checked.ok) return checked.settings;
  for (const field of Object.keys(checked.problems)) if (field in defaults) repaired[field] = defaults[field as keyof JudgeSettings];
  const again = checkJudgeSettings(repaired);
  return again.ok ? again.settings : defaults;
}
