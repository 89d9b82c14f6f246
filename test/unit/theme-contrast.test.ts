// The light and dark themes' colours in src/ui/app.css meet WCAG 2.2: 4.5:1 for text (1.4.3), 3:1 for
// a field's edge, the focus ring and the progress bar's fill (1.4.11). axe checks text, not these.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const css = readFileSync(new URL('../../src/ui/app.css', import.meta.url), 'utf8');

function variables(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6});/gi)].map(([, name, hex]) => [name!, hex!]));
}

function blockAfter(marker: string): string {
  const start = css.indexOf(marker);
  if (start < 0) throw new Error(`app.css has no ${marker}`);
  return css.slice(start, css.indexOf('}', start));
}

const light = variables(blockAfter(':root {'));
const dark = { ...light, ...variables(blockAfter('@media (prefers-color-scheme: dark) {')) };

/** WCAG 2.2's relative luminance of an sRGB colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

const TEXT: [string, string][] = [
  ['text', 'bg'], ['text', 'card'], ['text', 'control-bg'], ['text', 'button-bg'], ['text', 'warn-bg'], ['text', 'error-bg'],
  ['muted', 'bg'], ['muted', 'card'], ['ok', 'card'], ['accent-text', 'card'], ['accent-text', 'ok-fill'],
  ['danger', 'card'], ['danger', 'button-bg'], ['danger', 'danger-fill'], ['danger', 'error-bg'], ['warn-text', 'warn-fill'],
  ['on-accent', 'accent'], ['on-accent', 'accent-strong'],
  ['text', 'selected'], ['muted', 'selected'], ['accent-text', 'selected'], ['danger', 'selected'],
];
const EDGES: [string, string][] = [
  ['focus', 'bg'], ['focus', 'card'], ['control-line', 'bg'], ['control-line', 'card'], ['invalid-line', 'card'], ['accent', 'track'],
];

test('both themes define every colour the other does', () => {
  expect(Object.keys(light).length).toBeGreaterThan(20);
  expect(Object.keys(variables(blockAfter('@media (prefers-color-scheme: dark) {'))).sort()).toEqual(Object.keys(light).sort());
});

test.each([
  ['light', light],
  ['dark', dark],
])('the %s theme has text at 4.5:1 and edges, focus and fills at 3:1', (_, theme) => {
  const below = [
    ...TEXT.map(([fore, back]) => [fore, back, 4.5] as const),
    ...EDGES.map(([fore, back]) => [fore, back, 3] as const),
  ]
    .map(([fore, back, needed]) => ({ pair: `--${fore} on --${back}`, ratio: contrast(theme[fore] ?? '', theme[back] ?? ''), needed }))
    .filter(({ ratio, needed }) => !(ratio >= needed));
  expect(below).toEqual([]);
});
