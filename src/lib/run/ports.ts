// The run loop's three ports (generate, novelty, store) and the values they carry.
// Types only, importing nothing: workers, the loop, the UI and the test doubles all share them.

/** One example of a task: what goes in, what should come out. `input` may be empty. */
export interface Instance {
  input: string;
  output: string;
}

/** A task written by a person, in the Self-Instruct seed file's shape. */
export interface SeedTask {
  id: string;
  name: string;
  instruction: string;
  instances: Instance[];
  isClassification: boolean;
}

// ---- Generate -------------------------------------------------------------------------------

/** Which step of the method a model call serves; journaled with the call. */
export type CallPurpose = 'instructions' | 'classify' | 'instances';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface SamplingParams {
  temperature: number;
  topP: number;
  maxTokens: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  stop?: string[];
  /** Passed to the model so a run can be replayed. */
  seed?: number;
}

/** Chat mode goes through the model's chat template; text mode is a raw completion. */
export type CompletionRequest = {
  purpose: CallPurpose;
  params: SamplingParams;
  /**
   * Asks the engine to constrain the output to JSON matching `schema`, a JSON Schema as a string
   * (web-llm's grammar-constrained JSON mode). The prompt must ask for that JSON as well.
   */
  responseFormat?: { type: 'json_object'; schema: string };
} & (
  | { mode: 'chat'; messages: ChatMessage[] }
  | { mode: 'text'; prompt: string }
);

export type FinishReason = 'stop' | 'length' | 'abort';

export interface CompletionResult {
  text: string;
  finishReason: FinishReason;
  promptTokens: number;
  completionTokens: number;
  durationMs: number;
  /** Decode speed as the engine measured it, when it reports one. */
  tokensPerSecond?: number;
}

export interface CompleteOptions {
  /** Called with the whole text so far as it streams in. */
  onText?: (textSoFar: string) => void;
  /** Aborting ends the call early; it then resolves with finishReason 'abort'. */
  signal?: AbortSignal;
}

/** The generate port: one completion at a time. */
export interface Generator {
  complete(request: CompletionRequest, options?: CompleteOptions): Promise<CompletionResult>;
}

// ---- Novelty --------------------------------------------------------------------------------

/** An instruction in the pool (seed or accepted), as the novelty index knows it. */
export interface PoolEntry {
  id: string;
  instruction: string;
}

export interface NoveltyVerdict {
  /** False when the best ROUGE-L F is strictly above the threshold, as rouge_score-based Self-Instruct does. */
  novel: boolean;
  /** The best ROUGE-L F against the pool (0 when the pool is empty). */
  score: number;
  nearest: PoolEntry | null;
}

export interface PoolOptions {
  threshold: number;
  tokenizer: RougeTokenizer;
}

/** The novelty port: ROUGE-L against every instruction in the pool. */
export interface Novelty {
  loadPool(entries: PoolEntry[], options: PoolOptions): Promise<void>;
  check(instruction: string): Promise<NoveltyVerdict>;
  add(entry: PoolEntry): Promise<void>;
}

// ---- Store ----------------------------------------------------------------------------------

/** Where a generated task is: rejected for good, or accepted and waiting for its next step. */
export type TaskStage = 'rejected' | 'classify' | 'instances' | 'done';

export type HeuristicRule =
  | 'empty'
  | 'too-short'
  | 'too-long'
  | 'blacklisted-word'
  | 'write-a-program'
  | 'starts-with-punctuation'
  | 'starts-with-non-ascii';

export type RejectionReason =
  | { rule: HeuristicRule; detail: string }
  | { rule: 'rouge'; score: number; nearest: PoolEntry };

/** A candidate instruction the model proposed, with what became of it. */
export interface Task {
  id: string;
  projectId: string;
  runId: string;
  instruction: string;
  stage: TaskStage;
  /** Set when stage is 'rejected'. */
  reason?: RejectionReason;
  /** The best ROUGE-L match in the pool when the candidate was screened. */
  nearest?: { entry: PoolEntry; score: number };
  /** Unknown until the classify step has run. */
  isClassification?: boolean;
  /** How many instances survived the instance filters (written with the instances). */
  instanceCount?: number;
  /** The model call that proposed this instruction. */
  callId: string;
  /** The model call that decided whether it is a classification task. */
  classifyCallId?: string;
  /** The run's settings fingerprint, so the configuration behind every task is known. */
  fingerprint: string;
  created: number;
}

export interface StoredInstance extends Instance {
  id: string;
  projectId: string;
  taskId: string;
  callId: string;
}

/** One model call, as it happened: the whole request, the raw text and the figures. */
export interface CallRecord {
  id: string;
  projectId: string;
  runId: string;
  purpose: CallPurpose;
  request: CompletionRequest;
  modelId: string;
  result: CompletionResult;
  created: number;
}

/** What a run is asked to do: the model, the target, the seed, and the method's settings. */
export interface RunConfig {
  modelId: string;
  /** Accepted machine-generated instructions to reach. */
  targetSize: number;
  /** Drives every sampling decision of the run, and is passed to the model. */
  rngSeed: number;
  settings: MethodSettings;
}

export interface Run {
  id: string;
  projectId: string;
  config: RunConfig;
  /** A hash of the seed set the run sampled from. */
  seedSetHash: string;
  /** Identifies the settings and seed set together; every task of the run carries it too. */
  fingerprint: string;
  started: number;
  /** Last time the run made progress or changed state. */
  updated: number;
  status: 'running' | 'paused' | 'finished' | 'failed';
  error?: string;
}

export interface PoolCounts {
  seeds: number;
  accepted: number;
  rejected: number;
  /** Accepted tasks still waiting for the classify or instances step. */
  pending: number;
  instances: number;
  /** Instruction-generation calls made so far: the loop's step number. */
  generationCalls: number;
}

/** What one instruction-generation step writes, in one transaction. */
export interface GenerationStep {
  call: CallRecord;
  candidates: Task[];
  /** The instances that came with the candidates (Alpaca-style tasks arrive whole). */
  instances: StoredInstance[];
}

/** What one classify or instances step writes, in one transaction. */
export interface TaskStep {
  call: CallRecord;
  task: Task;
  instances: StoredInstance[];
}

export interface TaskStore {
  seeds(projectId: string): Promise<SeedTask[]>;
  /** Accepted machine instructions, oldest first. */
  acceptedTasks(projectId: string): Promise<Task[]>;
  /** The oldest accepted task whose classify or instances step has not run. */
  nextPending(projectId: string): Promise<Task | undefined>;
  counts(projectId: string): Promise<PoolCounts>;
  saveGeneration(step: GenerationStep): Promise<void>;
  saveTaskStep(step: TaskStep): Promise<void>;
  saveRun(run: Run): Promise<void>;
  latestRun(projectId: string): Promise<Run | undefined>;
}

// ---- Method settings ------------------------------------------------------------------------

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
  sampling: Record<CallPurpose, SamplingSettings>;
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
