import type { MethodSettings, SeedTask } from '../vocabulary';

/**
 * A fingerprint of a seed set, in order: 16 hex digits that change when any seed's id, name,
 * instruction, instances or class changes, or when seeds are reordered (the order decides which
 * seeds the classify and instance prompts show).
 */
export function hashSeedSet(seeds: readonly SeedTask[]): string {
  return fnv1a64(JSON.stringify(seeds.map((seed) => [seed.id, seed.name, seed.instruction, seed.instances.map((i) => [i.input, i.output]), seed.isClassification])));
}

/**
 * A fingerprint of everything that shapes a run's output besides the model: the method settings
 * and the seed set's hash. The same settings give the same fingerprint whatever order their keys
 * were written in, so a project loaded from storage matches the run it started.
 */
export function settingsFingerprint(settings: MethodSettings, seedSetHash: string): string {
  return fnv1a64(canonicalJson({ settings, seedSetHash }));
}

// JSON with object keys sorted and undefined values left out, as JSON.stringify leaves them out.
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

// 64-bit FNV-1a over UTF-16 code units: short, stable everywhere, and enough to tell two
// configurations apart (this is a fingerprint, not a defence against forgery).
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) hash = BigInt.asUintN(64, (hash ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}
