// scripts/rouge.ts, run as `tsx scripts/rouge.ts`: the reference script's input and output formats.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function rouge(args: string[], input: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/rouge.ts', ...args], { cwd: repoRoot, input, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('rouge CLI', () => {
  it('prints the reference score lines byte for byte, skipping blank lines', () => {
    const pairs = [
      { a: 'Sort the list.', b: 'sort the LIST!!' },
      { a: 'Write a poem about the sea.', b: 'Write a short poem about the ocean.' },
      { a: '', b: 'Describe a sunset.' },
      { a: 'x', b: `x${' y'.repeat(29999)}` },
    ];
    const input = pairs.map((pair) => JSON.stringify(pair)).join('\n\n');
    // Expected lines as ../shared/reference/rouge_reference.py score printed them.
    expect(rouge(['score'], input)).toEqual({
      status: 0,
      stderr: '',
      stdout: [
        '{"p": 1.0, "r": 1.0, "f": 1.0}',
        '{"p": 0.7142857142857143, "r": 0.8333333333333334, "f": 0.7692307692307692}',
        '{"p": 0.0, "r": 0.0, "f": 0.0}',
        '{"p": 3.3333333333333335e-05, "r": 1.0, "f": 6.666444451851606e-05}',
        '',
      ].join('\n'),
    });
  });

  it('prints the reference dedup decisions, one per line, at the given threshold', () => {
    const dedup: { streams: Record<string, string[]>; cases: { stream: string; threshold: number; novel: string }[] } =
      JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/rouge/dedup-cases.json', import.meta.url)), 'utf8'));
    const expected = dedup.cases.find((c) => c.stream === 'short' && c.threshold === 0.5)!;
    const { status, stdout } = rouge(['dedup', '--threshold', '0.5'], `${dedup.streams.short!.join('\n')}\n`);
    expect(status).toBe(0);
    expect(stdout).toBe([...expected.novel].map((bit) => `${bit}\n`).join(''));
  });

  it('exits 2 with the usage for a threshold outside 0 to 1', () => {
    const { status, stderr } = rouge(['dedup', '--threshold', '1.5'], 'a\n');
    expect(status).toBe(2);
    expect(stderr).toMatch(/--threshold must be from 0 to 1/);
  });
});
