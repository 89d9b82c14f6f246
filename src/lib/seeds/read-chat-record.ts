import { splitUserTurn } from '../export';
import { exampleRow, type RowFields } from './example-row';
import { isRecord } from './read-record';

interface Message {
  role: string;
  content: string;
}

/**
 * One line of OpenAI's chat fine-tuning format, as our download writes it: a user turn (the
 * instruction, then the input after a blank line) and the assistant's answer, after an optional
 * system message. The system message is left out: a seed task has no place for it.
 */
export function readChatRecord(value: unknown): RowFields | string {
  if (!isRecord(value)) return 'expected a JSON object';
  const { messages } = value;
  if (!Array.isArray(messages) || !messages.every(isMessage)) return '"messages" must be a list of {"role": string, "content": string}';
  const [question, answer, ...rest] = messages.filter((message) => message.role !== 'system');
  if (question?.role !== 'user' || answer?.role !== 'assistant' || rest.length > 0) {
    return 'expected one "user" message and the "assistant" message that answers it (a "system" message may come first); a seed task is one instruction with its answer';
  }
  const { instruction, input } = splitUserTurn(question.content);
  if (instruction.trim() === '') return 'the "user" message is empty';
  return exampleRow(instruction, input, answer.content, false);
}

function isMessage(value: unknown): value is Message {
  return isRecord(value) && typeof value.role === 'string' && typeof value.content === 'string';
}
