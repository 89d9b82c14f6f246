// The Self-Instruct method's steps as pure functions: sampling, prompts, parsers and filters.
// No DOM, no I/O, and none of the project's code but the port types.
export { createRng, type Rng } from './rng';
export { sampleInContext } from './sampling';
export { instructionRequest, NEW_INSTRUCTIONS_PER_PROMPT } from './instruction-prompt';
export { parseInstructions } from './instruction-parser';
export { screenInstruction, BLACKLIST, type Screening } from './heuristic-filters';
export { classifyRequest, parseClassification } from './classify';
export { instancesRequest, NO_INPUT } from './instance-prompt';
export { parseInstances } from './instance-parser';
export { filterInstances } from './instance-filters';
