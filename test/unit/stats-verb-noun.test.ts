// The verb–noun structure of Fig. 3 with the tagger the app ships: the extractor's accuracy on
// the hand-labelled set, and the tree's counts, share, ties and cuts on hand-computed inputs.
import { describe, expect, it } from 'vitest';
import { verbNounFinder, verbNounTree } from '../../src/lib/stats';
import { mainVerbAndObject } from '../../src/lib/stats/verb-noun-rule';
import { wordTagger } from '../../src/lib/stats/verb-noun-wink';
import { accuracyOn } from '../fixtures/stats/verb-noun-labelled';

describe('verbNounOf', () => {
  // Measured with scripts/compare-verb-noun.ts on the 167 labelled instructions: verb 97.6 %
  // (163), noun 95.2 % (159), pair 95.2 % (159). The floors leave about two instructions of margin.
  it('finds the labelled verb, noun and pair of at least 94 % of the labelled set', async () => {
    const tag = await wordTagger();
    const accuracy = accuracyOn((instruction) => mainVerbAndObject(tag(instruction)));
    expect(accuracy.verb).toBeGreaterThanOrEqual(0.96);
    expect(accuracy.noun).toBeGreaterThanOrEqual(0.94);
    expect(accuracy.pair).toBeGreaterThanOrEqual(0.94);
  });

  it.each([
    ['Write a short story about a dragon.', { verb: 'write', noun: 'story' }],
    ['Given a list of integers, find the second smallest number.', { verb: 'find', noun: 'number' }],
    ['Tell me a joke about programmers.', { verb: 'tell', noun: 'joke' }],
    ['Classify the following news articles into sports or politics.', { verb: 'classify', noun: 'article' }],
    ['Can you write a poem about autumn?', { verb: 'write', noun: 'poem' }],
  ])('reads "%s" as %o', async (instruction, pair) => {
    expect((await verbNounFinder())(instruction)).toEqual(pair);
  });

  it.each(['What is the capital of France?', 'Explain why the sky is blue.', 'Write about your favourite season.', '', 'The meaning of life.'])(
    'finds no verb–object structure in "%s"',
    async (instruction) => {
      expect((await verbNounFinder())(instruction)).toBeUndefined();
    },
  );
});

describe('verbNounTree', () => {
  it('has no verbs and a share of 0 for no instructions', async () => {
    expect(await verbNounTree([])).toEqual({ instructions: 0, withStructure: 0, share: 0, verbs: [] });
  });

  it('counts one instruction as one verb with one noun', async () => {
    expect(await verbNounTree(['Write a poem about the sea.'])).toEqual({
      instructions: 1,
      withStructure: 1,
      share: 1,
      verbs: [{ verb: 'write', count: 1, nouns: [{ noun: 'poem', count: 1 }] }],
    });
  });

  it('shares out the instructions with a structure and ranks verbs and nouns by count, ties by name', async () => {
    const tree = await verbNounTree([
      'Write a poem about the sea.',
      'Write a story about a fox.',
      'Write a poem about snow.',
      'Give me a recipe for soup.',
      'Create a quiz about birds.',
      'What is the capital of Peru?',
    ]);
    expect(tree.instructions).toBe(6);
    expect(tree.withStructure).toBe(5);
    expect(tree.share).toBeCloseTo(5 / 6, 12);
    expect(tree.verbs).toEqual([
      { verb: 'write', count: 3, nouns: [{ noun: 'poem', count: 2 }, { noun: 'story', count: 1 }] },
      { verb: 'create', count: 1, nouns: [{ noun: 'quiz', count: 1 }] },
      { verb: 'give', count: 1, nouns: [{ noun: 'recipe', count: 1 }] },
    ]);
  });

  it('keeps the top 4 nouns of a verb but counts the verb over all of them', async () => {
    const nouns = ['song', 'poem', 'story', 'letter', 'essay'];
    const tree = await verbNounTree([...nouns, 'song'].map((noun) => `Write a ${noun} about the sea.`));
    expect(tree.verbs).toEqual([
      {
        verb: 'write',
        count: 6,
        nouns: [{ noun: 'song', count: 2 }, { noun: 'essay', count: 1 }, { noun: 'letter', count: 1 }, { noun: 'poem', count: 1 }],
      },
    ]);
  });

  it('keeps the top 20 verbs, dropping the last of a tie by name', async () => {
    const verbs = ['analyze', 'build', 'calculate', 'compose', 'create', 'describe', 'design', 'draft', 'edit', 'explain',
      'find', 'generate', 'give', 'identify', 'list', 'name', 'predict', 'suggest', 'summarize', 'translate', 'write'];
    const tree = await verbNounTree(verbs.map((verb) => `${verb[0]!.toUpperCase()}${verb.slice(1)} the text.`));
    expect(tree.withStructure).toBe(21);
    expect(tree.verbs.map((branch) => branch.verb)).toEqual(verbs.slice(0, 20));
  });
});
