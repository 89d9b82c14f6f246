// The verb–object rule on hand-tagged words, apart from any tagger: which verb is the main one,
// and where its object's head noun stands.
import { expect, it } from 'vitest';
import { mainVerbAndObject, type TaggedToken, type WordClass } from '../../src/lib/stats/verb-noun-rule';

/** Words written "word/CLASS" or "word/CLASS/lemma"; a verb is bare when its lemma is the word. */
function tagged(text: string): TaggedToken[] {
  return text.split(' ').map((item) => {
    const [word, wordClass, lemma = word] = item.split('/') as [string, WordClass, string?];
    return { text: word, lemma, wordClass, bare: lemma === word };
  });
}

it.each([
  ['a command with an indirect object', 'tell/VERB me/PRON a/DET funny/ADJ joke/NOUN ./PUNCT', { verb: 'tell', noun: 'joke' }],
  ['a noun compound, by its last noun', 'classify/VERB the/DET news/NOUN articles/NOUN/article ./PUNCT', { verb: 'classify', noun: 'article' }],
  ['a possessive before the head', "identify/VERB the/DET sender/NOUN 's/PART request/NOUN", { verb: 'identify', noun: 'request' }],
  ['a command after a "given" clause', 'given/VERB/give a/DET list/NOUN ,/PUNCT find/VERB the/DET median/NOUN', { verb: 'find', noun: 'median' }],
  ['a command in a later sentence', 'you/PRON are/AUX/be given/VERB/give a/DET list/NOUN ./PUNCT find/VERB the/DET median/NOUN', { verb: 'find', noun: 'median' }],
  ['a sentence-initial noun before a determiner, as a command', 'list/PROPN three/NUM benefits/NOUN/benefit', { verb: 'list', noun: 'benefit' }],
  ['the verb an auxiliary leads to', 'how/ADV do/AUX i/PRON bake/VERB bread/NOUN ?/PUNCT', { verb: 'bake', noun: 'bread' }],
  ['a clause as the object', 'explain/VERB why/ADV the/DET sky/NOUN is/AUX/be blue/ADJ', { verb: 'explain' }],
  ['a preposition before any noun', 'write/VERB about/ADP your/PRON summer/NOUN', { verb: 'write' }],
  ['"be" as the main verb', 'what/PRON is/AUX/be the/DET capital/NOUN', {}],
  ['an infinitive after "be"', 'is/AUX/be it/PRON safe/ADJ to/PART swim/VERB ?/PUNCT', {}],
  ['no verb at all', 'the/DET meaning/NOUN of/ADP life/NOUN', {}],
])('reads %s', (_case, words, expected) => {
  expect(mainVerbAndObject(tagged(words))).toEqual(expected);
});
