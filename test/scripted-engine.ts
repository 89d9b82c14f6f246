// A deterministic stand-in for a small chat model behind the Engine interface, for Node tests and
// the e2e build's generator worker (so: no Node APIs). Each answer is a pure function of the
// request, written in the formats of src/lib/method's prompts with the untidiness of a real small
// model, and with some candidates and instances that the method's filters must throw out.
import type { DeviceReport, Engine, LoadProgress, ModelOption } from '../src/lib/engine/engine';
import { createRng, type Rng } from '../src/lib/method';
import type { ChatMessage, CompletionRequest, CompletionResult, FinishReason, Instance } from '../src/lib/run/ports';
import * as words from './fixtures/method/scripted-vocabulary';

export const SCRIPTED_MODEL_ID = 'scripted-test-model';

export interface ScriptedEngineOptions {
  /** Pause before each streamed chunk, so a browser test can act mid-run. */
  delayMs?: number;
}

/** Thrown by `load` for a model this engine does not offer: a bug in the caller. */
export class UnknownModelError extends Error {
  override readonly name = 'UnknownModelError';
  constructor(modelId: string) {
    super(`The scripted engine has no model "${modelId}". Load "${SCRIPTED_MODEL_ID}".`);
  }
}

const CHUNKS = 4;

export class ScriptedEngine implements Engine {
  readonly #delayMs: number;
  #inFlight: { interrupted: boolean } | undefined;

  constructor(options: ScriptedEngineOptions = {}) {
    this.#delayMs = options.delayMs ?? 0;
  }

  catalog(_device: DeviceReport): ModelOption[] {
    return [{ id: SCRIPTED_MODEL_ID, label: 'Scripted test engine (deterministic)', recommended: true }];
  }

  async load(modelId: string, onProgress: (progress: LoadProgress) => void): Promise<void> {
    if (modelId !== SCRIPTED_MODEL_ID) throw new UnknownModelError(modelId);
    for (const fraction of [0, 0.25, 0.75, 1]) {
      onProgress({ fraction, text: `Loading scripted model: ${Math.round(fraction * 100)}%` });
      await sleep(5);
    }
  }

  // Unlike a real engine it answers without a `load` first, so Node tests can skip it.
  async complete(request: CompletionRequest, onText?: (textSoFar: string) => void): Promise<CompletionResult> {
    const call = { interrupted: false };
    this.#inFlight = call;
    try {
      let sent = '';
      for (const chunk of chunksOf(answer(request))) {
        await sleep(this.#delayMs);
        if (call.interrupted) return resultOf(request, sent, 'abort');
        sent += chunk;
        onText?.(sent);
      }
      return resultOf(request, sent, 'stop');
    } finally {
      if (this.#inFlight === call) this.#inFlight = undefined;
    }
  }

  interrupt(): void {
    if (this.#inFlight) this.#inFlight.interrupted = true;
  }

  async unload(): Promise<void> {}
}

function answer(request: CompletionRequest): string {
  const rng = createRng(hash(canonical(request)));
  switch (request.purpose) {
    case 'instructions':
      return instructionsAnswer(lastUserText(request), rng);
    case 'classify':
      return classifyAnswer(taskOf(request), rng);
    case 'instances':
      return instancesAnswer(taskOf(request), systemText(request).includes('Label:'), rng);
  }
}

function instructionsAnswer(prompt: string, rng: Rng): string {
  const examples = [...prompt.matchAll(/^\d+\. (.+)$/gm)].map((match) => match[1]!);
  const rejects = [
    ...(rng.next() < 0.5 ? [pick(rng, words.TOO_SHORT)] : []),
    ...(rng.next() < 0.5 ? [pick(rng, words.BLACKLISTED).replace('%', pick(rng, words.TOPICS))] : []),
    ...(examples.length > 0 && rng.next() < 0.4 ? [nearCopy(pick(rng, examples), rng)] : []),
    ...(rng.next() < 0.1 ? [`Write a program that counts the words in an essay about ${pick(rng, words.TOPICS)}.`] : []),
  ];
  const fresh = Array.from({ length: 7 - rejects.length }, () => newInstruction(rng));
  return listOf(rng.shuffle([...fresh, ...rejects]), examples.length, rng);
}

function newInstruction(rng: Rng): string {
  if (rng.next() < 0.3) {
    const frame = pick(rng, words.CLASSIFICATION_FRAMES);
    return `${frame.opener} ${pick(rng, words.TOPICS)} ${pick(rng, words.SOURCES)} ${frame.connector} ${pick(rng, frame.labels)}.`;
  }
  const opener = pick(rng, rng.next() < 0.6 ? words.OPENERS_WITH_INPUT : words.OPENERS_WITHOUT_INPUT);
  return `${opener} ${pick(rng, words.TOPICS)} ${pick(rng, words.AUDIENCES)}, ${pick(rng, words.CONSTRAINTS)}.`;
}

// An in-context example again, verbatim or with "Please" in front: ROUGE-L must reject it.
function nearCopy(example: string, rng: Rng): string {
  return rng.next() < 0.5 ? example : `Please ${example.charAt(0).toLowerCase()}${example.slice(1)}`;
}

type ListStyle = (item: string, n: number, i: number, rng: Rng) => string;

// Numbering styles seen from small models: continuing at 9, "9)", "Task 9:", bold numbers,
// restarting at 1, bullets, and a bold heading before each task.
const LIST_STYLES: ListStyle[] = [
  (item, n) => `${n}. ${item}`,
  (item, n) => `${n}) ${item}`,
  (item, n) => `Task ${n}: ${item}`,
  (item, n) => `**${n}.** ${item}`,
  (item, _n, i) => `${i + 1}. ${item}`,
  (item) => `- ${item}`,
  (item, n, _i, rng) => `${n}. **${pick(rng, words.HEADINGS)}**: ${item.replaceAll('**', '')}`,
];

function listOf(items: string[], examples: number, rng: Rng): string {
  const style = pick(rng, LIST_STYLES);
  const lines = items.map((item, i) => style(rng.next() < 0.1 ? `**${item}**` : item, examples + 1 + i, i, rng));
  return [
    ...(rng.next() < 0.6 ? [pick(rng, words.PREAMBLES), ''] : []),
    ...(rng.next() < 0.1 ? ['```', ...lines, '```'] : lines),
    ...(rng.next() < 0.3 ? ['', pick(rng, words.CLOSINGS)] : []),
  ].join('\n');
}

function classifyAnswer(task: string, rng: Rng): string {
  const yes = /^(classify|categorize|label|decide whether|determine whether|tell whether|tell me if|is th)/i.test(task);
  return (yes ? 'Yes' : 'No') + (rng.next() < 0.2 ? '.' : '');
}

function instancesAnswer(task: string, isClassification: boolean, rng: Rng): string {
  const count = 2 + rng.int(3);
  const inputs = rng.sample(words.SUBJECTS, count).map((subject) => `${subject} ${pick(rng, words.PREDICATES)}.`);
  const instances = isClassification ? labelled(task, inputs) : answered(task, inputs, rng);
  const blocks = withFlaws(instances, rng).map((instance, i) => block(instance, i, isClassification, rng));
  return [
    ...(rng.next() < 0.5 ? [pick(rng, words.INSTANCE_PREAMBLES), ''] : []),
    blocks.join('\n\n'),
    ...(rng.next() < 0.25 ? ['', pick(rng, words.INSTANCE_CLOSINGS)] : []),
  ].join('\n');
}

function labelled(task: string, inputs: string[]): Instance[] {
  const labels = labelsOf(task);
  return inputs.map((input, i) => ({ input, output: labels[i % labels.length]! }));
}

// The labels a classification task names at its end ("… as positive, negative, or neutral.").
function labelsOf(task: string): string[] {
  const named = / (?:as|is) ([^.]*?\bor\b[^.]*)\.?$/.exec(task)?.[1];
  return named ? named.split(/,\s*(?:or\s+)?|\s+or\s+/).filter((label) => label !== '') : ['yes', 'no'];
}

function answered(task: string, inputs: string[], rng: Rng): Instance[] {
  const takesInput = /\b(following|given|this|below)\b/i.test(task);
  if (!takesInput) return rng.sample(words.FREE_OUTPUTS, inputs.length).map((output) => ({ input: '', output }));
  return inputs.map((input) => ({ input, output: `${pick(rng, words.OUTPUT_LEADS)} ${input.charAt(0).toLowerCase()}${input.slice(1)}` }));
}

// Sometimes an instance the filters must drop: repeated exactly, or cut off after a colon.
function withFlaws(instances: Instance[], rng: Rng): Instance[] {
  const [first] = instances;
  const roll = rng.next();
  if (!first || roll >= 0.4) return instances;
  return [...instances, roll < 0.1 ? { ...first } : { input: first.input, output: 'Here is the result:' }];
}

function block({ input, output }: Instance, i: number, isClassification: boolean, rng: Rng): string {
  const bold = rng.next() < 0.3;
  const field = (name: string, value: string) => (bold ? `**${name}:** ${value}` : `${name}: ${value}`);
  const shownInput = field('Input', input === '' ? pick(rng, words.NO_INPUT_SPELLINGS) : input);
  const header = [`Example ${i + 1}`, `Example ${i + 1}:`, `**Example ${i + 1}**`, `### Example ${i + 1}`][rng.int(4)]!;
  const fields = isClassification ? [field(rng.next() < 0.2 ? 'Class label' : 'Label', output), shownInput] : [shownInput, field('Output', output)];
  return [header, ...fields].join('\n');
}

function messagesOf(request: CompletionRequest): ChatMessage[] {
  return request.mode === 'chat' ? request.messages : [{ role: 'user', content: request.prompt }];
}

function systemText(request: CompletionRequest): string {
  return messagesOf(request).find((message) => message.role === 'system')?.content ?? '';
}

function lastUserText(request: CompletionRequest): string {
  return messagesOf(request).findLast((message) => message.role === 'user')?.content ?? '';
}

function taskOf(request: CompletionRequest): string {
  return /^Task: (.*)$/m.exec(lastUserText(request))?.[1] ?? '';
}

function resultOf(request: CompletionRequest, text: string, finishReason: FinishReason): CompletionResult {
  const promptTokens = messagesOf(request).reduce((sum, message) => sum + wordCount(message.content), 0);
  const completionTokens = wordCount(text);
  return { text, finishReason, promptTokens, completionTokens, durationMs: 5 + completionTokens };
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

function chunksOf(text: string): string[] {
  const pieces = text.split(/(?<=\s)(?=\S)/);
  const size = Math.ceil(pieces.length / CHUNKS);
  return Array.from({ length: Math.ceil(pieces.length / size) }, (_, i) => pieces.slice(i * size, (i + 1) * size).join(''));
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)]!;
}

// JSON with sorted keys, so equal requests hash alike whatever order their fields were set in.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

// FNV-1a over UTF-16 code units.
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
