// refilter: replaying a whole candidate stream at another threshold gives the reference's decisions.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { refilter } from '../../src/lib/rouge';

const dedup: { streams: Record<string, string[]>; cases: { stream: string; threshold: number; novel: string }[] } = JSON.parse(
  readFileSync(fileURLToPath(new URL('../fixtures/rouge/dedup-cases.json', import.meta.url)), 'utf8'),
);

describe('refilter', () => {
  it.each(dedup.cases.map((c) => [c.stream, c.threshold, c.novel] as const))(
    'replays the %s stream at %s with the reference decisions',
    (stream, threshold, expected) => {
      const kept = refilter(dedup.streams[stream]!, { threshold });
      expect(kept.map((k) => (k ? '1' : '0')).join('')).toBe(expected);
    },
  );

  it('checks candidates against the seeds, which are never filtered themselves', () => {
    const seeds = ['Write a poem about the sea.', 'Write a poem about the sea.'];
    const candidates = ['write a poem about the sea', 'Sort these numbers.', 'Sort these numbers!'];
    expect(refilter(candidates, { threshold: 0.7, seeds })).toEqual([false, true, false]);
  });

  it('keeps more as the threshold rises, for the same stream', () => {
    const stream = ['list three fruits', 'list three red fruits', 'list three red fruits please', 'name a fruit'];
    expect(refilter(stream, { threshold: 0.5 })).toEqual([true, false, false, true]);
    expect(refilter(stream, { threshold: 0.9 })).toEqual([true, true, true, true]);
  });

  it('de-duplicates Chinese only with the multilingual tokenizer', () => {
    const stream = ['把这段中文翻译成英文', '把这段中文翻译成英文'];
    expect(refilter(stream, { threshold: 0.7 })).toEqual([true, true]);
    expect(refilter(stream, { threshold: 0.7, tokenizer: 'multilingual' })).toEqual([true, false]);
  });
});
