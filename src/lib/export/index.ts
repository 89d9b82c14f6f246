export { toSelfInstructJsonl, type SelfInstructRecord } from './self-instruct-jsonl';
