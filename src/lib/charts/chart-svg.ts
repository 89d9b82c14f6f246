import type { VerbNounTree } from '../stats';
import type { Bar } from './chart-bars';
import { sunburstSegments } from './sunburst-layout';

/** app.css's light theme: a file has no stylesheet, and a chart in a dataset card is read on white. */
const THEME = { background: '#ffffff', bar: '#2f6d5c', axis: '#8a7f6c', tick: '#5d6862', text: '#1d2521', onAccent: '#ffffff' };
const FONT = 'font-family="system-ui, sans-serif"';
const TITLE = 28;

/** A histogram as a standalone SVG file (the download worker writes them into the zip): caption, bars, axis, every n-th label. */
export function barChartSvg(caption: string, bars: readonly Bar[], { width = 640, height = 240 } = {}): string {
  const left = 40;
  const axis = 22;
  const plotTop = TITLE + 12;
  const top = Math.max(1, ...bars.map((bar) => bar.value));
  const step = bars.length === 0 ? 0 : (width - left - 8) / bars.length;
  const barWidth = Math.max(1, Math.min(step * 0.8, 48));
  const labelEvery = Math.max(1, Math.ceil((Math.max(0, ...bars.map((bar) => bar.label.length)) * 6.5 + 10) / Math.max(step, 1)));
  const heightOf = (value: number) => ((height - axis - plotTop) * value) / top;
  const marks = bars.map((bar, index) => {
    const x = left + (index + 0.5) * step;
    const h = heightOf(bar.value);
    const rect = `<rect x="${x - barWidth / 2}" y="${height - axis - h}" width="${barWidth}" height="${h}" fill="${THEME.bar}"><title>${text(bar.label)}: ${bar.value}</title></rect>`;
    const label = index % labelEvery === 0 ? `<text x="${x}" y="${height - 6}" text-anchor="middle" font-size="11" fill="${THEME.tick}" ${FONT}>${text(bar.label)}</text>` : '';
    return rect + label;
  });
  return svgFile(caption, width, height, [
    `<line x1="${left}" x2="${width}" y1="${height - axis}" y2="${height - axis}" stroke="${THEME.axis}"/>`,
    `<text x="${left - 4}" y="${plotTop + 4}" text-anchor="end" font-size="11" fill="${THEME.tick}" ${FONT}>${top}</text>`,
    `<text x="${left - 4}" y="${height - axis}" text-anchor="end" font-size="11" fill="${THEME.tick}" ${FONT}>0</text>`,
    ...marks,
  ]);
}

/** Fig. 3's sunburst as a standalone SVG file, laid out as the page draws it (sunburstSegments), the share in its hole. */
export function sunburstSvg(caption: string, tree: VerbNounTree, size = 480): string {
  const centre = `translate(${size / 2} ${TITLE + size / 2})`;
  const segments = sunburstSegments(tree, size / 2);
  const paths = segments.map(
    ({ path, noun, verb, count }) =>
      `<path d="${path}" fill="${THEME.bar}" fill-opacity="${noun ? 0.7 : 1}" stroke="${THEME.background}"><title>${text(noun ? `${verb} · ${noun}` : verb)}: ${count}</title></path>`,
  );
  const labels = segments.flatMap(({ label, noun }) =>
    label ? [`<text transform="translate(${label.x} ${label.y}) rotate(${label.rotate})" text-anchor="middle" dy="0.35em" font-size="11" fill="${noun ? THEME.text : THEME.onAccent}" ${FONT}>${text(label.text)}</text>`] : [],
  );
  const share = `<text text-anchor="middle" dy="0.35em" font-size="15" font-weight="600" fill="${THEME.text}" ${FONT}>${(tree.share * 100).toFixed(1)} %</text>`;
  return svgFile(caption, size, size + TITLE, [`<g transform="${centre}">`, share, ...paths, ...labels, '</g>']);
}

function svgFile(caption: string, width: number, height: number, body: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${text(caption)}">`,
    `<rect width="${width}" height="${height}" fill="${THEME.background}"/>`,
    `<text x="8" y="20" font-size="15" font-weight="600" fill="${THEME.text}" ${FONT}>${text(caption)}</text>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/** Text as XML character data or an attribute value. */
function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
