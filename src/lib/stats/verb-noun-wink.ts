// Part-of-speech tags from wink-nlp's small English model, chosen over compromise on our labelled
// set (scripts/compare-verb-noun.ts): more accurate and twenty times faster (docs/ARCHITECTURE.md).
import type { ItsFunction, WinkMethods } from 'wink-nlp';
import type { TaggedToken, WordClass } from './verb-noun-rule';

const WORD_CLASSES: Readonly<Record<string, WordClass>> = {
  VERB: 'VERB', AUX: 'AUX', NOUN: 'NOUN', PROPN: 'PROPN', PRON: 'PRON', DET: 'DET', ADJ: 'ADJ', ADV: 'ADV',
  ADP: 'ADP', NUM: 'NUM', PART: 'PART', CCONJ: 'CONJ', SCONJ: 'CONJ', PUNCT: 'PUNCT',
};

let tagger: Promise<WinkMethods> | undefined;

/**
 * Tags the words of texts: each word with its class and lemma. wink-nlp and its model (about 4 MB
 * of script) are loaded on the first call only, so the workers that import this start without
 * parsing them: the stats worker and its helpers need them for Fig. 3 alone, and three workers
 * parsing 4 MB each at start took a core for most of a second.
 */
export async function wordTagger(): Promise<(text: string) => TaggedToken[]> {
  // Tagging only: the rule splits sentences itself, and sentiment, entities and negation would
  // make it about 70 % slower for nothing.
  // A failed import (a chunk that did not arrive) is not kept: the next tree asks for it again.
  tagger ??= Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')]).then(
    ([{ default: winkNLP }, { default: model }]) => winkNLP(model, ['pos']),
    (error: unknown) => {
      tagger = undefined;
      throw error;
    },
  );
  const nlp = await tagger;
  return (text) => tagWords(nlp, text);
}

function tagWords(nlp: WinkMethods, text: string): TaggedToken[] {
  const tokens = nlp.readDoc(text).tokens();
  const { its } = nlp;
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
