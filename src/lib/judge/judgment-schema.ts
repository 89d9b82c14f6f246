/**
 * The verdict's JSON Schema for a task of `instanceCount` examples, as web-llm's response_format
 * takes it: the three answers, then the score, then the reason, in the order the model writes
 * them (a reason last is a reason for the answers given, not a plan for them).
 */
export function judgmentSchema(instanceCount: number): string {
  return JSON.stringify({
    type: 'object',
    properties: {
      valid_instruction: { type: 'boolean' },
      appropriate_input: { type: 'boolean' },
      acceptable_outputs: { type: 'array', items: { type: 'boolean' }, minItems: instanceCount, maxItems: instanceCount },
      score: { type: 'integer', minimum: 1, maximum: 5 },
      reason: { type: 'string' },
    },
    required: ['valid_instruction', 'appropriate_input', 'acceptable_outputs', 'score', 'reason'],
    additionalProperties: false,
  });
}
