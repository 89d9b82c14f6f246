// Part-of-speech tags from wink-nlp's small English model, chosen over compromise on our labelled
// set (scripts/compare-verb-noun.ts): more accurate and twenty times faster (docs/ARCHITECTURE.md).
import winkNLP, { type ItsFunction, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { TaggedToken, WordClass } from './verb-noun-rule';

const WORD_CLASSES: Readonly<Record<string, WordClass>> = {
  VERB: 'VERB', AUX: 'AUX', NOUN: 'NOUN', PROPN: 'PROPN', PRON: 'PRON', DET: 'DET', ADJ: 'ADJ', ADV: 'ADV',
  ADP: 'ADP', NUM: 'NUM', PART: 'PART', CCONJ: 'CONJ', SCONJ: 'CONJ', PUNCT: 'PUNCT',
};

let tagger: WinkMethods | undefined;

/** The words of a text with their classes and lemmas. */
export function tagWords(text: string): TaggedToken[] {
  // Tagging only: the rule splits sentences itself, and sentiment, entities and negation would
  // make it about 70 % slower for nothing. Made on first use, so importing this costs nothing.
  tagger ??= winkNLP(model, ['pos']);
  const tokens = tagger.readDoc(text).tokens();
  const { its } = tagger;
  const words = tokens.out(its.normal);
  const classes = tokens.out(its.pos);
  // wink-nlp 2.4.0's types declare its.lemma as (index, data, addons), not as the (index, token,
  // cache, addons) that out() takes; out(its.lemma) is the documented call and works.
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>);
  return words.map((word, index) => {
    const lemma = lemmas[index]!.toLowerCase();
    return { text: word, lemma, wordClass: WORD_CLASSES[classes[index]!] ?? 'OTHER', bare: lemma === word };
  });
}
