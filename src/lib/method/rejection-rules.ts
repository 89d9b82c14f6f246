import type { RejectionReason, SwitchableRule } from '../vocabulary';

type RejectionRule = RejectionReason['rule'];

// Every rule, in the order a candidate meets them, and whether the user can switch it off. Keyed by
// rule and checked against the vocabulary's types, so a rule added there fails the type check here
// until it is listed, on the right side.
const SWITCHABLE = {
  empty: false,
  'too-short': true,
  'too-long': true,
  'blacklisted-word': true,
  'write-a-program': true,
  'starts-with-punctuation': true,
  'starts-with-non-ascii': true,
  rouge: false,
} as const satisfies Record<SwitchableRule, true> & Record<Exclude<RejectionRule, SwitchableRule>, false>;

/** Every rule a candidate can be rejected by: an empty text, the heuristic filters in their order, then ROUGE-L. */
export const REJECTION_RULES = Object.keys(SWITCHABLE) as readonly RejectionRule[];

/** The heuristic rules a user can switch off, in the order the filters apply them. */
export const SWITCHABLE_RULES = REJECTION_RULES.filter((rule): rule is SwitchableRule => SWITCHABLE[rule]);
