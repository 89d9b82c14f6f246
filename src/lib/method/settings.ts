import type { MethodSettings, SamplingSettings, Strategy } from '../vocabulary';
import { ALPACA_BLACKLIST, SELF_INSTRUCT_BLACKLIST } from './blacklists';
import { DEFAULT_TEMPLATES } from './default-templates';
import { SWITCHABLE_RULES } from './rejection-rules';

// The paper's instruction-generation sampling (anchor §1.1): 1024 tokens, no frequency penalty.
const SELF_INSTRUCT_GENERATION: SamplingSettings = { temperature: 0.7, topP: 0.5, maxTokens: 1024, presencePenalty: 2 };
// Alpaca's decoding (anchor §2.2): 20 tasks with inputs and outputs need the 3072 tokens.
const ALPACA_GENERATION: SamplingSettings = { temperature: 1, topP: 1, maxTokens: 3072 };
// Greedy, a few tokens (anchor §1.2). top_p 1 rather than the original's 0: web-llm accepts only
// (0, 1], and at temperature 0 top_p changes nothing.
const CLASSIFY: SamplingSettings = { temperature: 0, topP: 1, maxTokens: 3 };
// Greedy as the original (anchor §1.3), but without its presence penalty of 1.5: it would also
// push down the repeated "Input:"/"Output:" labels that a small model needs to keep the format.
// 384 tokens hold the 3 examples the default prompt asks for.
const INSTANCES: SamplingSettings = { temperature: 0, topP: 1, maxTokens: 384 };

/**
 * A fresh, editable copy of a strategy's defaults: chat prompts, free-text answers, and the
 * original's numbers. Self-Instruct (anchor §1): 8 in-context instructions with at most 2
 * machine-generated, 7 new per response, its 13-word blacklist. Alpaca (anchor §2): 3 seed tasks
 * per prompt, up to 20 tasks per response, its 18-word blacklist and its sampling. Both: 3 words
 * or fewer and over 150 rejected, ROUGE-L above 0.7 rejected, at most 5 instances per task.
 */
export function defaultSettings(strategy: Strategy): MethodSettings {
  const alpaca = strategy === 'alpaca';
  return {
    strategy,
    promptStyle: 'chat',
    outputMode: 'text',
    templates: structuredClone(DEFAULT_TEMPLATES),
    heuristics: {
      enabled: Object.fromEntries(SWITCHABLE_RULES.map((rule) => [rule, true])) as MethodSettings['heuristics']['enabled'],
      minWords: 3,
      maxWords: 150,
      blacklist: [...(alpaca ? ALPACA_BLACKLIST : SELF_INSTRUCT_BLACKLIST)],
    },
    rougeThreshold: 0.7,
    rougeTokenizer: 'default',
    sampling: {
      instructions: { ...(alpaca ? ALPACA_GENERATION : SELF_INSTRUCT_GENERATION) },
      classify: { ...CLASSIFY },
      instances: { ...INSTANCES },
    },
    inContext: { total: 8, machine: 2, alpacaSeeds: 3 },
    maxNewPerPrompt: alpaca ? 20 : 7,
    maxInstances: 5,
  };
}
