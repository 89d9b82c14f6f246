// Licence notes for the model families we offer, for the model list and the dataset card. They
// summarise each family's published licence; users must read the licence itself before
// publishing a dataset or a model trained on it.
const FAMILIES: { test: RegExp; licence: string }[] = [
  { test: /^Qwen2\.5-3B/i, licence: 'Qwen Research License (non-commercial use)' },
  { test: /^Qwen/i, licence: 'Apache-2.0' },
  { test: /^(Hermes-3-)?Llama-3\.2/i, licence: 'Llama 3.2 Community License (attribution; naming rules for derived models)' },
  { test: /^(Hermes-\d-)?Llama-3(\.1)?/i, licence: 'Llama 3 Community License (attribution; naming rules for derived models)' },
  { test: /^gemma/i, licence: 'Gemma Terms of Use (use restrictions apply)' },
  { test: /^Phi/i, licence: 'MIT' },
  { test: /^(SmolLM|OLMo|TinyLlama|stablelm)/i, licence: 'Apache-2.0' },
  { test: /^(Mistral|Ministral)/i, licence: 'Apache-2.0' },
  { test: /^chrome-built-in$/, licence: 'Google’s Generative AI Prohibited Uses Policy (Chrome’s built-in Gemini Nano)' },
];

const UNKNOWN = 'not recorded here: check the model card';

/** The licence note of a model id (web-llm's, or a GGUF id after its "gguf:" prefix). */
export function licenceOf(modelId: string): string {
  const name = modelId.replace(/^gguf:/, '');
  return FAMILIES.find(({ test }) => test.test(name))?.licence ?? UNKNOWN;
}
