import { PrefixSearch, toQuery, type Query } from './prefix-search';
import { tokenizerFor, type TokenizerName } from './tokenize';
import { TokenPool } from './token-pool';
import { Vocabulary } from './vocabulary';

export interface NoveltyIndexOptions {
  /** Reject when the best ROUGE-L F is strictly above this; 0.7 as in Self-Instruct. */
  threshold?: number;
  tokenizer?: TokenizerName;
}

export interface NoveltyCheck {
  /** False iff the best F is strictly above the threshold, as rouge_score-based Self-Instruct does. */
  novel: boolean;
  /** The best ROUGE-L F against the pool; 0 when nothing in the pool shares a token. */
  score: number;
  /** The pool entry with that score, the earliest added on ties; null when the score is 0. */
  nearestId: string | null;
}

/**
 * The pool of instructions a candidate must differ from, by ROUGE-L F (rouge_score,
 * use_stemmer=False). Tokens are interned once; each check scores only the entries that the
 * length and prefix filters cannot rule out, so every answer equals a scan of the whole pool.
 * A removed entry is a tombstone every search skips; an edit is a removal and an add.
 */
export class NoveltyIndex {
  readonly threshold: number;
  readonly tokenizer: TokenizerName;
  readonly #tokenize: (text: string) => string[];
  readonly #vocabulary = new Vocabulary();
  readonly #pool = new TokenPool();
  readonly #search = new PrefixSearch(this.#pool);
  /** Per entry, its id; removed entries keep theirs, since no search reaches them. */
  readonly #ids: string[] = [];
  /** Each live id's entry. */
  readonly #entries = new Map<string, number>();
  /** The last text tokenized, so `add` after a check of the same text reuses its tokens. */
  #lastText: string | null = null;
  #lastTokens: string[] = [];

  constructor(options: NoveltyIndexOptions = {}) {
    this.threshold = options.threshold ?? 0.7;
    if (!(this.threshold >= 0 && this.threshold <= 1)) {
      throw new RangeError(`NoveltyIndex threshold must be a number from 0 to 1, got ${this.threshold}`);
    }
    this.tokenizer = options.tokenizer ?? 'default';
    this.#tokenize = tokenizerFor(this.tokenizer);
  }

  /** How many instructions the pool holds. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * Adds an instruction to the pool. Ids are the caller's; they come back as `nearestId`. An id
   * names one entry: adding it again replaces its text, and it then counts as added last.
   */
  add(id: string, text: string): void {
    const tokens = this.#tokensOf(text);
    this.remove(id);
    this.#entries.set(id, this.#ids.length);
    this.#pool.add(Int32Array.from(tokens, (token) => this.#vocabulary.intern(token)));
    this.#ids.push(id);
  }

  /** Takes an instruction out of the pool; false when the pool holds no such id. */
  remove(id: string): boolean {
    const entry = this.#entries.get(id);
    if (entry === undefined) return false;
    this.#pool.remove(entry);
    this.#entries.delete(id);
    return true;
  }

  /**
   * The decision with the exact best match, for "rejected: 0.82 like #123". `exceptId` leaves
   * one entry out, so an edited instruction is compared with every other one.
   */
  check(text: string, exceptId?: string): NoveltyCheck {
    let score = 0;
    let nearest = -1;
    const except = exceptId === undefined ? -1 : (this.#entries.get(exceptId) ?? -1);
    this.#withQuery(text, (search) => {
      const keepBest = (entry: number, f: number): boolean => {
        if (entry === except) return false;
        if (f > score || (f === score && f > 0 && entry < nearest)) [score, nearest] = [f, entry];
        return false;
      };
      // Each run visits every entry that can reach its bar (ties included, for the earliest
      // entry), so once the best score reaches a bar it is the best in the pool. Lower bars read
      // longer posting lists: try the threshold, then half of it, then any shared token.
      for (const floor of [this.threshold, this.threshold / 2, 0]) {
        const value = Math.max(score, floor);
        search.run({ value, strict: value === 0 }, keepBest);
        if (score > 0 && score >= value) break;
      }
    });
    return { novel: !(score > this.threshold), score, nearestId: nearest < 0 ? null : this.#ids[nearest]! };
  }

  /** The decision alone, as `check(text).novel`, stopping at the first entry above the threshold. */
  isNovel(text: string): boolean {
    let novel = true;
    this.#withQuery(text, (search) => {
      novel = search.run({ value: this.threshold, strict: true }, (_, f) => f > this.threshold);
    });
    return novel;
  }

  #withQuery(text: string, searchWith: (search: PrefixSearch) => void): void {
    const query = this.#query(text);
    if (query.ids.length === 0 || this.size === 0) return;
    this.#search.begin(query, this.#vocabulary.size);
    try {
      searchWith(this.#search);
    } finally {
      this.#search.end();
    }
  }

  #query(text: string): Query {
    const ids = Int32Array.from(this.#tokensOf(text), (token) => this.#vocabulary.lookup(token));
    return toQuery(ids, this.#pool);
  }

  #tokensOf(text: string): string[] {
    if (text !== this.#lastText) {
      this.#lastText = text;
      this.#lastTokens = this.#tokenize(text);
    }
    return this.#lastTokens;
  }
}
