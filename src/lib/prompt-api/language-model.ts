// The part of Chrome's Prompt API (the `LanguageModel` global, https://github.com/webmachinelearning/prompt-api)
// that this app uses, typed here because TypeScript's DOM library does not have it yet. The API is
// on the page only (Window, secure contexts), never in workers. Types only.

/** Whether the browser can run its model: now, after a download it manages, or not at all. */
export type Availability = 'available' | 'downloadable' | 'downloading' | 'unavailable';

export interface LanguageModelMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LanguageModelExpected {
  type: 'text';
  languages?: string[];
}

/** The download's progress: `loaded` runs from 0 to 1. */
export interface DownloadMonitor {
  addEventListener(type: 'downloadprogress', listener: (event: Event & { loaded: number }) => void): void;
}

export interface LanguageModelCreateOptions {
  initialPrompts?: LanguageModelMessage[];
  expectedInputs?: LanguageModelExpected[];
  expectedOutputs?: LanguageModelExpected[];
  monitor?: (monitor: DownloadMonitor) => void;
  signal?: AbortSignal;
}

export interface LanguageModelPromptOptions {
  /** A JSON Schema (or a RegExp) the answer must follow. */
  responseConstraint?: object;
  signal?: AbortSignal;
}

export interface LanguageModelSession {
  prompt(input: string, options?: LanguageModelPromptOptions): Promise<string>;
  /** Chunks of the answer as it is written, each the text added since the one before. */
  promptStreaming(input: string, options?: LanguageModelPromptOptions): ReadableStream<string>;
  /** Tokens in the session's context so far (Chrome 142+); `inputUsage` before that. */
  readonly contextUsage?: number;
  readonly inputUsage?: number;
  /** Tokens `input` would take (Chrome 142+); `measureInputUsage` before that. */
  measureContextUsage?(input: string): Promise<number>;
  measureInputUsage?(input: string): Promise<number>;
  destroy(): void;
}

/** The `LanguageModel` global itself. */
export interface LanguageModelApi {
  availability(options?: Pick<LanguageModelCreateOptions, 'expectedInputs' | 'expectedOutputs'>): Promise<Availability>;
  create(options?: LanguageModelCreateOptions): Promise<LanguageModelSession>;
}
