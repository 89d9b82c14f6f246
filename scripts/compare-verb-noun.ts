// Compares the two taggers behind the verb–noun rule of src/lib/stats on the hand-labelled set
// (test/fixtures/stats/verb-noun-labelled.ts): wink-nlp, which the app uses, and compromise, which
// it does not ship, so compromise is read from a folder where it is installed:
//   npm install --prefix /tmp/nlp-compare compromise@14.17.0
//   npx tsx scripts/compare-verb-noun.ts /tmp/nlp-compare
// It prints each tagger's accuracy (verb, noun, pair), its misses, and its time per 100k instructions.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { accuracyOn, VERB_NOUN_LABELLED } from '../test/fixtures/stats/verb-noun-labelled';
import { mainVerbAndObject, type TaggedToken, type VerbAndObject, type WordClass } from '../src/lib/stats/verb-noun-rule';
import { wordTagger } from '../src/lib/stats/verb-noun-wink';

/** The part of compromise's API this script reads. */
type Compromise = (text: string) => { compute(method: string): void; json(): { terms: CompromiseTerm[] }[] };
interface CompromiseTerm {
  normal: string;
  root?: string;
  post: string;
  tags: string[];
}

const TIMED_ROUNDS = 40;

async function main(): Promise<void> {
  const folder = process.argv[2];
  if (!folder) throw new Error('usage: tsx scripts/compare-verb-noun.ts <folder where compromise is installed>');
  const entry = createRequire(join(folder, 'node_modules', 'noop.js')).resolve('compromise');
  const nlp = ((await import(pathToFileURL(entry).href)) as { default: Compromise }).default;
  const taggers: [string, (text: string) => TaggedToken[]][] = [
    ['wink-nlp 2.4.0 + wink-eng-lite-web-model 1.8.1', await wordTagger()],
    ['compromise 14.17.0', (text) => compromiseWords(nlp, text)],
  ];
  for (const [name, tag] of taggers) {
    const extract = (instruction: string): VerbAndObject => mainVerbAndObject(tag(instruction));
    const accuracy = accuracyOn(extract);
    console.log(`\n${name} on ${VERB_NOUN_LABELLED.length} labelled instructions`);
    console.log(`  verb ${percent(accuracy.verb)}, noun ${percent(accuracy.noun)}, pair ${percent(accuracy.pair)}`);
    for (const miss of accuracy.misses) console.log(`  miss: ${miss.instruction}  expected ${show(miss.expected)}, found ${show(miss.found)}`);
    console.log(`  ${Math.round(millisecondsPer100k(extract))} ms per 100k instructions (Node, one thread)`);
  }
}

/** compromise's terms in the rule's classes; its punctuation rides on the words, so it is split off. */
function compromiseWords(nlp: Compromise, text: string): TaggedToken[] {
  const doc = nlp(text);
  doc.compute('root');
  return doc.json().flatMap(({ terms }) =>
    terms.flatMap((term) => {
      const copula = term.tags.includes('Copula');
      const lemma = copula ? 'be' : (term.root || term.normal).toLowerCase();
      const bare = term.tags.includes('Infinitive') || term.tags.includes('Imperative');
      const word: TaggedToken = { text: term.normal, lemma, wordClass: compromiseClass(term.tags), bare };
      const marks = [...term.post].filter((mark) => ',;:.?!'.includes(mark));
      return [word, ...marks.map((mark): TaggedToken => ({ text: mark, lemma: mark, wordClass: 'PUNCT', bare: false }))];
    }),
  );
}

function compromiseClass(tags: readonly string[]): WordClass {
  const order: [string, WordClass][] = [
    ['Pronoun', 'PRON'], ['Possessive', 'DET'], ['Copula', 'AUX'], ['Auxiliary', 'AUX'], ['Modal', 'AUX'], ['Verb', 'VERB'],
    ['ProperNoun', 'PROPN'], ['Noun', 'NOUN'], ['Determiner', 'DET'], ['Adjective', 'ADJ'], ['Adverb', 'ADV'],
    ['QuestionWord', 'ADV'], ['Preposition', 'ADP'], ['Value', 'NUM'], ['Conjunction', 'CONJ'],
  ];
  return order.find(([tag]) => tags.includes(tag))?.[1] ?? 'OTHER';
}

function millisecondsPer100k(extract: (instruction: string) => VerbAndObject): number {
  const instructions = VERB_NOUN_LABELLED.map(([instruction]) => instruction);
  const started = performance.now();
  for (let round = 0; round < TIMED_ROUNDS; round += 1) instructions.forEach(extract);
  return ((performance.now() - started) / (TIMED_ROUNDS * instructions.length)) * 100_000;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

function show({ verb, noun }: VerbAndObject): string {
  return verb === undefined ? '(none)' : `${verb} ${noun ?? '(no noun)'}`;
}

await main();
