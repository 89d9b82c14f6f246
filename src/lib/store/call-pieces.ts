// A journaled call as it is stored: the long texts of its request cut where the prompts repeat
// themselves, each long piece kept once per project as a part that calls name by its hash.
import type { CallRecord, ChatMessage, CompletionRequest } from '../vocabulary';
import { contentHash } from './content-hash';

/**
 * Shorter pieces stay in the call. A reference costs about 55 bytes and a part's keys about 100,
 * so a piece that never repeats costs more as a part: at 128 chars the classify prompts' longer
 * task lines became parts, with 6 % more bytes per call and 5 times the parts (npm run bench:journal).
 */
export const PART_MIN_CHARS = 192;

/** Journaled text: the text itself, or the hash of a part of the call's project. */
export type Piece = string | { part: string };
export type StoredText = Piece[];

interface StoredMessages {
  /** The messages before the last, as JSON: a few-shot prompt's instructions and examples, the same in every call. */
  earlier: StoredText;
  last?: Omit<ChatMessage, 'content'> & { content: StoredText };
}

/** A request whose texts are of type `Text`, and its chat messages of type `Messages`. */
type RequestOf<Text, Messages> = Pick<CompletionRequest, 'purpose' | 'params'> & {
  responseFormat?: { type: 'json_object'; schema: Text };
} & ({ mode: 'chat'; messages: Messages } | { mode: 'text'; prompt: Text });

export type StoredRequest = RequestOf<StoredText, StoredMessages>;

/** A call in the calls store: a CallRecord whose request texts are pieces. */
export interface StoredCall extends Omit<CallRecord, 'request'> {
  request: StoredRequest;
}

/** A text that calls of one project share, stored once. */
export interface StoredPart {
  projectId: string;
  hash: string;
  text: string;
}

/**
 * The record to store for a call, and the texts of the parts it names, by hash. Pieces shorter
 * than `minChars` stay inline: `Infinity` keeps the whole call in its record.
 */
export function splitCall(call: CallRecord, minChars = PART_MIN_CHARS): { record: StoredCall; parts: Map<string, string> } {
  const parts = new Map<string, string>();
  const text = (value: string) => pieces(value, minChars, parts);
  return { record: { ...call, request: mapTexts(call.request, text, (messages) => splitMessages(messages, text)) }, parts };
}

/** The call as it was made, from its record and the texts of its project's parts. */
export function joinCall(record: StoredCall, partText: (hash: string) => string): CallRecord {
  const text = (stored: StoredText) => stored.map((piece) => (typeof piece === 'string' ? piece : partText(piece.part))).join('');
  return { ...record, request: mapTexts(record.request, text, (messages) => joinMessages(messages, text)) };
}

/** The hashes of the parts a stored call names. */
export function partHashes({ request }: StoredCall): string[] {
  const texts = request.mode === 'chat' ? [request.messages.earlier, request.messages.last?.content ?? []] : [request.prompt];
  if (request.responseFormat) texts.push(request.responseFormat.schema);
  return texts.flat().flatMap((piece) => (typeof piece === 'string' ? [] : [piece.part]));
}

// Spreading over the request replaces its texts where they stand, so the keys keep their order and
// a call rebuilds byte for byte. TypeScript does not follow a spread that changes an optional
// key's type, hence the cast.
function mapTexts<A, MA, B, MB>(request: RequestOf<A, MA>, text: (value: A) => B, messages: (value: MA) => MB): RequestOf<B, MB> {
  const body = request.mode === 'chat' ? { messages: messages(request.messages) } : { prompt: text(request.prompt) };
  const format = request.responseFormat ? { responseFormat: { ...request.responseFormat, schema: text(request.responseFormat.schema) } } : {};
  return { ...request, ...body, ...format } as unknown as RequestOf<B, MB>;
}

function splitMessages(messages: readonly ChatMessage[], text: (value: string) => StoredText): StoredMessages {
  const last = messages.at(-1);
  const earlier = text(JSON.stringify(messages.slice(0, -1)));
  return last ? { earlier, last: { ...last, content: text(last.content) } } : { earlier };
}

function joinMessages({ earlier, last }: StoredMessages, text: (stored: StoredText) => string): ChatMessage[] {
  const messages = JSON.parse(text(earlier)) as ChatMessage[];
  return last ? [...messages, { ...last, content: text(last.content) }] : messages;
}

// A few-shot prompt ends in what varies (the task at hand), the instruction prompt's request in
// what repeats (the words after the examples): cutting at the last paragraph break separates
// both. JSON has no line breaks, so the earlier messages and a schema stay one piece.
function pieces(text: string, minChars: number, parts: Map<string, string>): StoredText {
  const paragraph = text.lastIndexOf('\n\n');
  const cut = paragraph < 0 ? 0 : paragraph + 2;
  const halves = [text.slice(0, cut), text.slice(cut)].filter((half) => half !== '');
  if (halves.every((half) => half.length < minChars)) return text === '' ? [] : [text];
  return halves.map((half) => {
    if (half.length < minChars) return half;
    const hash = contentHash(half);
    parts.set(hash, half);
    return { part: hash };
  });
}
