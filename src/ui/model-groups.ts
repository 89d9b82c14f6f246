// The model list as people read it: the browser's own model when it is ready, the recommended model,
// then the short list of chat models by how much GPU memory they need, then the CPU models, then the
// browser's own model when Chrome must download it; "Show all models" adds the rest by kind.
import type { ModelKind, ModelOption } from '../lib/engine';

export interface ModelGroup {
  label: string;
  options: ModelOption[];
}

const GB = 1024;

const SHORT_GROUPS: { label: string; fits: (option: ModelOption) => boolean }[] = [
  { label: 'GPU, under 2 GB of memory', fits: (option) => option.vramMB !== undefined && option.vramMB < 2 * GB },
  { label: 'GPU, 2 to 4 GB of memory', fits: (option) => option.vramMB !== undefined && option.vramMB >= 2 * GB && option.vramMB < 4 * GB },
  { label: 'GPU, 4 GB of memory or more', fits: (option) => option.vramMB !== undefined && option.vramMB >= 4 * GB },
  { label: 'CPU (llama.cpp): slower, any browser', fits: (option) => option.vramMB === undefined },
];

const FULL_LIST_GROUPS: Record<ModelKind, string> = {
  chat: 'More chat models: older releases and fine-tunes',
  reasoning: 'Reasoning models: they write their thinking first, which costs time and tokens',
  base: 'Base models: they continue text, so use raw-completion prompts',
  coder: 'Coding models',
  math: 'Math models',
  vision: 'Vision models (this app sends text only)',
};

/** What each kind other than chat means for this method, in one line. */
export const KIND_NOTES: Record<Exclude<ModelKind, 'chat'>, string> = {
  reasoning: 'A reasoning model: it writes its thinking before each answer, which is slower and can confuse the parsers.',
  base: 'A base model: it continues text rather than following requests; choose raw-completion prompts in the method settings.',
  coder: 'A coding model: its tasks lean towards programming.',
  math: 'A math model: its tasks lean towards arithmetic and proofs.',
  vision: 'A vision model: this app sends it text only.',
};

/**
 * The groups to show. The selected model is always offered, even outside the short list, so a
 * choice made under "Show all models" stays visible.
 */
export function groupModels(options: readonly ModelOption[], showAll: boolean, selectedId: string): ModelGroup[] {
  const shown = (option: ModelOption) => !option.onlyInFullList || option.id === selectedId;
  const browsers = options.filter((option) => option.browserManaged);
  const others = options.filter((option) => !option.browserManaged);
  const short = others.filter((option) => !option.recommended && shown(option));
  const groups: ModelGroup[] = [
    // The browser's own model needs no download from us: first when ready, last when Chrome must fetch it.
    { label: 'Built into this browser: no download', options: browsers.filter((option) => option.browserManaged === 'available') },
    { label: 'Recommended for this device', options: others.filter((option) => option.recommended) },
    ...SHORT_GROUPS.map(({ label, fits }) => ({ label, options: short.filter(fits) })),
    { label: 'Built into this browser: Chrome downloads it once', options: browsers.filter((option) => option.browserManaged === 'downloadable') },
  ];
  if (showAll) {
    const rest = others.filter((option) => !shown(option));
    for (const [kind, label] of Object.entries(FULL_LIST_GROUPS)) groups.push({ label, options: rest.filter((option) => (option.kind ?? 'chat') === kind) });
  }
  return groups.filter((group) => group.options.length > 0);
}

/** A rough speed class from the model's size: what a user can expect relative to the others. */
export function speedClass(option: ModelOption): string | undefined {
  if (option.billions === undefined) return undefined;
  if (option.vramMB === undefined) return 'slow (CPU)';
  return option.billions <= 2 ? 'fast' : option.billions <= 4 ? 'moderate' : 'slow';
}

/** How many models "Show all models" would add. */
export function hiddenCount(options: readonly ModelOption[], selectedId: string): number {
  return options.filter((option) => option.onlyInFullList && option.id !== selectedId).length;
}
