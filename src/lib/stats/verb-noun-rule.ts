// The verb–object rule of Self-Instruct's Fig. 3 (arXiv 2212.10560 §4.1: "the verb closest to the
// root of the parse tree and its first direct noun object"), read from part-of-speech tags instead
// of a constituency parse: the browser has no Berkeley parser, and an instruction's main clause is
// short enough for a few rules over the tags.

/** Universal Dependencies' coarse word classes, as far as the rule tells them apart. */
export type WordClass = 'VERB' | 'AUX' | 'NOUN' | 'PROPN' | 'PRON' | 'DET' | 'ADJ' | 'ADV' | 'ADP' | 'NUM' | 'PART' | 'CONJ' | 'PUNCT' | 'OTHER';

/** One word as a tagger sees it. */
export interface TaggedToken {
  /** The word in lower case. */
  text: string;
  /** Its dictionary form in lower case ("articles" → "article", "wrote" → "write"). */
  lemma: string;
  wordClass: WordClass;
  /** A verb in its bare form ("write", not "written" or "writing"): only these start a command. */
  bare: boolean;
}

/** What the rule found: the main verb, and the head noun of its first direct object. */
export interface VerbAndObject {
  verb?: string;
  noun?: string;
}

const SENTENCE_ENDS = new Set(['.', '?', '!']);
const CLAUSE_ENDS = new Set([',', ';', ':']);
/** Words that open a clause as an object ("Explain why …"): such an object has no noun. */
const CLAUSE_OPENERS = new Set(['what', 'which', 'who', 'whom', 'whose', 'why', 'how', 'when', 'where', 'whether', 'if', 'that']);
/** Words before a command's verb that are not part of the command ("Please write …"). */
const COMMAND_LEAD_INS = new Set(['please', 'then', 'now', 'also', 'and', 'finally']);
/** Adjectives that taggers often read as nouns or verbs ("the following articles"). */
const NOUN_MODIFIERS = new Set(['following', 'given', 'above', 'below']);
const POSSESSIVE_MARKS = new Set(["'s", "'"]);
/** Classes that may stand between a verb and its object's head: "me a short", "its", "all the three". */
const BEFORE_THE_HEAD: ReadonlySet<WordClass> = new Set(['DET', 'NUM', 'ADJ', 'ADV', 'PRON', 'PUNCT']);

/**
 * The main verb of an instruction and its first direct object's head noun: the first command
 * (a clause that starts with a bare verb, wherever it stands: "Given a list, find …"), otherwise
 * the first sentence's main verb (after a question's auxiliary: "How do I bake …"). A form of "be"
 * is no verb here: "What is the capital of France?" has no verb–object structure.
 */
export function mainVerbAndObject(tokens: readonly TaggedToken[]): VerbAndObject {
  const sentences = splitAt(tokens, SENTENCE_ENDS);
  const clauses = sentences.flatMap((sentence) => splitAt(sentence, CLAUSE_ENDS));
  for (const clause of clauses) {
    const start = commandStart(clause);
    if (start !== undefined) return withObject(clause, start);
  }
  const first = sentences[0] ?? [];
  const verbAt = mainVerbIndex(first);
  return verbAt === undefined ? {} : withObject(first, verbAt);
}

function splitAt(tokens: readonly TaggedToken[], ends: ReadonlySet<string>): TaggedToken[][] {
  const parts: TaggedToken[][] = [[]];
  for (const token of tokens) {
    if (token.wordClass === 'PUNCT' && ends.has(token.text)) parts.push([]);
    else parts.at(-1)!.push(token);
  }
  return parts.filter((part) => part.length > 0);
}

/** Where a clause's command verb stands, if the clause is a command. */
function commandStart(clause: readonly TaggedToken[]): number | undefined {
  let at = 0;
  while (at < clause.length && COMMAND_LEAD_INS.has(clause[at]!.text)) at += 1;
  const word = clause[at];
  if (!word) return undefined;
  if (word.wordClass === 'VERB' && word.bare && !NOUN_MODIFIERS.has(word.text)) return at;
  // Taggers read a sentence's first word as a noun when it is also one ("List", "Name", "Plan");
  // a noun straight before a determiner or a number is a verb: "List three …", "Name the …".
  const next = clause[at + 1];
  const nounLike = word.wordClass === 'NOUN' || word.wordClass === 'PROPN';
  if (at === 0 && nounLike && (next?.wordClass === 'DET' || next?.wordClass === 'NUM')) return at;
  return undefined;
}

/** Verbs that also lead another verb: "do" in "How do I bake …", "can" in "Can you write …". */
const AUXILIARIES = new Set(['be', 'do', 'have', 'can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must']);

/** A sentence's main verb: its first verb, or the verb an auxiliary leads to ("Can you write …"). */
function mainVerbIndex(sentence: readonly TaggedToken[]): number | undefined {
  const first = sentence.findIndex(isVerb);
  if (first < 0) return undefined;
  const led = AUXILIARIES.has(sentence[first]!.lemma) ? sentence.findIndex((token, index) => index > first && isVerb(token)) : -1;
  // A verb after "to" belongs to an infinitive ("Is it safe to swim?"), not to the auxiliary.
  const main = led > 0 && sentence[led - 1]!.text !== 'to' ? led : first;
  // "be" only links a subject to a description: "What is the capital of France?" has no verb.
  return sentence[main]!.lemma === 'be' ? undefined : main;
}

function isVerb(token: TaggedToken): boolean {
  return token.wordClass === 'VERB' || token.wordClass === 'AUX';
}

function withObject(clause: readonly TaggedToken[], verbAt: number): VerbAndObject {
  const verb = clause[verbAt]!;
  const lemma = isVerb(verb) ? verb.lemma : verb.text;
  const noun = objectHead(clause.slice(verbAt + 1));
  return noun === undefined ? { verb: lemma } : { verb: lemma, noun };
}

/** The head of the noun phrase the words after the verb start with: the last noun of its first run of nouns. */
function objectHead(after: readonly TaggedToken[]): string | undefined {
  let at = 0;
  while (at < after.length && isBeforeTheHead(after[at]!)) at += 1;
  let head: TaggedToken | undefined;
  while (at < after.length && isNoun(after[at]!)) head = after[at++];
  // A possessive is the object's determiner, not its head: "the sender's request".
  if (head && POSSESSIVE_MARKS.has(after[at]?.text ?? '')) return objectHead(after.slice(at + 1));
  return head?.lemma;
}

function isBeforeTheHead(token: TaggedToken): boolean {
  if (CLAUSE_OPENERS.has(token.text)) return false;
  return BEFORE_THE_HEAD.has(token.wordClass) || NOUN_MODIFIERS.has(token.text);
}

function isNoun(token: TaggedToken): boolean {
  return (token.wordClass === 'NOUN' || token.wordClass === 'PROPN') && !NOUN_MODIFIERS.has(token.text);
}
