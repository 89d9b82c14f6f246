import type { RejectionReason, SwitchableRule } from '../../lib/vocabulary';

/** Each rule's name in the user's words, as the funnel and a rejected candidate show it. */
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

/** What each switch of the method settings turns on or off. */
export const SWITCH_LABELS: Record<SwitchableRule, string> = {
  'too-short': 'Too short (at most the minimum word count)',
  'too-long': 'Too long (over the maximum word count)',
  'blacklisted-word': 'Contains a blacklisted word',
  'write-a-program': 'Starts with “Write a program”',
  'starts-with-punctuation': 'Starts with punctuation',
  'starts-with-non-ascii': 'Starts with a non-ASCII character',
};

/** Why a candidate was rejected, in one line: the rule and its evidence. */
export function describeRejection(reason: RejectionReason): string {
  if (reason.rule === 'rouge') return `near-duplicate: ROUGE-L ${reason.score.toFixed(2)} like “${reason.nearest.instruction}”`;
  return `${RULE_NAMES[reason.rule]} (${reason.detail})`;
}
