import { AsciiTokenIds } from './ascii-token-ids';
import { LcsPattern } from './bit-parallel-lcs';
import { fmeasure } from './rouge-l';
import { tokenizerFor, type TokenizerName } from './tokenize';
import { Vocabulary } from './vocabulary';

/**
 * Each text's best ROUGE-L F against a fixed set of references, the number `NoveltyIndex.check`
 * gives, for many texts against a few hundred references (the seeds). The LCS is at most the
 * tokens a reference shares with the text, so that count bounds its F: the reference with the
 * highest bound is scored first, then only those whose bound still beats the best. 100k
 * instructions against 175 seeds took 1.3 s through the index's search, which is built for a pool
 * that grows, and a fraction of it here.
 */
export function bestScores(references: readonly string[], texts: readonly string[], tokenizer: TokenizerName = 'default'): Float64Array {
  const tokenize = tokenizerFor(tokenizer);
  const vocabulary = new Vocabulary();
  const asciiIds = tokenizer === 'default' ? new AsciiTokenIds() : undefined;
  const referenceIds = references.map((reference) =>
    Int32Array.from(tokenize(reference), (token) => {
      const id = vocabulary.intern(token);
      asciiIds?.add(token, id);
      return id;
    }),
  );
  const idsOf = asciiIds ? (text: string) => asciiIds.idsOf(text) : (text: string) => lookedUp(tokenize(text), vocabulary);
  const referenceLengths = Int32Array.from(referenceIds, (ids) => ids.length);
  const postings = postingsOf(referenceIds, vocabulary.size);
  const pattern = new LcsPattern();
  const shared = new Int32Array(references.length);
  const inText = new Int32Array(vocabulary.size);
  const touched = new Int32Array(references.length);
  const scores = new Float64Array(texts.length);
  texts.forEach((text, t) => {
    const ids = idsOf(text);
    const m = ids.length;
    let touchedCount = 0;
    for (let i = 0; i < m; i++) if (ids[i]! >= 0) inText[ids[i]!]!++;
    for (let i = 0; i < m; i++) {
      const id = ids[i]!;
      if (id < 0 || inText[id] === 0) continue;
      const { entries, counts } = postings[id]!;
      for (let k = 0; k < entries.length; k++) {
        const entry = entries[k]!;
        if (shared[entry] === 0) touched[touchedCount++] = entry;
        shared[entry]! += Math.min(inText[id]!, counts[k]!);
      }
      inText[id] = 0;
    }
    if (touchedCount === 0) return;
    // 2·shared/(n + m) is F with LCS = shared, up to the last bit (rouge-l.ts), so the bar is kept
    // a hair low: a reference is skipped only when it surely cannot beat the best.
    let first = touched[0]!;
    let firstBound = 0;
    for (let k = 0; k < touchedCount; k++) {
      const entry = touched[k]!;
      const bound = shared[entry]! / (referenceLengths[entry]! + m);
      if (bound > firstBound) {
        first = entry;
        firstBound = bound;
      }
    }
    pattern.load(ids, vocabulary.size);
    let best = fmeasure(pattern.lcs(referenceIds[first]!, 0, referenceIds[first]!.length), referenceIds[first]!.length, m);
    for (let k = 0; k < touchedCount; k++) {
      const entry = touched[k]!;
      const reference = referenceIds[entry]!;
      if (entry !== first && (2 * shared[entry]!) / (referenceLengths[entry]! + m) > best - 1e-9) {
        best = Math.max(best, fmeasure(pattern.lcs(reference, 0, reference.length), reference.length, m));
      }
      shared[entry] = 0;
    }
    pattern.unload();
    scores[t] = best;
  });
  return scores;
}

/** Token ids by a vocabulary lookup each, for tokenizers without a trie (multilingual); loops rather than Int32Array.from(tokens, lookup), which was a third of the time. */
function lookedUp(tokens: readonly string[], vocabulary: Vocabulary): Int32Array {
  const ids = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) ids[i] = vocabulary.lookup(tokens[i]!);
  return ids;
}

interface Postings {
  entries: Int32Array;
  counts: Int32Array;
}

/** Per token id, the references that hold it and how many times. */
function postingsOf(references: readonly Int32Array[], ids: number): Postings[] {
  const lists = Array.from({ length: ids }, () => new Map<number, number>());
  references.forEach((tokens, entry) => {
    for (const id of tokens) lists[id]!.set(entry, (lists[id]!.get(entry) ?? 0) + 1);
  });
  return lists.map((list) => ({ entries: Int32Array.from(list.keys()), counts: Int32Array.from(list.values()) }));
}
