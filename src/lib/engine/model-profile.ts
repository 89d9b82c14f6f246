// What a model is, read from its web-llm id, for a list that people understand: a readable name,
// what kind of model it is, its size, how it is quantised, and whether it belongs in the short list.

/** What a model was trained to do, as far as this method is concerned. */
export type ModelKind = 'chat' | 'base' | 'coder' | 'math' | 'reasoning' | 'vision';

export interface ModelProfile {
  /** e.g. "Qwen2.5 1.5B Instruct". */
  name: string;
  kind: ModelKind;
  /** Parameters in billions, where the id tells. */
  billions?: number;
  /** How the weights are stored, in words, e.g. "4-bit" or "4-bit, 32-bit shaders". */
  variant: string;
}

// Chat models that follow this method's prompts (instructions, yes/no, numbered examples) and fit a
// browser: each family's current instruct release up to 8B. Older releases of the same family
// (Qwen2, Llama 3, Phi-3, Gemma 1) and the fine-tunes of others stay under "Show all models".
const SHORT_LIST = new Set([
  'Qwen2.5-0.5B-Instruct',
  'Qwen2.5-1.5B-Instruct',
  'Qwen2.5-3B-Instruct',
  'Qwen2.5-7B-Instruct',
  'Llama-3.2-1B-Instruct',
  'Llama-3.2-3B-Instruct',
  'Llama-3.1-8B-Instruct',
  'gemma-2-2b-it',
  'gemma-4-E2B-it',
  'Phi-3.5-mini-instruct',
  'Phi-4-mini-instruct',
  'SmolLM2-1.7B-Instruct',
  'Mistral-7B-Instruct-v0.3',
  'Ministral-3-3B-Instruct-2512-BF16',
]);

// Checked in order: a model is the first kind whose pattern its name matches, else chat or base.
const KINDS: { kind: ModelKind; test: RegExp }[] = [
  { kind: 'vision', test: /vision/i },
  { kind: 'coder', test: /coder/i },
  { kind: 'math', test: /math/i },
  // These write their reasoning before the answer by default: many tokens, and text the parsers must skip.
  { kind: 'reasoning', test: /R1-Distill|Reasoning|^Qwen3(\.5)?-/i },
  { kind: 'base', test: /-Base-|^phi-(2|1_5)$/i },
];
const CHAT = /instruct|-it$|-it-|chat|zephyr|hermes/i;

// Sizes the id does not spell out.
const NAMED_SIZES: { test: RegExp; billions: number }[] = [
  { test: /^Phi-3(\.5)?-mini/i, billions: 3.8 },
  { test: /^Phi-4-mini/i, billions: 3.8 },
  { test: /^phi-2$/i, billions: 2.7 },
  { test: /^phi-1_5$/i, billions: 1.3 },
];

/** The model's name without web-llm's quantisation and build suffixes, e.g. "Qwen2.5-1.5B-Instruct". */
export function baseModelName(modelId: string): string {
  return modelId.replace(/-MLC(-.*)?$/, '').replace(/-q\d+f\d+(_\d+)?$/, '');
}

/** A model's profile from its web-llm id. */
export function profileModel(modelId: string): ModelProfile {
  const base = baseModelName(modelId);
  const profile: ModelProfile = { name: readableName(base), kind: kindOf(base), variant: variantOf(modelId) };
  const billions = billionsOf(base);
  if (billions !== undefined) profile.billions = billions;
  return profile;
}

/** Whether the model is in the short list offered before "Show all models". */
export function isShortListed(modelId: string): boolean {
  return SHORT_LIST.has(baseModelName(modelId)) && !/-MLC-1k$/.test(modelId) && /-q4f/.test(modelId);
}

function kindOf(base: string): ModelKind {
  const special = KINDS.find(({ test }) => test.test(base));
  if (special) return special.kind;
  return CHAT.test(base) ? 'chat' : 'base';
}

function billionsOf(base: string): number | undefined {
  const named = NAMED_SIZES.find(({ test }) => test.test(base));
  if (named) return named.billions;
  // "1.5B", "360M", "E2B" (Gemma's effective size), "1_6b" (StableLM's 1.6B).
  const match = /(?:^|-)E?(\d+(?:[._]\d+)?)([BM])(?=-|$)/i.exec(base);
  if (!match) return undefined;
  const value = Number(match[1]!.replace('_', '.'));
  return match[2]!.toUpperCase() === 'M' ? value / 1000 : value;
}

function variantOf(modelId: string): string {
  const quant = /-q(\d+)f(\d+)/.exec(modelId);
  if (!quant) return 'unknown quantisation';
  const [, bits, shaders] = quant;
  if (bits === '0') return `unquantised, ${shaders}-bit`;
  // Both run the same 4-bit weights; the f32 build is for GPUs without 16-bit shaders, and larger.
  return shaders === '32' ? `${bits}-bit, 32-bit shaders` : `${bits}-bit`;
}

// "gemma-2-2b-it" → "Gemma 2 2B Instruct", "stablelm-2-zephyr-1_6b" → "Stablelm 2 Zephyr 1.6B".
function readableName(base: string): string {
  return base
    .split('-')
    .map((part) => {
      if (/^it$/i.test(part)) return 'Instruct';
      if (/^\d+(_\d+)?[bm]?$/i.test(part)) return part.replace('_', '.').toUpperCase();
      return part.charAt(0).toUpperCase() + part.slice(1);
    })
    .join(' ');
}
