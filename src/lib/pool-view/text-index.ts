import { searchWords } from './search-words';

/** Postings added since the last compaction past which a search merges them in first (or an eighth of the rest). */
const RECENT_POSTINGS_LIMIT = 50_000;

/**
 * Full-text search over the pool's rows: which documents (numbered rows) hold a word starting
 * with each query word. Our own rather than a library's: a keystroke must answer a boolean AND of
 * word prefixes over 100k tasks and their instances within 100 ms, and needs no ranking; MiniSearch
 * and its kin score every match and expand a prefix into each of its terms (thousands for "s").
 * Here the terms are one sorted list, so a prefix is a binary-searched range of it, and the
 * postings of neighbouring terms lie side by side in one typed array, so the range's documents
 * are a single contiguous run.
 *
 * Rows change while a project is open (a run's progress, edits): documents are added with rising
 * numbers into a small map of recent postings, a removed one is only marked dead, and `compact`
 * merges both into the sorted arrays (done by a search when the recent part grows large).
 */
export class TextIndex {
  #terms: string[] = [];
  /** `#postings[#offsets[t] .. #offsets[t + 1]]` are term t's documents, ascending. */
  #offsets = new Int32Array(1);
  #postings = new Int32Array(0);
  /** Documents added since the last compaction: term → its documents and the last one added. */
  #recent = new Map<string, { docs: number[]; last: number }>();
  #recentTerms: string[] | undefined;
  #recentPostings = 0;
  #dead: Uint8Array = new Uint8Array(1024);
  /** Documents removed since the last compaction; their postings still take a search's time. */
  #deadDocs = 0;
  #nextDoc = 0;

  /** Indexes a document's texts; documents are numbered upwards and never reused. */
  add(doc: number, texts: readonly string[]): void {
    if (doc < this.#nextDoc) throw new Error(`Document ${doc} was added out of order (next is ${this.#nextDoc}).`);
    this.#nextDoc = doc + 1;
    for (const text of texts) {
      for (const word of searchWords(text)) {
        const entry = this.#recent.get(word);
        if (!entry) {
          this.#recent.set(word, { docs: [doc], last: doc });
          this.#recentTerms = undefined;
        } else if (entry.last !== doc) {
          entry.docs.push(doc);
          entry.last = doc;
        } else continue;
        this.#recentPostings++;
      }
    }
  }

  /** Leaves a document out of every later search. */
  remove(doc: number): void {
    if (doc >= this.#dead.length) this.#dead = grown(this.#dead, doc);
    if (this.#dead[doc] === 0) this.#deadDocs++;
    this.#dead[doc] = 1;
  }

  /**
   * The documents holding, for every word of `search`, a word that starts with it: `mask[doc]` is
   * 1 for those, 0 for the rest (removed documents may read 1: the caller knows its live rows).
   * Undefined when the search has no words, which matches everything.
   */
  match(search: string): Uint8Array | undefined {
    const words = [...new Set(searchWords(search))];
    if (words.length === 0) return undefined;
    if (this.#recentPostings > Math.max(RECENT_POSTINGS_LIMIT, this.#postings.length / 8) || this.#deadDocs > this.#nextDoc / 4) this.compact();
    // mask[doc] counts the words matched so far; a document counts for word i only if it matched
    // all before, and once per word however many of its terms share the prefix. 255 words at most.
    const mask = new Uint8Array(this.#nextDoc);
    const recentTerms = (this.#recentTerms ??= [...this.#recent.keys()].sort());
    for (const [i, word] of words.slice(0, 255).entries()) {
      const [from, to] = prefixRange(this.#terms, word);
      for (let p = this.#offsets[from]!, end = this.#offsets[to]!; p < end; p++) {
        const doc = this.#postings[p]!;
        if (mask[doc] === i) mask[doc] = i + 1;
      }
      const [recentFrom, recentTo] = prefixRange(recentTerms, word);
      for (let t = recentFrom; t < recentTo; t++) {
        for (const doc of this.#recent.get(recentTerms[t]!)!.docs) if (mask[doc] === i) mask[doc] = i + 1;
      }
    }
    const all = Math.min(words.length, 255);
    for (let doc = 0; doc < mask.length; doc++) mask[doc] = mask[doc] === all ? 1 : 0;
    return mask;
  }

  /** Merges the recent postings into the sorted arrays and drops the dead documents' postings. */
  compact(): void {
    if (this.#recentPostings === 0 && this.#deadDocs === 0) return;
    const recentTerms = [...this.#recent.keys()].sort();
    const oldTerms = this.#terms;
    const terms: string[] = [];
    const offsets = new Int32Array(oldTerms.length + recentTerms.length + 1);
    const postings = new Int32Array(this.#postings.length + this.#recentPostings);
    let written = 0;
    const keep = (doc: number) => {
      if (doc >= this.#dead.length || this.#dead[doc] === 0) postings[written++] = doc;
    };
    // Both term lists are sorted: merge them, old postings first, since recent documents are newer.
    for (let a = 0, b = 0; a < oldTerms.length || b < recentTerms.length; ) {
      const oldTerm = oldTerms[a];
      const recentTerm = recentTerms[b];
      const term = recentTerm === undefined || (oldTerm !== undefined && oldTerm <= recentTerm) ? oldTerm! : recentTerm;
      const start = written;
      if (term === oldTerm) {
        for (let p = this.#offsets[a]!, end = this.#offsets[a + 1]!; p < end; p++) keep(this.#postings[p]!);
        a++;
      }
      if (term === recentTerm) {
        for (const doc of this.#recent.get(term)!.docs) keep(doc);
        b++;
      }
      if (written > start) {
        terms.push(term);
        offsets[terms.length] = written;
      }
    }
    this.#terms = terms;
    this.#offsets = offsets.slice(0, terms.length + 1);
    this.#postings = postings.slice(0, written);
    this.#recent = new Map();
    this.#recentTerms = undefined;
    this.#recentPostings = 0;
    this.#deadDocs = 0;
  }
}

/** The range [from, to) of sorted `terms` that start with `prefix`. */
function prefixRange(terms: readonly string[], prefix: string): [number, number] {
  const from = lowerBound(terms, prefix);
  // Every string that starts with the prefix sorts before the prefix with its last unit raised.
  const after = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return [from, lowerBound(terms, after, from)];
}

function lowerBound(terms: readonly string[], key: string, from = 0): number {
  let lo = from;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function grown(array: Uint8Array, index: number): Uint8Array {
  const bigger = new Uint8Array(Math.max(index + 1, array.length * 2));
  bigger.set(array);
  return bigger;
}
