// A test double of Chrome's `LanguageModel` global (the Prompt API), for Node tests and for the
// browser tests, which inject it with page.addInitScript before the app's code runs: so the
// function is self-contained (no imports, no outer names). A token is a word here. Answers come
// from `answer` in the config's place on globalThis (`__languageModelAnswer`), set by the test or,
// in the e2e build, by the page (the scripted engine's answers); otherwise the double echoes.
// Everything asked of it is logged in `globalThis.__languageModelLog`.

export interface LanguageModelDoubleConfig {
  availability: 'available' | 'downloadable' | 'unavailable';
  /** The download's progress events (0..1) when the model must be downloaded first. */
  progress?: number[];
  /** Pause between progress events and between streamed chunks, in ms. */
  stepMs?: number;
  /** Download only after a click, as Chrome does (navigator.userActivation). */
  needsActivation?: boolean;
}

export interface LanguageModelLogEntry {
  kind: 'create' | 'prompt' | 'destroy';
  initialPrompts?: { role: string; content: string }[];
  input?: string;
  responseConstraint?: unknown;
}

export type LanguageModelAnswer = (messages: { role: string; content: string }[], responseConstraint: unknown) => string | Promise<string>;

export function installLanguageModelDouble(config: LanguageModelDoubleConfig): object {
  const scope = globalThis as Record<string, unknown>;
  const log: LanguageModelLogEntry[] = [];
  scope.__languageModelLog = log;
  let availability: string = config.availability;
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const words = (text: string) => text.split(/\s+/).filter((word) => word !== '').length;
  const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

  class Session {
    contextUsage: number;
    destroyed = false;
    constructor(readonly initialPrompts: { role: string; content: string }[]) {
      this.contextUsage = initialPrompts.reduce((sum, message) => sum + words(message.content), 0);
    }
    async measureContextUsage(input: string) {
      return words(input);
    }
    async #answer(input: string, responseConstraint: unknown): Promise<string> {
      if (this.destroyed) throw new DOMException('The session was destroyed.', 'InvalidStateError');
      log.push({ kind: 'prompt', input, responseConstraint });
      const answer = scope.__languageModelAnswer as LanguageModelAnswer | undefined;
      const messages = [...this.initialPrompts, { role: 'user', content: input }];
      const text = answer ? await answer(messages, responseConstraint) : `You said: ${input}`;
      this.contextUsage += words(input) + words(text);
      return text;
    }
    async prompt(input: string, options: { responseConstraint?: unknown } = {}) {
      return this.#answer(input, options.responseConstraint);
    }
    promptStreaming(input: string, options: { responseConstraint?: unknown; signal?: AbortSignal } = {}) {
      const session = this;
      let chunks: string[] | undefined;
      return new ReadableStream<string>({
        async pull(controller) {
          chunks ??= (await session.#answer(input, options.responseConstraint)).split(/(?<=\s)/);
          await wait(config.stepMs ?? 0);
          if (options.signal?.aborted) return controller.error(abortError());
          const chunk = chunks.shift();
          if (chunk === undefined) controller.close();
          else controller.enqueue(chunk);
        },
      });
    }
    destroy() {
      this.destroyed = true;
      log.push({ kind: 'destroy' });
    }
  }

  const api = {
    async availability() {
      return availability;
    },
    async create(options: { initialPrompts?: { role: string; content: string }[]; signal?: AbortSignal; monitor?: (monitor: EventTarget) => void } = {}) {
      if (availability === 'unavailable') throw new DOMException('The model is not available.', 'NotSupportedError');
      const monitor = new EventTarget();
      options.monitor?.(monitor);
      if (availability !== 'available') {
        const activation = (globalThis.navigator as { userActivation?: { isActive: boolean } } | undefined)?.userActivation;
        if (config.needsActivation && activation && !activation.isActive) throw new DOMException('Requires a user gesture.', 'NotAllowedError');
        availability = 'downloading';
        for (const loaded of config.progress ?? [0, 1]) {
          await wait(config.stepMs ?? 0);
          if (options.signal?.aborted) {
            availability = 'downloadable';
            throw abortError();
          }
          monitor.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded }));
        }
        availability = 'available';
      }
      log.push({ kind: 'create', initialPrompts: options.initialPrompts ?? [] });
      return new Session(options.initialPrompts ?? []);
    },
  };
  scope.LanguageModel = api;
  return api;
}
