import type { RejectionReason } from '../lib/vocabulary';

/** Each rule's name in the user's words. */
export const RULE_NAMES: Record<RejectionReason['rule'], string> = {
  empty: 'empty',
  'too-short': 'too short',
  'too-long': 'too long',
  'blacklisted-word': 'unsuitable word',
  'write-a-program': 'asks for a program',
  'starts-with-punctuation': 'starts with punctuation',
  'starts-with-non-ascii': 'starts with a non-ASCII character',
  rouge: 'near-duplicate (ROUGE-L)',
};

/** Why a candidate was rejected, in one line: the rule and its evidence. */
export function describeRejection(reason: RejectionReason): string {
  if (reason.rule === 'rouge') return `near-duplicate: ROUGE-L ${reason.score.toFixed(2)} like “${reason.nearest.instruction}”`;
  return `${RULE_NAMES[reason.rule]} (${reason.detail})`;
}
