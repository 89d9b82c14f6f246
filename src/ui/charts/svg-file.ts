/** The colours and type a chart takes from the page's stylesheet, written into its saved copy. */
const STYLED = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'font-family', 'font-size', 'font-weight'] as const;

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

/** Pixels per CSS pixel of a saved PNG: sharp on a high-density screen and in print. */
const PNG_SCALE = 2;

/** A standalone SVG (standaloneSvg) drawn onto a canvas, as a PNG: no library, the browser renders it. */
export async function pngOf(svgText: string, width: number, height: number): Promise<Blob> {
  const image = new Image(width, height);
  // A data: URL, which the page's policy allows for images (img-src 'self' data:); a blob: one it refuses.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode();
  const canvas = Object.assign(document.createElement('canvas'), { width: width * PNG_SCALE, height: height * PNG_SCALE });
  const context = canvas.getContext('2d')!;
  context.scale(PNG_SCALE, PNG_SCALE);
  context.drawImage(image, 0, 0, width, height);
  return new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not make a PNG of this chart.'))), 'image/png'));
}
