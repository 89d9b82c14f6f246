// Judging finished tasks with the loaded model: the pure parts (what is judged, the prompt, the parser).
export { judgedContentHash } from './content-hash';
