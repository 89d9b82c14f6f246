// Everything about the method that decides what a run produces, saved with the project. Types only.

import type { MethodPurpose } from './call';
import type { HeuristicRule } from './task';

export type RougeTokenizer = 'default' | 'multilingual';

/** Self-Instruct's four stages, or Alpaca's one-shot generation of whole tasks. */
export type Strategy = 'self-instruct' | 'alpaca';

/** Chat messages through the model's chat template, or a raw prompt the model continues. */
export type PromptStyle = 'chat' | 'completion';

/** Free text read by tolerant parsers, or grammar-constrained JSON. */
export type OutputMode = 'text' | 'json';

/** The heuristic rules a user can switch off; an empty candidate is always rejected. */
export type SwitchableRule = Exclude<HeuristicRule, 'empty'>;

export interface HeuristicSettings {
  enabled: Record<SwitchableRule, boolean>;
  /** Rejected when it has this many words or fewer. */
  minWords: number;
  /** Rejected when it has more words than this. */
  maxWords: number;
  /** Words and phrases rejected as whole words, in any letter case. */
  blacklist: string[];
}

/** A chat prompt: the system message, and the user turn (also used for few-shot turns). */
export interface ChatTemplate {
  system: string;
  user: string;
}

/**
 * The editable prompt texts of one stage. `{name}` marks a placeholder the app fills in; which
 * names a text may use depends on the stage and the part.
 */
export interface StageTemplates {
  chat: ChatTemplate;
  /** For raw completion: the text above the examples, which the model then continues. */
  completion: string;
}

/** Self-Instruct's instruction, classify and instance stages, and Alpaca's one-shot stage. */
export type TemplateStage = 'instructions' | 'classify' | 'inputFirst' | 'outputFirst' | 'alpaca';

export type PromptTemplates = Record<TemplateStage, StageTemplates>;

export interface SamplingSettings {
  temperature: number;
  topP: number;
  maxTokens: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
}

/** Everything about the method that decides what a run produces, saved with the project. */
export interface MethodSettings {
  strategy: Strategy;
  promptStyle: PromptStyle;
  outputMode: OutputMode;
  templates: PromptTemplates;
  heuristics: HeuristicSettings;
  /** A candidate is rejected when its best ROUGE-L F against the pool is strictly above this. */
  rougeThreshold: number;
  /** rouge_score's ASCII tokenizer, or the Unicode-aware one for other languages. */
  rougeTokenizer: RougeTokenizer;
  /** Per call purpose; an Alpaca generation call uses `instructions`. */
  sampling: Record<MethodPurpose, SamplingSettings>;
  inContext: {
    /** Self-Instruct: instructions shown per generation prompt. */
    total: number;
    /** Self-Instruct: how many of them are machine-generated, at most. */
    machine: number;
    /** Alpaca: seed tasks shown per prompt. */
    alpacaSeeds: number;
  };
  /** New instructions (Self-Instruct) or tasks (Alpaca) kept from one response, at most. */
  maxNewPerPrompt: number;
  /** Instances kept per task, at most. */
  maxInstances: number;
}
