// The standalone SVG files of the charts (src/lib/charts/chart-svg.ts), as the exports write them:
// well-formed, the theme's colours written in, every bar and segment there, text escaped.
import { expect, test } from 'vitest';
import { barChartSvg, sunburstSvg } from '../../src/lib/charts';

test('a bar chart has its caption, a bar per bin with its value, and no stylesheet to resolve', () => {
  const svg = barChartSvg('Lengths <words> & more', [{ label: '0–1', value: 2 }, { label: '2–3', value: 0 }, { label: '4+', value: 4 }]);
  expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).toContain('aria-label="Lengths &lt;words&gt; &amp; more"');
  expect(svg.match(/<rect x=/g)).toHaveLength(3);
  expect(svg).toContain('<title>4+: 4</title>');
  // The tallest bar fills the plot: 240 high, less the axis (22) and the title's band (40).
  expect(svg).toMatch(/<rect x="[\d.]+" y="40" width="[\d.]+" height="178" fill="#2f6d5c">/);
  expect(svg).not.toContain('var(--');
  expect(svg.trim().endsWith('</svg>')).toBe(true);
});

test('a sunburst has a path per segment, its share in the hole, and no bars for an empty tree', () => {
  const tree = { instructions: 4, withStructure: 3, share: 0.75, verbs: [{ verb: 'write', count: 3, nouns: [{ noun: 'poem', count: 2 }] }] };
  const svg = sunburstSvg('Fig. 3', tree);
  expect(svg.match(/<path /g)).toHaveLength(2);
  expect(svg).toContain('>75.0 %</text>');
  expect(svg).toContain('<title>write · poem: 2</title>');
  expect(sunburstSvg('Fig. 3', { instructions: 0, withStructure: 0, share: 0, verbs: [] })).not.toContain('<path');
});
