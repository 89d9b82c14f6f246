import type { MethodSettings } from '../vocabulary';
import { isRecord } from './json-read';
import { defaultSettings } from './settings';
import { checkSettings } from './settings-schema';

/**
 * Valid settings from whatever was stored: nothing (the Self-Instruct defaults), a project saved
 * by an older version (a field missing), a cleared field saved as null, a hand-edited backup.
 * Missing fields get the strategy's defaults and every field the schema rejects gets its default.
 * A field that still disagrees with another (at most the minimum words, say) takes its whole
 * group's defaults, and as a last resort the strategy's defaults replace everything.
 */
export function repairSettings(stored: unknown): MethodSettings {
  const defaults = defaultSettings(isRecord(stored) && stored.strategy === 'alpaca' ? 'alpaca' : 'self-instruct');
  const repaired = overlay(defaults, stored) as Record<string, unknown>;
  for (const widen of [0, 1, Infinity]) {
    const checked = checkSettings(repaired);
    if (checked.ok) return checked.settings;
    for (const field of Object.keys(checked.problems)) {
      const keys = field === '' ? [] : field.split('.');
      resetField(repaired, defaults, keys.slice(0, Math.max(0, keys.length - widen)));
    }
  }
  // The last pass put every default back.
  return defaults;
}

/** `stored` wherever it has a value, `base` elsewhere; objects are merged key by key, into fresh objects. */
function overlay(base: unknown, stored: unknown): unknown {
  if (!isRecord(base)) return stored === undefined ? structuredClone(base) : stored;
  if (!isRecord(stored)) return structuredClone(base);
  const keys = new Set([...Object.keys(base), ...Object.keys(stored)]);
  return Object.fromEntries([...keys].map((key) => [key, overlay(base[key], stored[key])]));
}

/** Puts the default back at `keys` (everything when there are none), or removes a field with no default. */
function resetField(settings: Record<string, unknown>, defaults: MethodSettings, keys: string[]): void {
  const last = keys.at(-1);
  if (last === undefined) {
    for (const key of Object.keys(settings)) delete settings[key];
    Object.assign(settings, structuredClone(defaults));
    return;
  }
  let target: unknown = settings;
  let source: unknown = defaults;
  for (const key of keys.slice(0, -1)) {
    target = isRecord(target) ? target[key] : undefined;
    source = isRecord(source) ? source[key] : undefined;
  }
  if (!isRecord(target)) return;
  const fallback = isRecord(source) ? source[last] : undefined;
  if (fallback === undefined) delete target[last];
  else target[last] = structuredClone(fallback);
}
