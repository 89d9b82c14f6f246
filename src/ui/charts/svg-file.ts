/** The colours and type a chart takes from the page's stylesheet, written into its saved copy. */
const STYLED = ['fill', 'stroke', 'font-family', 'font-size', 'font-weight'] as const;

/**
 * A chart's SVG as a file of its own: the theme's colours (CSS variables, which a file opened
 * alone cannot resolve) are copied onto each element as computed now, with a background.
 */
export function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, index) => {
    const computed = getComputedStyle(original);
    const target = copies[index] as SVGElement;
    for (const property of STYLED) target.style.setProperty(property, computed.getPropertyValue(property));
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.style.setProperty('background', getComputedStyle(svg.closest('.card') ?? svg).backgroundColor);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${copy.outerHTML}`;
}
