// The house rules of docs/ARCHITECTURE.md, read from the code's own imports: each area of src/lib
// is entered through its index, areas import each other in one direction only, the vocabulary
// stands on nothing, and no worker-side area reaches into the page's side.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const LIB = join(ROOT, 'src/lib');

/** Areas that exist only for the page: the worker-side areas must not import them. */
const PAGE_SIDE = new Set(['clients', 'coordination', 'backup', 'prompt-api']);
/** Areas whose code runs in a worker. */
const WORKER_SIDE = ['engine', 'webllm', 'wllama', 'novelty', 'rouge', 'download', 'export', 'seeds', 'pool-view', 'stats', 'judge', 'audit'];

interface ImportEdge {
  file: string;
  target: string;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

/** Every relative import in src/, resolved to a path without extension. */
function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/g), ...text.matchAll(/import\('(\.[^']+)'\)/g)];
  return specs.map((match) => ({ file: relative(ROOT, file), target: relative(ROOT, resolve(dirname(file), match[1]!)) }));
}

function areaOf(path: string): string | undefined {
  const match = /^src\/lib\/([^/]+)/.exec(path);
  return match?.[1];
}

const edges = sourceFiles(join(ROOT, 'src')).flatMap(importsOf);
const crossArea = edges.filter((edge) => areaOf(edge.file) && areaOf(edge.target) && areaOf(edge.file) !== areaOf(edge.target));

test('an area is entered through its index only', () => {
  const intoTheRooms = edges.filter((edge) => areaOf(edge.target) && areaOf(edge.file) !== areaOf(edge.target) && edge.target !== `src/lib/${areaOf(edge.target)}`);
  expect(intoTheRooms.map(({ file, target }) => `${file} -> ${target}`)).toEqual([]);
});

test('areas import each other in one direction only: the area graph has no circle', () => {
  const graph = new Map<string, Set<string>>();
  for (const edge of crossArea) {
    const from = areaOf(edge.file)!;
    graph.set(from, (graph.get(from) ?? new Set()).add(areaOf(edge.target)!));
  }
  const circles: string[] = [];
  const visit = (area: string, path: string[]) => {
    for (const next of graph.get(area) ?? []) {
      if (path.includes(next)) circles.push([...path.slice(path.indexOf(next)), next].join(' -> '));
      else visit(next, [...path, next]);
    }
  };
  for (const area of graph.keys()) visit(area, [area]);
  expect(circles).toEqual([]);
});

test('the vocabulary imports nothing of ours and holds types only', () => {
  const vocabulary = edges.filter((edge) => areaOf(edge.file) === 'vocabulary');
  expect(vocabulary.filter((edge) => areaOf(edge.target) !== 'vocabulary')).toEqual([]);
  for (const file of sourceFiles(join(LIB, 'vocabulary'))) {
    const text = readFileSync(file, 'utf8');
    expect(text, file).not.toMatch(/^export (const|function|class|enum|let)\b/m);
    expect(text, file).not.toMatch(/^import (?!type )/m);
  }
});

test('no worker-side area imports a page-side one, nor the UI', () => {
  const wrong = crossArea.filter((edge) => WORKER_SIDE.includes(areaOf(edge.file)!) && PAGE_SIDE.has(areaOf(edge.target)!));
  const intoUi = edges.filter((edge) => edge.file.startsWith('src/lib/') && edge.target.startsWith('src/ui'));
  expect([...wrong, ...intoUi]).toEqual([]);
});
