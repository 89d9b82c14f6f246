// What a finished task costs in model tokens, from the call journal: every call of the project
// (the rejected candidates' share included, as the run paid for them) over the finished tasks.
import type { TokenUsage } from '../vocabulary';

export interface TokenCost extends TokenUsage {
  /** Prompt and completion tokens per finished task. */
  perTask: number;
}

/** Unknown until a task is finished. */
export function tokensPerFinishedTask(usage: TokenUsage, finishedTasks: number): TokenCost | undefined {
  if (finishedTasks <= 0) return undefined;
  return {
    promptTokens: usage.promptTokens / finishedTasks,
    completionTokens: usage.completionTokens / finishedTasks,
    perTask: (usage.promptTokens + usage.completionTokens) / finishedTasks,
  };
}
