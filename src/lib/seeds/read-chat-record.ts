import { splitUserTurn } from '../export';
import { exampleRow, type RowFields } from './example-row';
import { isRecord } from './read-record';

/** How a chat layout names its turns: the list, a turn (in words), its speaker and text, and the three speakers. */
interface ChatLayout {
  list: string;
  turn: string;
  speaker: string;
  text: string;
  system: string;
  user: string;
  assistant: string;
}

const OPENAI: ChatLayout = { list: 'messages', turn: 'message', speaker: 'role', text: 'content', system: 'system', user: 'user', assistant: 'assistant' };
const SHAREGPT: ChatLayout = { list: 'conversations', turn: 'turn', speaker: 'from', text: 'value', system: 'system', user: 'human', assistant: 'gpt' };

/**
 * One line of OpenAI's chat fine-tuning format, as our download writes it: a user turn (the
 * instruction, then the input after a blank line) and the assistant's answer, after an optional
 * system message. The system message is left out: a seed task has no place for it.
 */
export function readChatRecord(value: unknown): RowFields | string {
  return readTwoTurns(value, OPENAI);
}

/** One ShareGPT conversation, as our ShareGPT download writes it: a "human" turn and the "gpt" answer. */
export function readShareGptRecord(value: unknown): RowFields | string {
  return readTwoTurns(value, SHAREGPT);
}

function readTwoTurns(value: unknown, layout: ChatLayout): RowFields | string {
  if (!isRecord(value)) return 'expected a JSON object';
  const turns = value[layout.list];
  const isTurn = (turn: unknown): turn is Record<string, string> => isRecord(turn) && typeof turn[layout.speaker] === 'string' && typeof turn[layout.text] === 'string';
  if (!Array.isArray(turns) || !turns.every(isTurn)) return `"${layout.list}" must be a list of {"${layout.speaker}": string, "${layout.text}": string}`;
  const [question, answer, ...rest] = turns.filter((turn) => turn[layout.speaker] !== layout.system);
  if (question?.[layout.speaker] !== layout.user || answer?.[layout.speaker] !== layout.assistant || rest.length > 0) {
    const { turn, user, assistant, system } = layout;
    return `expected one "${user}" ${turn} and the "${assistant}" ${turn} that answers it (a "${system}" ${turn} may come first); a seed task is one instruction with its answer`;
  }
  const { instruction, input } = splitUserTurn(question[layout.text]!);
  if (instruction.trim() === '') return `the "${layout.user}" ${layout.turn} is empty`;
  return exampleRow(instruction, input, answer[layout.text]!, false);
}
