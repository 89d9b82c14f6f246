// NoveltyIndex: every check equals a scan of the whole pool (its live entries, after removals)
// with the reference's scores; the pruning may skip work, never change a decision, a best score or
// a nearest entry.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NoveltyIndex, rougeL, type NoveltyCheck, type TokenizerName } from '../../src/lib/rouge';

interface DedupCase {
  stream: string;
  threshold: number;
  novel: string;
  scores: number[];
  nearest: (number | null)[];
}

const dedup: { streams: Record<string, string[]>; cases: DedupCase[] } = JSON.parse(
  readFileSync(fileURLToPath(new URL('../fixtures/rouge/dedup-cases.json', import.meta.url)), 'utf8'),
);

/** Checks each text in order and adds the novel ones, as the run loop does. */
function replay(index: NoveltyIndex, texts: readonly string[]): NoveltyCheck[] {
  return texts.map((text, i) => {
    const verdict = index.check(text);
    expect(index.isNovel(text)).toBe(verdict.novel);
    if (verdict.novel) index.add(`#${i}`, text);
    return verdict;
  });
}

/** The whole-pool scan the index must equal: best F, earliest entry on ties, null when 0. */
function scanPool(pool: [string, string][], text: string, threshold: number, tokenizer: TokenizerName): NoveltyCheck {
  let score = 0;
  let nearestId: string | null = null;
  for (const [id, entry] of pool) {
    const f = rougeL(text, entry, { tokenizer }).fmeasure;
    if (f > score) [score, nearestId] = [f, id];
  }
  return { novel: !(score > threshold), score, nearestId };
}

/** A seeded stream of texts over a few words, so near-duplicates and ties abound. */
function randomTexts(seed: number, count: number, maxLength: number, words: string[]): string[] {
  let state = seed;
  const next = (limit: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % limit;
  };
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const base = texts.length > 0 && next(2) === 0 ? texts[next(texts.length)]!.split(' ') : [];
    const length = base.length > 0 ? base.length + next(5) - 2 : next(maxLength + 1);
    const tokens = Array.from({ length: Math.max(0, length) }, (_, k) => (base[k] !== undefined && next(4) > 0 ? base[k]! : words[next(words.length)]!));
    texts.push(tokens.join(' '));
  }
  return texts;
}

/** A seeded choice among `limit` options (a linear congruential generator, as `randomTexts`). */
function seededChoice(seed: number): (limit: number) => number {
  let state = seed;
  return (limit) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % limit;
  };
}

describe('NoveltyIndex against the reference fixtures', () => {
  it.each(dedup.cases.map((c) => [c.stream, c.threshold, c] as const))(
    'replays the %s stream at %s with the reference decisions, best scores and nearest entries',
    (stream, threshold, expected) => {
      const verdicts = replay(new NoveltyIndex({ threshold }), dedup.streams[stream]!);
      expect(verdicts.map((v) => (v.novel ? '1' : '0')).join('')).toBe(expected.novel);
      expect(verdicts.map((v) => v.score)).toEqual(expected.scores);
      expect(verdicts.map((v) => v.nearestId)).toEqual(expected.nearest.map((i) => (i === null ? null : `#${i}`)));
    },
  );
});

describe('NoveltyIndex against a whole-pool scan', () => {
  it.each([
    [0, 'default', 8, 250],
    [0.35, 'default', 8, 250],
    [2 / 3, 'default', 8, 250],
    [0.7, 'default', 80, 250],
    [0.9, 'multilingual', 24, 100],
  ] as const)('agrees on every check at threshold %s (%s tokenizer, up to %s tokens)', (threshold, tokenizer, maxLength, count) => {
    const words = tokenizer === 'multilingual' ? ['中文', 'слово', 'café', 'a', 'b', 'c'] : ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const texts = randomTexts(7 + maxLength, count, maxLength, words);
    const index = new NoveltyIndex({ threshold, tokenizer });
    const pool: [string, string][] = [];
    texts.forEach((text, i) => {
      const verdict = index.check(text);
      expect(verdict).toEqual(scanPool(pool, text, threshold, tokenizer));
      if (verdict.novel) {
        index.add(`#${i}`, text);
        pool.push([`#${i}`, text]);
      }
    });
  });
});

describe('NoveltyIndex with removals and edits against a scan of the live entries', () => {
  /**
   * A seeded stream of operations: add a text, remove an entry, edit one (remove and add it with
   * another text), each followed by checks of the next text, with and without leaving one out.
   */
  it.each([
    [0.7, 'default', 8, 400, 1],
    [0.35, 'default', 8, 400, 2],
    [0.7, 'default', 40, 300, 3],
    [0.9, 'multilingual', 16, 200, 4],
  ] as const)('agrees on every check at threshold %s (%s tokenizer, up to %s tokens, %s steps, seed %s)', (threshold, tokenizer, maxLength, steps, seed) => {
    const words = tokenizer === 'multilingual' ? ['中文', 'слово', 'café', 'a', 'b', 'c'] : ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const texts = randomTexts(seed * 101 + maxLength, steps, maxLength, words);
    const choose = seededChoice(seed);
    const index = new NoveltyIndex({ threshold, tokenizer });
    let live: [string, string][] = [];
    let next = 0;
    texts.forEach((text, step) => {
      const someId = live.length > 0 ? live[choose(live.length)]![0] : 'absent';
      const except = choose(3) === 0 ? someId : undefined;
      const others = live.filter(([id]) => id !== except);
      const verdict = index.check(text, except);
      expect(verdict).toEqual(scanPool(others, text, threshold, tokenizer));
      expect(index.isNovel(text)).toBe(scanPool(live, text, threshold, tokenizer).novel);
      const operation = choose(4);
      if (operation === 0 && live.length > 0) {
        expect(index.remove(someId)).toBe(true);
        live = live.filter(([id]) => id !== someId);
      } else if (operation === 1 && live.length > 0) {
        index.remove(someId);
        index.add(someId, text);
        live = [...live.filter(([id]) => id !== someId), [someId, text]];
      } else {
        const id = `#${next++}`;
        index.add(id, text);
        live.push([id, text]);
      }
      expect(index.size, `after step ${step}`).toBe(live.length);
    });
  });

  it('answers as if a removed entry had never been added', () => {
    const index = new NoveltyIndex();
    index.add('a', 'list three colours');
    index.add('b', 'write a poem about the sea');
    expect(index.remove('a')).toBe(true);
    expect(index.check('List three colours.')).toEqual({ novel: true, score: 0, nearestId: null });
    expect(index.isNovel('List three colours.')).toBe(true);
    expect(index.size).toBe(1);
  });

  it('answers false when removing an id the pool does not hold, and changes nothing', () => {
    const index = new NoveltyIndex();
    index.add('a', 'list three colours');
    expect(index.remove('b')).toBe(false);
    expect(index.remove('a')).toBe(true);
    expect(index.remove('a')).toBe(false);
    expect(index.size).toBe(0);
  });

  it('replaces the text of an id added again, which then counts as added last on ties', () => {
    const index = new NoveltyIndex();
    index.add('first', 'list three colours');
    index.add('second', 'list three colours');
    index.add('first', 'list three colours');
    expect(index.size).toBe(2);
    expect(index.check('List three colours.')).toEqual({ novel: false, score: 1, nearestId: 'second' });
    index.add('second', 'write a poem about the sea');
    expect(index.check('List three colours.')).toEqual({ novel: false, score: 1, nearestId: 'first' });
  });

  it('leaves out the excepted entry, so an unchanged instruction is not its own duplicate', () => {
    const index = new NoveltyIndex();
    index.add('a', 'list three colours');
    index.add('b', 'list three colors please');
    expect(index.check('list three colours', 'a')).toEqual({ novel: true, score: rougeL('list three colours', 'list three colors please').fmeasure, nearestId: 'b' });
    expect(index.check('list three colours', 'absent')).toEqual({ novel: false, score: 1, nearestId: 'a' });
  });
});

describe('NoveltyIndex decisions', () => {
  it('keeps a candidate whose best score equals the threshold, and rejects it just below', () => {
    const score = rougeL('sort the list of names', 'sort the names').fmeasure;
    const atScore = new NoveltyIndex({ threshold: score });
    atScore.add('a', 'sort the names');
    expect(atScore.check('sort the list of names')).toEqual({ novel: true, score, nearestId: 'a' });
    const below = new NoveltyIndex({ threshold: score - 1e-12 });
    below.add('a', 'sort the names');
    expect(below.isNovel('sort the list of names')).toBe(false);
  });

  it('rejects at 0.7 the L=7, m=7, n=13 pair that 2L/(m+n) would keep', () => {
    const index = new NoveltyIndex();
    index.add('long', 'a x b x c x d x e x f x g');
    expect(index.check('a b c d e f g')).toEqual({ novel: false, score: 0.7000000000000001, nearestId: 'long' });
  });

  it('names the earliest added entry when several tie for the best score', () => {
    const index = new NoveltyIndex();
    index.add('first', 'list three colours');
    index.add('second', 'list three colours');
    expect(index.check('List three colours.')).toEqual({ novel: false, score: 1, nearestId: 'first' });
  });

  it('answers novel with score 0 and no nearest entry for an empty pool', () => {
    expect(new NoveltyIndex().check('Write a poem.')).toEqual({ novel: true, score: 0, nearestId: null });
  });

  it('answers novel with score 0 and no nearest entry when nothing shares a token', () => {
    const index = new NoveltyIndex({ threshold: 0 });
    index.add('a', 'write a poem');
    index.add('b', '写一首诗');
    expect(index.check('sort numbers')).toEqual({ novel: true, score: 0, nearestId: null });
    expect(index.check('写一首诗')).toEqual({ novel: true, score: 0, nearestId: null });
  });

  it('never rejects Chinese duplicates with the default tokenizer, and does with the multilingual one', () => {
    const text = '把这段中文翻译成英文';
    const ascii = new NoveltyIndex();
    ascii.add('a', text);
    expect(ascii.isNovel(text)).toBe(true);
    const multilingual = new NoveltyIndex({ tokenizer: 'multilingual' });
    multilingual.add('a', text);
    expect(multilingual.check(text)).toEqual({ novel: false, score: 1, nearestId: 'a' });
  });

  it('counts every added entry in size', () => {
    const index = new NoveltyIndex();
    index.add('a', 'write a poem');
    index.add('b', '?!');
    expect(index.size).toBe(2);
  });

  it.each([-0.1, 1.5, Number.NaN])('throws a RangeError for threshold %s', (threshold) => {
    expect(() => new NoveltyIndex({ threshold })).toThrow(RangeError);
  });
});
