// The verb–noun structure of Self-Instruct's Fig. 3 (arXiv 2212.10560 §4.1): each instruction's
// main verb and its first direct-object noun, and the top 20 verbs with their top 4 nouns.
import { mainVerbAndObject } from './verb-noun-rule';
import { wordTagger } from './verb-noun-wink';

/** An instruction's main verb and the head noun of its first direct object, as lemmas. */
export interface VerbNoun {
  verb: string;
  noun: string;
}

/** One verb of the tree, with how many instructions have it and its most frequent nouns. */
export interface VerbBranch {
  verb: string;
  count: number;
  nouns: { noun: string; count: number }[];
}

/** Fig. 3's figures for a set of instructions. */
export interface VerbNounTree {
  instructions: number;
  /** Instructions with a verb–object structure. */
  withStructure: number;
  /** `withStructure / instructions`, 0 for no instructions. */
  share: number;
  /** The most frequent verbs, most first, each with its most frequent nouns. */
  verbs: VerbBranch[];
}

/** As many verbs, and nouns per verb, as the paper's figure shows. */
const TOP_VERBS = 20;
const TOP_NOUNS_PER_VERB = 4;

/** Finds an instruction's verb–noun pair, undefined when it has no verb with a noun object; once the tagger is loaded. */
export async function verbNounFinder(): Promise<(instruction: string) => VerbNoun | undefined> {
  const tag = await wordTagger();
  return (instruction) => {
    const { verb, noun } = mainVerbAndObject(tag(instruction));
    return verb !== undefined && noun !== undefined ? { verb, noun } : undefined;
  };
}

/**
 * The share of instructions with a verb–object structure, and the top verbs with their top nouns.
 * Ties go in code-point order (not the locale's), so the same instructions give the same tree anywhere.
 */
export async function verbNounTree(instructions: Iterable<string>): Promise<VerbNounTree> {
  const find = await verbNounFinder();
  return treeOfPairs(Array.from(instructions, find));
}

/** The tree of instructions' verb–noun pairs already found (verbNounFinder), one per instruction: none where it has no structure. */
export function treeOfPairs(pairs: Iterable<VerbNoun | null | undefined>): VerbNounTree {
  const nounsByVerb = new Map<string, Map<string, number>>();
  let count = 0;
  let withStructure = 0;
  for (const pair of pairs) {
    count += 1;
    if (!pair) continue;
    withStructure += 1;
    const nouns = nounsByVerb.get(pair.verb) ?? new Map<string, number>();
    nounsByVerb.set(pair.verb, nouns.set(pair.noun, (nouns.get(pair.noun) ?? 0) + 1));
  }
  const verbs = [...nounsByVerb]
    .map(([verb, nouns]) => ({ verb, count: sum(nouns.values()), nouns: mostFrequent(nouns).slice(0, TOP_NOUNS_PER_VERB) }))
    .sort((a, b) => b.count - a.count || byName(a.verb, b.verb))
    .slice(0, TOP_VERBS);
  return { instructions: count, withStructure, share: count === 0 ? 0 : withStructure / count, verbs };
}

function mostFrequent(counts: Map<string, number>): { noun: string; count: number }[] {
  return [...counts].map(([noun, count]) => ({ noun, count })).sort((a, b) => b.count - a.count || byName(a.noun, b.noun));
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
