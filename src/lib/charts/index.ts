// The dataset figures as charts, without a DOM: the bars of each histogram, the verb–noun
// sunburst's layout (d3-hierarchy, d3-shape), and standalone SVG files of them for the exports.
// The page's chart components draw the same geometry in the theme's colours.
export { acceptanceBars, histogramBars, instancesBars, type Bar } from './chart-bars';
export { sunburstSegments, type SunburstSegment } from './sunburst-layout';
export { barChartSvg, sunburstSvg } from './chart-svg';
